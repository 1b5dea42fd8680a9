/**
 * Automatic presence from the desktop: away when the screen locks, the machine sleeps or has been
 * idle for a while, available again when the agent is back — but only if this watcher was the one
 * that set away (it never overrides a status the agent chose while away). It only posts
 * `{ type: 'presence', status }` to the core; the core decides (it applies `away` only to an
 * available agent and `available` only to an away one, see host/utilityEntry.ts).
 *
 * After sleep it also posts `{ type: 'resume' }`: the connection that looked open may be dead, so
 * the core reconnects at once and catches up.
 *
 * Takes `powerMonitor` as a parameter (Electron's, after app ready) so it is testable without
 * Electron; imports nothing from `electron` at runtime.
 */
import type { PowerMonitor } from 'electron';
import type { PresenceMessage, ShellToCore } from '../../shared/contracts/shell';

export type { AutoPresence, PresenceMessage } from '../../shared/contracts/shell';

/** What the watcher posts to the core. */
export type WatcherMessage = PresenceMessage | Extract<ShellToCore, { type: 'resume' }>;

export type PowerMonitorLike = Pick<PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleState'>;

export interface PresenceWatcherOptions {
  /** Seconds without input before the agent counts as idle (default 300). */
  idleThresholdSec?: number;
  /** How often to sample the idle state (default 15 s). */
  pollMs?: number;
  post(message: WatcherMessage): void;
}

export function watchPresence(monitor: PowerMonitorLike, options: PresenceWatcherOptions): () => void {
  const threshold = options.idleThresholdSec ?? 300;
  let awayByUs = false;

  const goAway = () => {
    if (awayByUs) return;
    awayByUs = true;
    options.post({ type: 'presence', status: 'away' });
  };
  const comeBack = () => {
    if (!awayByUs) return;
    awayByUs = false;
    options.post({ type: 'presence', status: 'available' });
  };
  const sample = () => {
    const state = monitor.getSystemIdleState(threshold);
    if (state === 'idle' || state === 'locked') goAway();
    else if (state === 'active') comeBack();
  };

  const resume = () => {
    options.post({ type: 'resume' });
    // Back from sleep but the screen may still be locked: the next sample decides.
    sample();
  };

  monitor.on('lock-screen', goAway);
  monitor.on('unlock-screen', comeBack);
  monitor.on('suspend', goAway);
  monitor.on('resume', resume);
  const timer = setInterval(sample, options.pollMs ?? 15_000);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    monitor.removeListener('lock-screen', goAway);
    monitor.removeListener('unlock-screen', comeBack);
    monitor.removeListener('suspend', goAway);
    monitor.removeListener('resume', resume);
  };
}
