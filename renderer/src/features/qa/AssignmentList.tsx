/** The reviewer's list: to do, done or skipped, oldest first, with who and what each one is. */
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain/model';
import { formatTimestamp } from '../../lib/time';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';
import { ChannelIcon } from '../common/ChannelIcon';
import type { QaAssignmentStatus } from './qaSlice';

const FILTERS: QaAssignmentStatus[] = ['open', 'done', 'skipped'];

export function AssignmentList(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { assignments, counts, filter, openId, loaded, setFilter, open } = useAppStore((s) => s.qa);
  const now = useNow();
  return (
    <nav className="qa-list" aria-label={t('qa.list.label')}>
      <div className="qa-filters" role="group" aria-label={t('qa.filter.label')}>
        {FILTERS.map((id) => (
          <button
            key={id}
            type="button"
            className={`qa-filter${filter === id ? ' is-active' : ''}`}
            aria-pressed={filter === id}
            onClick={() => void setFilter(id)}
            data-testid={`qa-filter-${id}`}
          >
            {t(`qa.filter.${id}`)} <span className="qa-filter-count">{counts[id]}</span>
          </button>
        ))}
      </div>
      {loaded && assignments.length === 0 ? (
        <p className="qa-empty">{t(`qa.list.empty.${filter}`)}</p>
      ) : (
        <ul className="qa-rows">
          {assignments.map((row) => (
            <li key={row.assignment.id}>
              <button
                type="button"
                className={`qa-row${row.assignment.id === openId ? ' is-open' : ''}`}
                aria-current={row.assignment.id === openId ? 'true' : undefined}
                onClick={() => void open(row.assignment.id)}
                data-testid="qa-row"
              >
                <span className="qa-row-top">
                  {row.channel && <ChannelIcon channel={row.channel as Channel} />}
                  <strong>{row.contactName ?? t('qa.list.unknownContact')}</strong>
                  {row.score !== null && <span className="qa-row-score">{Math.round(row.score)}</span>}
                </span>
                <span className="qa-row-sub">
                  {row.agentName ? t('qa.list.agent', { name: row.agentName }) : t('qa.list.noAgent')} ·{' '}
                  {t('qa.list.messages', { count: row.messageCount })}
                  {row.lastMessageAt ? ` · ${formatTimestamp(row.lastMessageAt, now, language)}` : ''}
                </span>
                {row.pending && <span className="qa-pending">{t('qa.list.pending')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
