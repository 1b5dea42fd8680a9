import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamName } from '../common/useTeamName';
import type { InboxRow } from '../../../../shared/contracts/rpc';
import { formatTimestamp, formatWaiting } from '../../lib/time';
import { PriorityBadge, StatusBadge, VipBadge } from '../common/Badges';
import { ChannelIcon } from '../common/ChannelIcon';
import { useLanguage } from '../common/useLanguage';
import { SlaChip } from '../sla/SlaChip';
import { InsightTags } from '../insight/InsightTags';

const HOUR = 3_600_000;

/** How urgent a wait looks: calm under 15 min, warning under an hour, then alarming. */
function waitTone(ms: number): 'calm' | 'warn' | 'late' {
  if (ms < 15 * 60_000) return 'calm';
  return ms < HOUR ? 'warn' : 'late';
}

interface Props {
  row: InboxRow;
  now: number;
}

/** The content of one inbox row (three compact lines in ~64 px). */
export const InboxRowView = memo(function InboxRowView({ row, now }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const language = useLanguage();
  const teamName = useTeamName(row.teamId, row.teamName);
  const waitingMs = row.waitingSince ? now - Date.parse(row.waitingSince) : null;
  return (
    <>
      <div className="row-line row-head">
        <ChannelIcon channel={row.channel} />
        <span className={`row-name${row.unread ? ' is-unread' : ''}`}>{row.contactName}</span>
        {row.contactTier === 'vip' && <VipBadge />}
        {row.unread && <span className="unread-dot" role="img" aria-label={t('inbox.unread')} />}
        <span className="row-spacer" />
        <SlaChip clock={row.sla} />
        {waitingMs !== null ? (
          <span className={`row-wait wait-${waitTone(waitingMs)}`} title={t('inbox.waiting', { duration: formatWaiting(waitingMs, language) })}>
            {formatWaiting(waitingMs, language)}
          </span>
        ) : (
          <span className="row-time">{formatTimestamp(row.lastMessageAt, now, language)}</span>
        )}
      </div>
      <div className="row-line row-preview">
        {row.lastMessageDirection === 'out' && <span aria-hidden="true">↩ </span>}
        {row.subject ? <strong>{row.subject} · </strong> : null}
        {row.lastMessagePreview}
      </div>
      <div className="row-line row-meta">
        <PriorityBadge priority={row.priority} />
        <StatusBadge status={row.status} />
        <InsightTags issueTypes={row.issueTypes} sentiment={row.sentiment} compact />
        <span className="row-assignee">{row.assigneeName ?? t('inbox.unassigned')}</span>
        <span className="row-team">{teamName}</span>
      </div>
    </>
  );
});
