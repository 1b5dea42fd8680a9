/** Alerts for the lead: unacknowledged first, newest first; acknowledge, or open the conversation. */
import { useTranslation } from 'react-i18next';
import type { AlertListItem } from '../../../../shared/contracts/alerts';
import type { Alert } from '../../../../shared/contracts/sla';
import { errorMessage } from '../../api/client';
import { useNow } from '../../app/useNow';
import { formatTimestamp, formatWaiting } from '../../lib/time';
import { useAppStore } from '../../store';
import { formatAgo } from './format';

/** One icon per kind (24×24, stroked), so the list can be scanned without reading. */
const KIND_ICON: Record<Alert['kind'], string> = {
  sla_breached: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  negative_sentiment: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8.5 16.5c1.8-1.6 5.2-1.6 7 0M9 10h.01M15 10h.01',
  vip_waiting: 'M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6-5.3-3-5.3 3 1.2-6L3.4 9.3l6-.7z',
  low_survey: 'M4 20h16M7 16V9M12 16V5M17 16v-3',
};

export function AlertsPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const alerts = useAppStore((s) => s.live.alerts);
  const unacknowledged = useAppStore((s) => s.live.unacknowledged);
  const loaded = useAppStore((s) => s.live.alertsLoaded);
  const open = alerts.filter((item) => !item.alert.acknowledgedAt);
  const done = alerts.filter((item) => item.alert.acknowledgedAt);
  return (
    <section className="live-panel" aria-labelledby="live-alerts-title" data-testid="live-alerts">
      <header className="live-panel-header">
        <h2 id="live-alerts-title">{t('live.tabs.alerts')}</h2>
        <span className={`live-count${unacknowledged > 0 ? ' live-hot' : ''}`} data-testid="live-unacknowledged">
          {t('live.alerts.unacknowledged', { count: unacknowledged })}
        </span>
      </header>
      {loaded && open.length === 0 && (
        <p className="live-empty" data-testid="live-alerts-empty">
          {t('live.alerts.allClear')}
        </p>
      )}
      {open.length > 0 && (
        <ul className="live-alert-list" data-testid="live-alerts-open">
          {open.map((item) => (
            <AlertRow key={item.alert.id} item={item} />
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <>
          <h3 className="live-subtitle">{t('live.alerts.earlier')}</h3>
          <ul className="live-alert-list is-done" data-testid="live-alerts-done">
            {done.map((item) => (
              <AlertRow key={item.alert.id} item={item} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AlertRow({ item }: { item: AlertListItem }): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useAppStore((s) => s.language);
  const setScreen = useAppStore((s) => s.setScreen);
  const openConversation = useAppStore((s) => s.openConversation);
  const pushToast = useAppStore((s) => s.pushToast);
  const acknowledgeAlert = useAppStore((s) => s.live.acknowledge);
  const { alert } = item;
  const contact = item.contactName ?? t('live.alerts.unknownContact');
  const team = (language === 'en' ? item.teamNameEn : item.teamName) ?? item.teamName ?? alert.teamId;

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
          ? t('live.alerts.detail.low_survey', { score: alert.score, max: alert.survey === 'csat' ? 5 : 10, survey: t(`nlu.survey.short.${alert.survey}`), comment: alert.comment ?? '' })
          : t('live.alerts.detail.vip_waiting', {
              duration: formatWaiting(Date.parse(alert.createdAt) - Date.parse(alert.waitingSince), language),
            });

  const openIt = () => {
    setScreen('inbox');
    openConversation(alert.conversationId);
  };
  const acknowledge = async () => {
    try {
      await acknowledgeAlert(alert.id);
    } catch (error) {
      pushToast({ key: 'toast.rejectedOther', params: { message: errorMessage(error) }, tone: 'warning', conversationId: null });
    }
  };

  return (
    <li className={`live-alert kind-${alert.kind}`} data-testid="live-alert" data-kind={alert.kind} data-alert-id={alert.id}>
      <svg className="live-alert-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d={KIND_ICON[alert.kind]} />
      </svg>
      <button type="button" className="live-alert-main" onClick={openIt} title={t('live.alerts.open', { name: contact })}>
        <span className="live-alert-title">{title}</span>
        <span className="live-alert-who">
          {contact} · {team}
        </span>
        <span className="live-alert-detail">{detail}</span>
      </button>
      <div className="live-alert-side">
        <time dateTime={alert.createdAt} title={formatTimestamp(alert.createdAt, now, language)}>
          {formatAgo(alert.createdAt, now, language, t('live.ago.justNow'))}
        </time>
        {alert.acknowledgedAt ? (
          <span className="muted small" data-testid="live-alert-acknowledged">
            {item.pending
              ? t('live.alerts.acknowledgedPending')
              : t('live.alerts.acknowledged', {
                  name: item.acknowledgedByName ?? '',
                  ago: formatAgo(alert.acknowledgedAt, now, language, t('live.ago.justNow')),
                })}
          </span>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => void acknowledge()} data-testid="live-alert-acknowledge">
            {t('live.alerts.acknowledge')}
          </button>
        )}
      </div>
    </li>
  );
}
