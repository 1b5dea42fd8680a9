/** One alert (one kind on one conversation, its repeats counted): icon, what, the latest words, when. */
import { useTranslation } from 'react-i18next';
import type { AlertListItem } from '../../../../shared/contracts/alerts';
import type { Alert } from '../../../../shared/contracts/sla';
import { useNow } from '../../app/useNow';
import { formatTimestamp, formatWaiting } from '../../lib/time';
import { useAppStore } from '../../store';
import { lastRaisedAt, severityOf } from './alertGroups';
import { formatAgo } from './format';

/** One icon per kind (24×24, stroked), so the list can be scanned without reading. */
const KIND_ICON: Record<Alert['kind'], string> = {
  sla_breached: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  negative_sentiment: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8.5 16.5c1.8-1.6 5.2-1.6 7 0M9 10h.01M15 10h.01',
  vip_waiting: 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6-5.3-3-5.3 3 1.2-6L3.4 9.3l6-.7z',
  low_survey: 'M4 20h16M7 16V9M12 16V5M17 16v-3',
};

export function AlertRow({ item, showWho = false }: { item: AlertListItem; showWho?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useAppStore((s) => s.language);
  const { alert } = item;
  const title =
    alert.kind === 'sla_breached'
      ? t('live.alerts.kind.sla_breached', { target: t(`sla.target.${alert.target}`) })
      : t(`live.alerts.kind.${alert.kind}`);
  const detail =
    alert.kind === 'sla_breached'
      ? t('live.alerts.detail.sla_breached', { due: formatTimestamp(alert.dueAt, now, language) })
      : alert.kind === 'negative_sentiment'
        ? t('live.alerts.detail.negative_sentiment', { score: alert.score.toFixed(2), excerpt: alert.excerpt })
        : alert.kind === 'low_survey'
          ? t(alert.comment ? 'live.alerts.detail.low_survey_comment' : 'live.alerts.detail.low_survey', {
              survey: t(`nlu.survey.short.${alert.survey}`),
              score: alert.score,
              max: alert.survey === 'csat' ? 5 : 10,
              comment: alert.comment ?? '',
            })
          : t('live.alerts.detail.vip_waiting', {
              duration: formatWaiting(Date.parse(alert.createdAt) - Date.parse(alert.waitingSince), language),
            });
  const setScreen = useAppStore((s) => s.setScreen);
  const openConversation = useAppStore((s) => s.openConversation);
  const contact = item.contactName ?? t('live.alerts.unknownContact');
  const openIt = () => {
    setScreen('inbox');
    openConversation(alert.conversationId);
  };
  const severity = severityOf(alert);
  const count = alert.count ?? 1;
  const latest = lastRaisedAt(alert);
  const team = (language === 'en' ? item.teamNameEn : item.teamName) ?? item.teamName ?? alert.teamId;

  return (
    <li
      className={`live-alert kind-${alert.kind} severity-${severity}`}
      data-testid="live-alert"
      data-kind={alert.kind}
      data-alert-id={alert.id}
      data-severity={severity}
      data-count={count}
    >
      <svg className="live-alert-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d={KIND_ICON[alert.kind]} />
      </svg>
      <button type="button" className="live-alert-main" onClick={openIt} title={t('live.alerts.open', { name: contact })}>
        <span className="live-alert-title">
          {title}
          {count > 1 && (
            <span className="live-alert-count" data-testid="live-alert-count" title={t('live.alerts.repeated', { count })}>
              ×{count}
            </span>
          )}
        </span>
        {showWho && (
          <span className="live-alert-who">
            {contact} · {team}
          </span>
        )}
        <span className="live-alert-detail">{detail}</span>
      </button>
      <div className="live-alert-side">
        <time dateTime={latest} title={formatTimestamp(latest, now, language)}>
          {formatAgo(latest, now, language, t('live.ago.justNow'))}
        </time>
        {alert.acknowledgedAt && (
          <span className="muted small" data-testid="live-alert-acknowledged">
            {item.pending
              ? t('live.alerts.acknowledgedPending')
              : t('live.alerts.acknowledged', {
                  name: item.acknowledgedByName ?? '',
                  ago: formatAgo(alert.acknowledgedAt, now, language, t('live.ago.justNow')),
                })}
          </span>
        )}
      </div>
    </li>
  );
}
