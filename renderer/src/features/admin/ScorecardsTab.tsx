/**
 * Scorecards: the newest version of each (archived ones marked) beside the editor of the selected
 * one. Saving writes a new version of every scorecard changed here (`qa.saveScorecard`); reviews
 * already scored keep the version they were scored on.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdmin } from './adminSlice';
import { useRevealSelected, AdminListItem } from './fields';
import { validateScorecards, type ScorecardDraft } from './qaValidation';
import { ScorecardEditor } from './ScorecardEditor';
import { TabFrame } from './TabFrame';
import { fieldsOf, recordsWithErrors } from './validation';

function newScorecard(name: string, categoryName: string): ScorecardDraft {
  return {
    id: `scorecard-${crypto.randomUUID().slice(0, 8)}`,
    version: 0,
    name,
    passThreshold: 80,
    archived: false,
    categories: [
      {
        id: 'accuracy',
        name: categoryName,
        guidance: '',
        weight: 1,
        scale: '5',
        critical: false,
        naAllowed: false,
        rootCauses: [],
      },
    ],
  };
}

export function ScorecardsTab(): React.JSX.Element {
  const { t } = useTranslation();
  const draft = useAdmin((s) => s.scorecards.draft);
  const saved = useAdmin((s) => s.scorecards.saved);
  const edit = useAdmin((s) => s.edit);
  const [selected, setSelected] = useState(0);
  const listRef = useRevealSelected<HTMLUListElement>(selected);
  const validation = useMemo(() => (draft ? validateScorecards(draft) : null), [draft]);
  const withErrors = validation ? recordsWithErrors(validation.fields, 's') : new Set<number>();

  return (
    <TabFrame tab="scorecards" validation={validation}>
      {(cards, attempted) => {
        const index = cards.length === 0 ? -1 : Math.min(selected, cards.length - 1);
        const add = () => {
          edit('scorecards', (list) => [
            ...list,
            newScorecard(t('admin.scorecards.newName'), t('admin.scorecards.untitledCategory')),
          ]);
          setSelected(cards.length);
        };
        const removeUnsaved = (at: number) => {
          if (!window.confirm(t('admin.scorecards.confirmRemoveUnsaved', { name: cards[at]!.name }))) return;
          edit('scorecards', (list) => list.filter((_, i) => i !== at));
          setSelected(Math.max(0, at - 1));
        };
        const current = index >= 0 ? cards[index]! : null;
        const savedVersion = current ? (saved?.find((card) => card.id === current.id)?.version ?? 0) : 0;
        return (
          <div className="admin-split">
            <aside className="admin-list-pane" aria-labelledby="admin-scorecards-heading">
              <div className="admin-list-head">
                <h2 id="admin-scorecards-heading">{t('admin.scorecards.heading')}</h2>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={add}
                  data-testid="admin-scorecard-add"
                >
                  + {t('admin.scorecards.add')}
                </button>
              </div>
              <p className="hint">{t('admin.scorecards.help')}</p>
              <ul ref={listRef} className="admin-list" data-testid="admin-scorecard-list">
                {cards.map((card, i) => (
                  <AdminListItem
                    key={card.id}
                    selected={i === index}
                    onSelect={() => setSelected(i)}
                    testId="admin-scorecard-item"
                  >
                    <span className="admin-list-text">
                      <strong>{card.name || t('admin.scorecards.newName')}</strong>
                      <span className="admin-list-sub">
                        {card.version > 0
                          ? t('admin.scorecards.version', { version: card.version })
                          : t('admin.scorecards.notSaved')}
                        {' · '}
                        {t('admin.scorecards.categoryCount', { count: card.categories.length })}
                      </span>
                    </span>
                    {card.archived && (
                      <span className="badge admin-off">{t('admin.scorecards.archived')}</span>
                    )}
                    {withErrors.has(i) && <span className="admin-error-dot" aria-hidden="true" />}
                  </AdminListItem>
                ))}
              </ul>
            </aside>
            {current ? (
              <ScorecardEditor
                key={current.id}
                card={current}
                savedVersion={savedVersion}
                errors={validation ? fieldsOf(validation.fields, `s${index}`) : {}}
                attempted={attempted}
                onChange={(next) =>
                  edit('scorecards', (list) => list.map((c, i) => (i === index ? next : c)))
                }
                onRemoveUnsaved={savedVersion === 0 ? () => removeUnsaved(index) : null}
              />
            ) : (
              <div className="admin-editor admin-empty">
                <p className="muted">{t('admin.scorecards.help')}</p>
              </div>
            )}
          </div>
        );
      }}
    </TabFrame>
  );
}
