/**
 * The wallboard: the floor for a second monitor or a TV browser (web mode, `#wallboard`), readable
 * at three metres. One team at a time, switching every ROTATE_MS (← / → or the buttons to move,
 * Space to pause): waiting now with the longest wait ticking, SLA at risk, the waiting line of the
 * last hour, and today's figures from the KPI report (conversations, handled, first response,
 * CSAT, first-response SLA), refreshed every KPI_REFRESH_MS. The queue figures come from the
 * workstation's cache and keep going offline; today's figures need the server and say so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiFigures } from '../../../../shared/contracts/kpiReport';
import type { TeamQueue } from '../../../../shared/contracts/alerts';
import { useAppStore } from '../../store';
import { formatPercent, formatSeconds } from '../kpi/format';
import { kpiRange, localTimeZone } from '../kpi/period';
import { SAMPLE_MS, type WaitSample } from '../live/waitHistory';
import { WaitSparkline } from '../live/WaitSparkline';
import './wallboard.css';

export const ROTATE_MS = 15_000;
const KPI_REFRESH_MS = 60_000;

function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes >= 60
    ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
    : `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function WallboardScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const queues = useAppStore((s) => s.live.queues);
  const loaded = useAppStore((s) => s.live.queuesLoaded);
  const loadQueues = useAppStore((s) => s.live.loadQueues);
  const directory = useAppStore((s) => s.directory);
  const loadDirectory = useAppStore((s) => s.loadDirectory);
  const language = useAppStore((s) => s.language);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const root = useRef<HTMLElement>(null);
  const history = useAppStore((s) => s.live.waitHistory);

  useEffect(() => {
    void loadQueues();
    if (!directory) void loadDirectory();
  }, [loadQueues, directory, loadDirectory]);

  // Every queue load is a sample (live/liveSlice.ts); a quiet floor still gets one every SAMPLE_MS.
  useEffect(() => {
    const timer = setInterval(() => void loadQueues(), SAMPLE_MS);
    return () => clearInterval(timer);
  }, [loadQueues]);

  const count = queues.length;
  const step = useCallback((by: number) => setIndex((current) => (count === 0 ? 0 : (current + by + count) % count)), [count]);
  useEffect(() => {
    if (paused || count < 2) return;
    const timer = setInterval(() => step(1), ROTATE_MS);
    return () => clearInterval(timer);
  }, [paused, count, step]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowRight') step(1);
    else if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === ' ') setPaused((value) => !value);
    else return;
    event.preventDefault();
  };

  const queue = queues[Math.min(index, Math.max(0, count - 1))];
  const team = directory?.teams.find((candidate) => candidate.id === queue?.teamId);
  const teamName = team ? (language === 'en' ? team.nameEn || team.name : team.name) : (queue?.teamId ?? '');

  return (
    <section
      className="wallboard"
      ref={root}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t('wallboard.title')}
      aria-roledescription={t('wallboard.title')}
      data-testid="wallboard"
    >
      <header className="wallboard-head">
        <h1 data-testid="wallboard-team">{queue ? teamName : t('wallboard.title')}</h1>
        {count > 1 && (
          <span className="wallboard-dots" role="img" aria-label={t('wallboard.position', { at: index + 1, count })}>
            {queues.map((one, at) => (
              <span key={one.teamId} className={at === index ? 'is-current' : ''} />
            ))}
          </span>
        )}
        <span className="wallboard-controls">
          <button type="button" className="btn" onClick={() => step(-1)} aria-label={t('wallboard.previous')}>
            ‹
          </button>
          <button type="button" className="btn" onClick={() => setPaused((value) => !value)} data-testid="wallboard-pause">
            {paused ? t('wallboard.resume') : t('wallboard.pause')}
          </button>
          <button type="button" className="btn" onClick={() => step(1)} aria-label={t('wallboard.next')} data-testid="wallboard-next">
            ›
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : root.current?.requestFullscreen())}
          >
            {t('wallboard.fullscreen')}
          </button>
        </span>
      </header>
      {!loaded ? (
        <p className="wallboard-note">{t('wallboard.loading')}</p>
      ) : !queue ? (
        <p className="wallboard-note">{t('wallboard.noTeams')}</p>
      ) : (
        <TeamBoard key={queue.teamId} queue={queue} history={history[queue.teamId] ?? []} />
      )}
    </section>
  );
}

function TeamBoard({ queue, history }: { queue: TeamQueue; history: readonly WaitSample[] }): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const loadKpi = useAppStore((s) => s.kpi.load);
  const now = useSecondClock();
  const [today, setToday] = useState<{ figures: KpiFigures } | { error: string } | null>(null);
  const zone = useRef(localTimeZone());

  useEffect(() => {
    let live = true;
    const load = async () => {
      const span = kpiRange('today', Date.now(), { from: '', to: '' }, zone.current);
      if (!span) return;
      try {
        const report = await loadKpi({ ...span, teamId: queue.teamId });
        zone.current = report.timeZone;
        if (live) setToday({ figures: report.overall });
      } catch {
        if (live) setToday({ error: t('wallboard.kpiOffline') });
      }
    };
    void load();
    const timer = setInterval(() => void load(), KPI_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [loadKpi, queue.teamId, t]);

  const waitedMs = queue.longestWaitingSince ? now - Date.parse(queue.longestWaitingSince) : null;
  const figures = today && 'figures' in today ? today.figures : null;
  return (
    <div className="wallboard-grid">
      <Tile
        label={t('wallboard.waiting')}
        value={String(queue.waiting)}
        tone={queue.vipWaiting > 0 ? 'hot' : queue.waiting > 0 ? 'warn' : 'ok'}
        testId="wallboard-waiting"
        extra={
          queue.byChannel.length > 1
            ? queue.byChannel.map((row) => `${t(`channel.${row.channel}`)} ${row.waiting}`).join(' · ')
            : undefined
        }
      />
      <Tile
        label={t('wallboard.longestWait')}
        value={waitedMs === null ? '—' : clock(waitedMs)}
        tone={waitedMs !== null && waitedMs > 120_000 ? 'hot' : 'ok'}
        testId="wallboard-longest"
      />
      <Tile
        label={t('wallboard.atRisk')}
        value={String(queue.atRisk)}
        tone={queue.breached > 0 ? 'hot' : queue.atRisk > 0 ? 'warn' : 'ok'}
        testId="wallboard-at-risk"
        extra={
          queue.breached > 0 || queue.vipWaiting > 0
            ? [
                queue.breached > 0 ? t('wallboard.breached', { count: queue.breached }) : '',
                queue.vipWaiting > 0 ? t('wallboard.vipWaiting', { count: queue.vipWaiting }) : '',
              ]
                .filter(Boolean)
                .join(' · ')
            : undefined
        }
      />
      <div className="wallboard-tile wallboard-spark" aria-label={t('wallboard.lastHour')}>
        <span className="wallboard-label">{t('wallboard.lastHour')}</span>
        <div className="wallboard-spark-chart">
          <WaitSparkline history={history} now={now} strokeWidth={4} label={t('wallboard.lastHour')} />
        </div>
      </div>
      <div className="wallboard-today" data-testid="wallboard-today">
        <h2>{t('wallboard.today')}</h2>
        {today && 'error' in today ? (
          <p className="wallboard-note">{today.error}</p>
        ) : (
          <dl>
            <Figure label={t('wallboard.conversations')} value={figures ? String(figures.conversations) : '…'} testId="wallboard-conversations" />
            <Figure label={t('wallboard.handled')} value={figures ? String(figures.handled) : '…'} />
            <Figure label={t('wallboard.firstResponse')} value={figures ? formatSeconds(figures.firstResponse.medianSec, language) : '…'} />
            <Figure label={t('wallboard.csat')} value={figures ? formatPercent(figures.csat.score, language) : '…'} testId="wallboard-csat" />
            <Figure label={t('wallboard.sla')} value={figures ? formatPercent(figures.sla.firstResponse.hitRate, language) : '…'} />
          </dl>
        )}
      </div>
    </div>
  );
}

/** The wallboard's own clock: the longest wait ticks every second (the workstation's shared one is slower). */
function useSecondClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Tile(props: { label: string; value: string; tone: 'ok' | 'warn' | 'hot'; testId: string; extra?: string }): React.JSX.Element {
  return (
    <div className={`wallboard-tile is-${props.tone}`}>
      <span className="wallboard-label">{props.label}</span>
      <strong className="wallboard-value" data-testid={props.testId}>
        {props.value}
      </strong>
      {props.extra && (
        <span className="wallboard-extra" data-testid={`${props.testId}-extra`}>
          {props.extra}
        </span>
      )}
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }): React.JSX.Element {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
