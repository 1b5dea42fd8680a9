/**
 * Alerts for the lead, triaged: open alerts as one card per conversation (most severe first),
 * with bulk acknowledgement (a selection, or everything shown), then the muted conversations,
 * the lead's notification choices per kind, and the acknowledged alerts.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';
import { AlertGroupCard } from './AlertGroupCard';
import { groupOpenAlerts, openAlertIds } from './alertGroups';
import { AlertMutes } from './AlertMutes';
import { AlertPreferencesForm } from './AlertPreferencesForm';
import { AlertRow } from './AlertRow';

/** Acknowledged alerts shown below the open ones. */
const DONE_SHOWN = 50;

export function AlertsPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const alerts = useAppStore((s) => s.live.alerts);
  const unacknowledged = useAppStore((s) => s.live.unacknowledged);
  const loaded = useAppStore((s) => s.live.alertsLoaded);
  const acknowledgeMany = useAppStore((s) => s.live.acknowledgeMany);
  const pushToast = useAppStore((s) => s.pushToast);
  const groups = useMemo(() => groupOpenAlerts(alerts), [alerts]);
  const done = useMemo(() => alerts.filter((item) => item.alert.acknowledgedAt).slice(0, DONE_SHOWN), [alerts]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // A selection only holds conversations still shown.
  const chosen = groups.filter((group) => selected.has(group.conversationId));
  const allChosen = groups.length > 0 && chosen.length === groups.length;

  const acknowledge = async (alertIds: string[]) => {
    try {
      await acknowledgeMany(alertIds);
      setSelected(new Set());
    } catch (error) {
      pushToast({ key: 'toast.rejectedOther', params: { message: errorMessage(error) }, tone: 'warning', conversationId: null });
    }
  };
  const select = (conversationId: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(conversationId);
      else next.delete(conversationId);
      return next;
    });

  return (
    <section className="live-panel" aria-labelledby="live-alerts-title" data-testid="live-alerts">
      <header className="live-panel-header">
        <h2 id="live-alerts-title">{t('live.tabs.alerts')}</h2>
        <span className={`live-count${unacknowledged > 0 ? ' live-hot' : ''}`} data-testid="live-unacknowledged">
          {t('live.alerts.unacknowledged', { count: unacknowledged })}
        </span>
        {groups.length > 0 && (
          <div className="live-alert-bulk" role="group" aria-label={t('live.alerts.bulk')}>
            <label className="live-alert-select-all">
              <input
                type="checkbox"
                checked={allChosen}
                onChange={(event) => setSelected(new Set(event.target.checked ? groups.map((g) => g.conversationId) : []))}
                data-testid="live-alert-select-all"
              />
              {t('live.alerts.selectAll')}
            </label>
            <button
              type="button"
              className="btn btn-small"
              disabled={chosen.length === 0}
              onClick={() => void acknowledge(openAlertIds(chosen))}
              data-testid="live-alert-acknowledge-selected"
            >
              {t('live.alerts.acknowledgeSelected', { count: openAlertIds(chosen).length })}
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void acknowledge(openAlertIds(groups))}
              data-testid="live-alert-acknowledge-all"
            >
              {t('live.alerts.acknowledgeAll', { count: openAlertIds(groups).length })}
            </button>
          </div>
        )}
      </header>
      {loaded && groups.length === 0 && (
        <p className="live-empty" data-testid="live-alerts-empty">
          {t('live.alerts.allClear')}
        </p>
      )}
      {groups.length > 0 && (
        <ul className="live-alert-groups" data-testid="live-alerts-open">
          {groups.map((group) => (
            <AlertGroupCard
              key={group.conversationId}
              group={group}
              selected={selected.has(group.conversationId)}
              onSelect={(on) => select(group.conversationId, on)}
            />
          ))}
        </ul>
      )}
      <div className="live-alert-extras">
        <AlertMutes />
        <AlertPreferencesForm />
      </div>
      {done.length > 0 && (
        <>
          <h3 className="live-subtitle">{t('live.alerts.earlier')}</h3>
          <ul className="live-alert-list is-done" data-testid="live-alerts-done">
            {done.map((item) => (
              <AlertRow key={item.alert.id} item={item} showWho />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
