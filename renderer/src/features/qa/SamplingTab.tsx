/**
 * The Quality screen's Sampling tab (leads and admins): the sampling rules as a list beside the
 * editor of the selected one, with the admin screen's save bar (adminSlice `sampling` draft,
 * TabFrame). A lead sees and saves only the rules of the teams they lead; the server decides that,
 * and says so word for word when it refuses. Nothing is cached: the rules need a connection.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { SamplingRule } from '../../../../shared/qa/sampling';
import { useAppStore } from '../../store';
import { useAdmin } from '../admin/adminSlice';
import { AdminListItem, useRevealSelected } from '../admin/fields';
import { validateSamplingRules } from '../admin/qaValidation';
import { TabFrame } from '../admin/TabFrame';
import { fieldsOf, recordsWithErrors } from '../admin/validation';
import '../admin/admin.css';
import { SamplingEditor } from './SamplingEditor';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function SamplingTab(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { load, claim, edit } = useAdmin(useShallow((s) => ({ load: s.load, claim: s.claim, edit: s.edit })));
  const draft = useAdmin((s) => s.sampling.draft);
  const viewer = useAppStore((s) => s.session?.agent ?? null);
  const directory = useAppStore((s) => s.directory);
  const loadDirectory = useAppStore((s) => s.loadDirectory);
  const [selected, setSelected] = useState(0);
  const listRef = useRevealSelected<HTMLOListElement>(selected);
  const validation = useMemo(() => (draft ? validateSamplingRules(draft) : null), [draft]);
  const withErrors = validation ? recordsWithErrors(validation.fields, 'r') : new Set<number>();
  const zh = i18n.language.startsWith('zh');

  useEffect(() => {
    if (viewer) claim(viewer.id);
    void load('sampling');
  }, [viewer, claim, load]);
  useEffect(() => {
    if (!directory) void loadDirectory();
  }, [directory, loadDirectory]);

  // A lead picks among the teams they lead; an admin among all.
  const teams = (directory?.teams ?? []).filter(
    (team) => viewer?.role === 'admin' || viewer?.teamIds.includes(team.id),
  );
  const teamName = (id: string) => {
    const team = directory?.teams.find((candidate) => candidate.id === id);
    return team ? (zh ? team.name : team.nameEn || team.name) : id;
  };

  return (
    <div className="qa-sampling" data-testid="qa-sampling">
      <TabFrame tab="sampling" validation={validation}>
        {(rules, attempted) => {
          const index = rules.length === 0 ? -1 : Math.min(selected, rules.length - 1);
          const nameOf = (rule: SamplingRule) => rule.name.trim() || t('qa.sampling.untitled');
          const summary = (rule: SamplingRule) =>
            [
              teamName(rule.teamId),
              t(`qa.sampling.cycles.${rule.cycle}`),
              rule.random.mode === 'percent'
                ? `${rule.random.amount} %`
                : `${rule.random.amount} ${t('qa.sampling.amountCount')}`,
            ].join(' · ');
          const add = () => {
            const created: SamplingRule = {
              id: `sample-${crypto.randomUUID().slice(0, 8)}`,
              name: t('qa.sampling.newName'),
              active: true,
              teamId: teams[0]?.id ?? viewer?.teamIds[0] ?? '',
              agentIds: [],
              cycle: 'daily',
              timeZone: DEFAULT_TIME_ZONE,
              random: { mode: 'percent', amount: 10 },
              conditions: [],
              reviewers: [],
            };
            edit('sampling', (list) => [...list, created]);
            setSelected(rules.length);
          };
          const remove = (at: number) => {
            if (!window.confirm(t('qa.sampling.confirmDelete', { name: nameOf(rules[at]!) }))) return;
            edit('sampling', (list) => list.filter((_, i) => i !== at));
            setSelected(Math.max(0, at - 1));
          };
          return (
            <div className="admin-split">
              <aside className="admin-list-pane" aria-labelledby="qa-sampling-heading">
                <div className="admin-list-head">
                  <h2 id="qa-sampling-heading">{t('qa.sampling.heading')}</h2>
                  <span className="muted small">{t('qa.sampling.count', { count: rules.length })}</span>
                </div>
                <p className="hint">{t('qa.sampling.help')}</p>
                <div className="admin-add-row">
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={add}
                    disabled={teams.length === 0}
                    data-testid="qa-sampling-add"
                  >
                    + {t('qa.sampling.add')}
                  </button>
                </div>
                {rules.length === 0 ? (
                  <p className="muted small">{t('qa.sampling.empty')}</p>
                ) : (
                  <ol ref={listRef} className="admin-list" data-testid="qa-sampling-list">
                    {rules.map((rule, i) => (
                      <AdminListItem
                        key={rule.id}
                        selected={i === index}
                        onSelect={() => setSelected(i)}
                        testId="qa-sampling-item"
                      >
                        <span className="admin-list-text">
                          <strong>{nameOf(rule)}</strong>
                          <span className="admin-list-sub">{summary(rule)}</span>
                        </span>
                        {!rule.active && <span className="badge admin-off">{t('qa.sampling.inactive')}</span>}
                        {withErrors.has(i) && <span className="admin-error-dot" aria-hidden="true" />}
                      </AdminListItem>
                    ))}
                  </ol>
                )}
              </aside>
              {index >= 0 ? (
                <SamplingEditor
                  key={rules[index]!.id}
                  rule={rules[index]!}
                  teams={teams}
                  directory={directory}
                  teamName={teamName}
                  admin={viewer?.role === 'admin'}
                  errors={validation ? fieldsOf(validation.fields, `r${index}`) : {}}
                  attempted={attempted}
                  onChange={(next) => edit('sampling', (list) => list.map((r, i) => (i === index ? next : r)))}
                  onDelete={() => remove(index)}
                />
              ) : (
                <div className="admin-editor admin-empty">
                  <p className="muted">{t('qa.sampling.empty')}</p>
                </div>
              )}
            </div>
          );
        }}
      </TabFrame>
    </div>
  );
}
