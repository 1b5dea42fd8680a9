/**
 * Automatic presence from the desktop: away when the screen locks or the machine has been idle
 * for a while, available again when the agent is back — but only if this watcher was the one
 * that set away (it never overrides a status the agent chose while away). It only posts
 * `{ type: 'presence', status }` to the core; the core decides (it applies `away` only to an
 * available agent and `available` only to an away one, see host/utilityEntry.ts).
 *
 * Takes `powerMonitor` as a parameter (Electron's, after app ready) so it is testable without
 * Electron; imports nothing from `electron` at runtime.
 */
import type { PowerMonitor } from 'electron';
import type { PresenceMessage } from '../../shared/contracts/shell';

export type { AutoPresence, PresenceMessage } from '../../shared/contracts/shell';

export type PowerMonitorLike = Pick<PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleState'>;

export interface PresenceWatcherOptions {
  /** Seconds without input before the agent counts as idle (default 300). */
  idleThresholdSec?: number;
  /** How often to sample the idle state (default 15 s). */
  pollMs?: number;
  post(message: PresenceMessage): void;
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

  monitor.on('lock-screen', goAway);
  monitor.on('unlock-screen', comeBack);
  const timer = setInterval(sample, options.pollMs ?? 15_000);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    monitor.removeListener('lock-screen', goAway);
    monitor.removeListener('unlock-screen', comeBack);
  };
}
