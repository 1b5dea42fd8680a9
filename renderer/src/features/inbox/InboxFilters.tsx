import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { INBOX_SCOPES, INBOX_SORTS, type InboxSort } from '../../../../shared/contracts/rpc';
import { CHANNELS, CONVERSATION_STATUSES, PRIORITIES } from '../../../../shared/domain/model';
import { useAppStore } from '../../store';
import type { InboxFilters as Filters } from '../../store/inboxSlice';
import { sortLabelKey } from '../sla/SlaChip';
import { localeOf } from '../../lib/time';

type ChipKey = 'statuses' | 'channels' | 'priorities';

const GROUPS: Array<{ key: ChipKey; labelKey: string; values: readonly string[]; prefix: string }> = [
  { key: 'statuses', labelKey: 'inbox.filterStatus', values: CONVERSATION_STATUSES, prefix: 'status' },
  { key: 'channels', labelKey: 'inbox.filterChannel', values: CHANNELS, prefix: 'channel' },
  { key: 'priorities', labelKey: 'inbox.filterPriority', values: [...PRIORITIES].reverse(), prefix: 'priority' },
];

/** Scope tabs, sort, and multi-select chips for status / channel / priority. */
export function InboxFilters(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const [expanded, setExpanded] = useState(false);
  const { filters, total, setFilters } = useAppStore(
    useShallow((s) => ({ filters: s.inboxFilters, total: s.inboxTotal, setFilters: s.setInboxFilters })),
  );
  const activeCount = filters.statuses.length + filters.channels.length + filters.priorities.length;

  const toggle = (key: ChipKey, value: string) => {
    const current = filters[key] as string[];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    setFilters({ [key]: next } as Partial<Filters>);
  };

  return (
    <div className="inbox-filters">
      <div className="scope-tabs" role="tablist" aria-label={t('inbox.scopeLabel')}>
        {INBOX_SCOPES.map((scope) => (
          <button
            key={scope}
            type="button"
            role="tab"
            aria-selected={filters.scope === scope}
            aria-controls="inbox-panel"
            className="scope-tab"
            data-testid={`scope-tab-${scope}`}
            onClick={() => setFilters({ scope })}
          >
            {t(`inbox.scope.${scope}`)}
          </button>
        ))}
      </div>
      <div className="filter-bar">
        <button
          type="button"
          className={`btn btn-small${activeCount ? ' btn-active' : ''}`}
          aria-expanded={expanded}
          aria-controls="inbox-filter-panel"
          onClick={() => setExpanded(!expanded)}
          data-testid="filters-toggle"
        >
          {activeCount ? t('inbox.filtersActive', { count: activeCount }) : t('inbox.filters')}
        </button>
        <span className="muted small" aria-live="polite">
          {total === null ? '' : t('inbox.total', { count: total.toLocaleString(localeOf(language)) })}
        </span>
        <span className="row-spacer" />
        <button
          type="button"
          className={`chip chip-sla${filters.breachingWithin30m ? ' btn-active' : ''}`}
          aria-pressed={filters.breachingWithin30m === true}
          data-testid="filter-sla-breaching"
          onClick={() => setFilters({ breachingWithin30m: !filters.breachingWithin30m })}
        >
          {t('sla.filterBreaching')}
        </button>
        <label className="sort-label">
          <span className="muted small">{t('inbox.sortLabel')}</span>
          <select
            className="select select-compact"
            value={filters.sort}
            data-testid="inbox-sort"
            onChange={(e) => setFilters({ sort: e.target.value as InboxSort })}
          >
            {INBOX_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(sortLabelKey(sort))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {expanded && (
        <div id="inbox-filter-panel" className="filter-panel">
          {GROUPS.map((group) => (
            <fieldset key={group.key} className="chip-group">
              <legend>{t(group.labelKey)}</legend>
              {group.values.map((value) => (
                <button
                  key={value}
                  type="button"
                  className="chip"
                  aria-pressed={(filters[group.key] as string[]).includes(value)}
                  data-testid={`filter-${group.prefix}-${value}`}
                  onClick={() => toggle(group.key, value)}
                >
                  {t(`${group.prefix}.${value}`)}
                </button>
              ))}
            </fieldset>
          ))}
          {activeCount > 0 && (
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setFilters({ statuses: [], channels: [], priorities: [] })}>
              {t('inbox.clearFilters')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
