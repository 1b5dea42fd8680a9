/**
 * Queues & agents: per team the viewer leads, the queue from the cache (waiting, longest wait,
 * SLA at risk; live and offline too), then what only the server knows (agents' load and
 * capacity, the auto-assign switch, each agent's work today from the KPI report), asked for while
 * online and refreshed as the inbox changes.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamQueue } from '../../../../shared/contracts/alerts';
import type { TeamRoutingView } from '../../../../shared/contracts/routing';
import { errorCode, errorMessage } from '../../api/client';
import { useNow } from '../../app/useNow';
import { useTeamName } from '../common/useTeamName';
import { formatWaiting } from '../../lib/time';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { AgentLoadRow } from './AgentLoadRow';
import { WaitSparkline } from './WaitSparkline';
import type { WaitSample } from './waitHistory';

const NO_HISTORY: readonly WaitSample[] = [];
import type { KpiReport } from '../../../../shared/contracts/kpiReport';
import { kpiRange, localTimeZone } from '../kpi/period';
import { formatPercent } from '../kpi/format';

export function QueuesPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const queues = useAppStore((s) => s.live.queues);
  const loadQueues = useAppStore((s) => s.live.loadQueues);
  useEffect(() => {
    void loadQueues();
  }, [loadQueues]);
  return (
    <section className="live-panel" aria-labelledby="live-queues-title" data-testid="live-queues">
      <header className="live-panel-header">
        <h2 id="live-queues-title">{t('live.tabs.queues')}</h2>
      </header>
      {queues.length === 0 ? (
        <p className="live-empty">{t('live.queues.noTeams')}</p>
      ) : (
        <div className="live-team-grid">
          {queues.map((queue) => (
            <TeamCard key={queue.teamId} queue={queue} />
          ))}
        </div>
      )}
    </section>
  );
}

function TeamCard({ queue }: { queue: TeamQueue }): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useAppStore((s) => s.language);
  const online = useAppStore((s) => s.sync?.state === 'online' || s.sync?.state === 'syncing');
  const name = useTeamName(queue.teamId, queue.teamId);
  const history = useAppStore((s) => s.live.waitHistory[queue.teamId]) ?? NO_HISTORY;
  const [view, setView] = useState<TeamRoutingView | null>(null);
  const [today, setToday] = useState<KpiReport['byAgent']>([]);
  const [serviceLevel, setServiceLevel] = useState<number | null>(null);
  const loadKpi = useAppStore((s) => s.kpi.load);
  const [problem, setProblem] = useState<string | null>(null);
  const { teamRouting, setAutoAssign } = useAppStore(
    useShallow((s) => ({ teamRouting: s.live.teamRouting, setAutoAssign: s.live.setAutoAssign })),
  );

  const load = useCallback(() => {
    // Today's work per agent (the KPI report, conversations started today in the centre's zone).
    const span = kpiRange('today', Date.now(), { from: '', to: '' }, localTimeZone());
    if (span)
      loadKpi({ ...span, teamId: queue.teamId }).then(
        (report) => {
          setToday(report.byAgent);
          setServiceLevel(report.overall.sla.firstResponse.hitRate);
        },
        () => {
          setToday([]);
          setServiceLevel(null);
        },
      );
    teamRouting(queue.teamId)
      .then(
        (next) => {
          setView(next);
          setProblem(null);
        },
        (error: unknown) => setProblem(errorCode(error) === 'offline' ? 'offline' : errorMessage(error)),
      );
  }, [queue.teamId, teamRouting, loadKpi]);

  // Load and follow the queue: a new waiting conversation or assignment changes agents' load.
  useEffect(() => {
    if (online) load();
  }, [online, load, queue.waiting, queue.atRisk]);

  const toggle = async (autoAssign: boolean) => {
    try {
      setView(await setAutoAssign(queue.teamId, autoAssign));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const wait = queue.longestWaitingSince ? formatWaiting(now - Date.parse(queue.longestWaitingSince), language) : t('live.queues.none');
  const headingId = `live-team-${queue.teamId}`;
  return (
    <article className="live-team" aria-labelledby={headingId} data-testid="live-team" data-team-id={queue.teamId}>
      <header className="live-team-header">
        <h3 id={headingId}>{name}</h3>
        {view && (
          <label className="live-switch">
            <input
              type="checkbox"
              role="switch"
              checked={view.autoAssign}
              onChange={(e) => void toggle(e.target.checked)}
              data-testid="live-auto-assign"
            />
            <span>{t('live.queues.autoAssign')}</span>
          </label>
        )}
      </header>
      <dl className="live-stats">
        <div>
          <dt>{t('live.queues.waiting')}</dt>
          <dd data-testid="live-waiting">{queue.waiting}</dd>
        </div>
        <div>
          <dt>{t('live.queues.longestWait')}</dt>
          <dd>{wait}</dd>
        </div>
        <div title={t('live.queues.atRiskHint')}>
          <dt>{t('live.queues.atRisk')}</dt>
          <dd className={queue.atRisk > 0 ? 'live-hot' : undefined} data-testid="live-at-risk">
            {queue.atRisk}
          </dd>
        </div>
        <div>
          <dt>{t('live.queues.breached')}</dt>
          <dd className={queue.breached > 0 ? 'live-hot' : undefined} data-testid="live-breached">
            {queue.breached}
          </dd>
        </div>
        <div title={t('live.queues.serviceLevelHint')}>
          <dt>{t('live.queues.serviceLevel')}</dt>
          <dd data-testid="live-service-level">{formatPercent(serviceLevel, language)}</dd>
        </div>
        <div>
          <dt>{t('live.queues.vipWaiting')}</dt>
          <dd className={queue.vipWaiting > 0 ? 'live-hot' : undefined} data-testid="live-vip-waiting">
            {queue.vipWaiting}
          </dd>
        </div>
      </dl>
      <WaitSparkline history={history} now={now} label={t('live.queues.lastHour')} />
      {queue.byChannel.length > 0 && (
        <p className="muted small" aria-label={t('live.queues.byChannel')} data-testid="live-by-channel">
          {queue.byChannel
            .map((row) => t('live.queues.channelWaiting', { channel: t(`channel.${row.channel}`), count: row.waiting }))
            .join(' · ')}
        </p>
      )}
      {!online || problem === 'offline' ? (
        <p className="muted small">{t('live.queues.offline')}</p>
      ) : problem ? (
        <p className="form-error small" role="alert">
          {t('live.queues.serverOnly', { message: problem })}
        </p>
      ) : view && view.agents.length === 0 ? (
        <p className="muted small">{t('live.queues.noAgents')}</p>
      ) : view ? (
        <table className="live-table">
          <caption className="visually-hidden">{`${name} · ${t('live.queues.agents')}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('live.queues.agent')}</th>
              <th scope="col">{t('live.queues.status')}</th>
              <th scope="col">{t('live.queues.load')}</th>
              <th scope="col" title={t('live.queues.todayHint')}>
                {t('live.queues.today')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('live.queues.editCapacity')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.agents.map((agent) => (
              <AgentLoadRow
                key={agent.id}
                agent={agent}
                teammates={view.agents}
                today={today.find((row) => row.agentId === agent.id) ?? null}
                onSaved={load}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}
