/**
 * The team lead's Live screen: Alerts, Queues & agents, SLA report and KPIs as tabs. Alerts come
 * from the cache (offline too); queue figures from the cache; agents, auto-assign and the reports
 * from the server through the core's `live.*` and `kpi.report` calls.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { KpiPanel } from '../kpi/KpiPanel';
import { AlertsPanel } from './AlertsPanel';
import { QueuesPanel } from './QueuesPanel';
import { SlaReportPanel } from './SlaReportPanel';
import './live.css';

const TABS = ['alerts', 'queues', 'report', 'kpi'] as const;
type Tab = (typeof TABS)[number];

export function LiveScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('alerts');
  const unacknowledged = useAppStore((s) => s.live.unacknowledged);
  const loadAlerts = useAppStore((s) => s.live.loadAlerts);
  useEffect(() => void loadAlerts(), [loadAlerts]);

  const moveFocus = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`live-tab-${next}`)?.focus();
  };

  return (
    <section className="live-screen" aria-label={t('live.title')} data-testid="live-screen">
      <header className="live-screen-header">
        <div role="tablist" aria-label={t('live.title')} className="live-tabs">
          {TABS.map((id, index) => (
            <button
              key={id}
              id={`live-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls={`live-tabpanel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className={`live-tab${tab === id ? ' is-active' : ''}`}
              onClick={() => setTab(id)}
              onKeyDown={(event) => moveFocus(event, index)}
              data-testid={`live-tab-${id}`}
            >
              {id === 'kpi' ? t('kpi.tab') : t(`live.tabs.${id}`)}
              {id === 'alerts' && unacknowledged > 0 && (
                <span className="live-tab-count" aria-label={t('live.badge', { count: unacknowledged })}>
                  {unacknowledged}
                </span>
              )}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" id={`live-tabpanel-${tab}`} aria-labelledby={`live-tab-${tab}`} className="live-body">
        {tab === 'alerts' && <AlertsPanel />}
        {tab === 'queues' && <QueuesPanel />}
        {tab === 'report' && <SlaReportPanel />}
        {tab === 'kpi' && <KpiPanel />}
      </div>
    </section>
  );
}

/** The rail badge: unacknowledged alerts (leads and admins only, the registry decides who sees it). */
export function useUnacknowledgedAlerts(): number {
  const loadAlerts = useAppStore((s) => s.live.loadAlerts);
  useEffect(() => void loadAlerts(), [loadAlerts]);
  return useAppStore((s) => s.live.unacknowledged);
}
