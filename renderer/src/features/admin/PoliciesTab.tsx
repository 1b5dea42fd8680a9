/**
 * SLA policies: the ordered list (first match wins; the catch-all is last, cannot move and cannot
 * be deleted) beside the editor of the selected policy.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCatchAll, type SlaPolicyRecord } from '../../../../shared/sla/policies';
import { useAdmin } from './adminSlice';
import { MoveButtons, moved, useRevealSelected, AdminListItem } from './fields';
import { PolicyEditor } from './PolicyEditor';
import { TabFrame } from './TabFrame';
import { fieldsOf, recordsWithErrors, shadowsOthers, validatePolicies } from './validation';

function newPolicy(name: string, calendarId: string): SlaPolicyRecord {
  return {
    id: `sla-${crypto.randomUUID().slice(0, 8)}`,
    name,
    match: { priorities: ['urgent'] },
    calendarId,
    firstResponseMin: 60,
    resolutionMin: 480,
    warnBeforeMin: 15,
  };
}

export function PoliciesTab(): React.JSX.Element {
  const { t } = useTranslation();
  const draft = useAdmin((s) => s.policies.draft);
  const calendars = useAdmin((s) => s.calendars.saved);
  const edit = useAdmin((s) => s.edit);
  const [selected, setSelected] = useState(0);
  const listRef = useRevealSelected<HTMLOListElement>(selected);

  const calendarIds = useMemo(() => new Set((calendars ?? []).map((c) => c.id)), [calendars]);
  const validation = useMemo(
    () => (draft && calendars ? validatePolicies(draft, calendarIds) : null),
    [draft, calendars, calendarIds],
  );
  const withErrors = validation ? recordsWithErrors(validation.fields, 'p') : new Set<number>();

  return (
    <TabFrame tab="policies" validation={validation}>
      {(policies, attempted) => {
        const index = Math.min(selected, policies.length - 1);
        const lastIndex = policies.length - 1;
        const add = () => {
          const created = newPolicy(t('admin.policies.newName'), calendars?.[0]?.id ?? '');
          // New policies go just above the catch-all, which must stay last.
          edit('policies', (list) => [...list.slice(0, lastIndex), created, ...list.slice(lastIndex)]);
          setSelected(lastIndex);
        };
        const move = (from: number, delta: -1 | 1) => {
          edit('policies', (list) => moved(list, from, delta));
          setSelected(from + delta);
        };
        const remove = (at: number) => {
          if (!window.confirm(t('admin.policies.confirmDelete', { name: policies[at]!.name }))) return;
          edit('policies', (list) => list.filter((_, i) => i !== at));
          setSelected(Math.max(0, at - 1));
        };
        return (
          <div className="admin-split">
            <aside className="admin-list-pane" aria-labelledby="admin-policies-heading">
              <div className="admin-list-head">
                <h2 id="admin-policies-heading">{t('admin.policies.heading')}</h2>
                <button type="button" className="btn btn-small" onClick={add} data-testid="admin-policy-add">
                  + {t('admin.policies.add')}
                </button>
              </div>
              <p className="hint">{t('admin.policies.help')}</p>
              <ol ref={listRef} className="admin-list" data-testid="admin-policy-list">
                {policies.map((policy, i) => {
                  const catchAll = i === lastIndex;
                  return (
                    <AdminListItem
                      key={policy.id}
                      selected={i === index}
                      onSelect={() => setSelected(i)}
                      testId="admin-policy-item"
                      after={
                        !catchAll && (
                          <MoveButtons
                            name={policy.name}
                            canUp={i > 0}
                            canDown={i < lastIndex - 1}
                            onMove={(delta) => move(i, delta)}
                          />
                        )
                      }
                    >
                      <span className="admin-order">{i + 1}</span>
                      <span className="admin-list-text">
                        <strong>{policy.name || t('admin.policies.newName')}</strong>
                        <span className="admin-list-sub">
                          {catchAll || isCatchAll(policy.match)
                            ? t('admin.policies.everything')
                            : summary(policy, t)}
                        </span>
                      </span>
                      {catchAll && <span className="badge">{t('admin.policies.catchAll')}</span>}
                      {withErrors.has(i) && <span className="admin-error-dot" aria-hidden="true" />}
                    </AdminListItem>
                  );
                })}
              </ol>
            </aside>
            <PolicyEditor
              key={policies[index]!.id}
              policy={policies[index]!}
              catchAll={index === lastIndex}
              shadows={shadowsOthers(policies, index)}
              errors={validation ? fieldsOf(validation.fields, `p${index}`) : {}}
              attempted={attempted}
              calendars={calendars ?? []}
              onChange={(next) => edit('policies', (list) => list.map((p, i) => (i === index ? next : p)))}
              onDelete={index === lastIndex ? null : () => remove(index)}
            />
          </div>
        );
      }}
    </TabFrame>
  );
}

function summary(policy: SlaPolicyRecord, t: (key: string) => string): string {
  const { priorities = [], tiers = [], channels = [], teamIds = [] } = policy.match;
  return [
    ...priorities.map((p) => t(`priority.${p}`)),
    ...tiers.map((tier) => t(`admin.policies.tier.${tier}`)),
    ...channels.map((c) => t(`channel.${c}`)),
    ...(teamIds.length ? [`${t('admin.policies.teams')} ×${teamIds.length}`] : []),
  ].join(' · ');
}
