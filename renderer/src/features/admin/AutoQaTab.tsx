/**
 * Auto-QA rules: the ordered list (rules run in this order, and their hits are listed so) beside
 * the editor of the selected rule. A rule's kind is chosen when it is added; the whole list is
 * saved at once and the server's leader job reads finished conversations with it from then on.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_QA_RULE_KINDS, type AutoQaRule, type AutoQaRuleKind } from '../../../../shared/qa/autoQa';
import { useAdmin } from './adminSlice';
import { AutoQaEditor } from './AutoQaEditor';
import { MoveButtons, moved, secondsAsText, useRevealSelected, AdminListItem } from './fields';
import { newestScorecard } from './scorecardStore';
import { TabFrame } from './TabFrame';
import { validateAutoQaRules } from './qaValidation';
import { fieldsOf, recordsWithErrors } from './validation';

const DEFAULT_SECONDS = { slow_reply: 600, long_silence: 30 } as const;

/** A new rule of `kind`, named after its kind in both languages (`nameIn` gives the kind's name). */
function newRule(kind: AutoQaRuleKind, nameIn: (language: 'zh-CN' | 'en') => string): AutoQaRule {
  const name = { 'zh-CN': nameIn('zh-CN'), en: nameIn('en') };
  const common = {
    id: `${kind.replace('_', '-')}-${crypto.randomUUID().slice(0, 6)}`,
    name,
    active: true,
    categoryId: null,
  };
  switch (kind) {
    case 'slow_reply':
    case 'long_silence':
      return { ...common, kind, seconds: DEFAULT_SECONDS[kind] };
    case 'negative_end':
      return { ...common, kind };
    default:
      return { ...common, kind, phrases: { 'zh-CN': [], en: [] } };
  }
}

export function AutoQaTab(): React.JSX.Element {
  const { t, i18n: current } = useTranslation();
  const draft = useAdmin((s) => s.autoQa.draft);
  const scorecards = useAdmin((s) => s.scorecards.saved);
  const edit = useAdmin((s) => s.edit);
  const [selected, setSelected] = useState(0);
  const [kind, setKind] = useState<AutoQaRuleKind>('forbidden');
  const listRef = useRevealSelected<HTMLOListElement>(selected);
  const validation = useMemo(() => (draft ? validateAutoQaRules(draft) : null), [draft]);
  const withErrors = validation ? recordsWithErrors(validation.fields, 'a') : new Set<number>();
  const scorecard = useMemo(() => newestScorecard(scorecards ?? []), [scorecards]);
  const language = current.language.startsWith('zh') ? 'zh-CN' : 'en';

  return (
    <TabFrame tab="autoQa" validation={validation}>
      {(rules, attempted) => {
        const index = rules.length === 0 ? -1 : Math.min(selected, rules.length - 1);
        const nameOf = (rule: AutoQaRule) =>
          rule.name[language] || rule.name.en || t('admin.autoQa.untitled');
        // The kind, and what it is set to: the list tells rules of one kind apart.
        const summary = (rule: AutoQaRule) => {
          const kindName = t(`admin.autoQa.kinds.${rule.kind}`);
          if ('phrases' in rule) {
            const count = rule.phrases['zh-CN'].length + rule.phrases.en.length;
            return `${kindName} · ${t('admin.autoQa.phraseCount', { count })}`;
          }
          if ('seconds' in rule)
            return `${kindName} · ${secondsAsText(rule.seconds, current.language) ?? t('admin.autoQa.secondsShort', { count: rule.seconds })}`;
          return kindName;
        };
        const add = () => {
          const created = newRule(kind, (lng) => current.getFixedT(lng)(`admin.autoQa.kinds.${kind}`));
          edit('autoQa', (list) => [...list, created]);
          setSelected(rules.length);
        };
        const move = (from: number, delta: -1 | 1) => {
          edit('autoQa', (list) => moved(list, from, delta));
          setSelected(from + delta);
        };
        const remove = (at: number) => {
          if (!window.confirm(t('admin.autoQa.confirmDelete', { name: nameOf(rules[at]!) }))) return;
          edit('autoQa', (list) => list.filter((_, i) => i !== at));
          setSelected(Math.max(0, at - 1));
        };
        return (
          <div className="admin-split">
            <aside className="admin-list-pane" aria-labelledby="admin-autoqa-heading">
              <div className="admin-list-head">
                <h2 id="admin-autoqa-heading">{t('admin.autoQa.heading')}</h2>
                <span className="muted small">{t('admin.autoQa.count', { count: rules.length })}</span>
              </div>
              <p className="hint">{t('admin.autoQa.help')}</p>
              <div className="admin-add-row">
                <select
                  className="select"
                  aria-label={t('admin.autoQa.newKind')}
                  value={kind}
                  onChange={(e) => setKind(e.target.value as AutoQaRuleKind)}
                  data-testid="admin-autoqa-new-kind"
                >
                  {AUTO_QA_RULE_KINDS.map((option) => (
                    <option key={option} value={option}>
                      {t(`admin.autoQa.kinds.${option}`)}
                    </option>
                  ))}
                </select>
                <button type="button" className="btn btn-small" onClick={add} data-testid="admin-autoqa-add">
                  + {t('admin.autoQa.add')}
                </button>
              </div>
              {rules.length === 0 ? (
                <p className="muted small">{t('admin.autoQa.empty')}</p>
              ) : (
                <ol ref={listRef} className="admin-list" data-testid="admin-autoqa-list">
                  {rules.map((rule, i) => (
                    <AdminListItem
                      key={rule.id}
                      selected={i === index}
                      onSelect={() => setSelected(i)}
                      testId="admin-autoqa-item"
                      after={
                        <MoveButtons
                          name={nameOf(rule)}
                          canUp={i > 0}
                          canDown={i < rules.length - 1}
                          onMove={(delta) => move(i, delta)}
                        />
                      }
                    >
                      <span className="admin-order">{i + 1}</span>
                      <span className="admin-list-text">
                        <strong>{nameOf(rule)}</strong>
                        <span className="admin-list-sub">{summary(rule)}</span>
                      </span>
                      {!rule.active && <span className="badge admin-off">{t('admin.autoQa.inactive')}</span>}
                      {withErrors.has(i) && <span className="admin-error-dot" aria-hidden="true" />}
                    </AdminListItem>
                  ))}
                </ol>
              )}
            </aside>
            {index >= 0 ? (
              <AutoQaEditor
                key={rules[index]!.id}
                rule={rules[index]!}
                scorecard={scorecard}
                errors={validation ? fieldsOf(validation.fields, `a${index}`) : {}}
                attempted={attempted}
                onChange={(next) => edit('autoQa', (list) => list.map((r, i) => (i === index ? next : r)))}
                onDelete={() => remove(index)}
              />
            ) : (
              <div className="admin-editor admin-empty">
                <p className="muted">{t('admin.autoQa.empty')}</p>
              </div>
            )}
          </div>
        );
      }}
    </TabFrame>
  );
}
