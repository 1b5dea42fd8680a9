/**
 * Automatic presence from the desktop shell: screen lock and OS idle post `away`, coming back
 * posts `available` only after the watcher itself set away; the core applies them without
 * overriding a status the agent chose. `electron`'s powerMonitor is replaced by a fake.
 */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  watchPresence,
  type PowerMonitorLike,
  type WatcherMessage,
} from '../../../electron/main/presenceWatcher';
import { applyAutoPresence } from '../../../electron/core/host/autoPresence';

vi.mock('electron', () => ({ powerMonitor: {} }));

function fakeMonitor() {
  const emitter = new EventEmitter();
  let idle: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  const monitor = {
    on: (event: string, listener: () => void) => emitter.on(event, listener),
    removeListener: (event: string, listener: () => void) => emitter.removeListener(event, listener),
    getSystemIdleState: () => idle,
  } as unknown as PowerMonitorLike;
  return {
    monitor,
    emit: (event: string) => emitter.emit(event),
    setIdle: (state: typeof idle) => (idle = state),
    emitter,
  };
}

describe('watchPresence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('posts away on screen lock and available on unlock, once each', () => {
    const { monitor, emit } = fakeMonitor();
    const posted: WatcherMessage[] = [];
    const stop = watchPresence(monitor, { post: (m) => posted.push(m) });
    emit('lock-screen');
    emit('lock-screen');
    emit('unlock-screen');
    expect(posted).toEqual([
      { type: 'presence', status: 'away' },
      { type: 'presence', status: 'available' },
    ]);
    stop();
  });

  it('posts away after the idle threshold and available when input resumes', () => {
    const { monitor, setIdle } = fakeMonitor();
    const posted: WatcherMessage[] = [];
    const stop = watchPresence(monitor, { post: (m) => posted.push(m), pollMs: 1000, idleThresholdSec: 60 });
    vi.advanceTimersByTime(1000);
    expect(posted).toEqual([]);
    setIdle('idle');
    vi.advanceTimersByTime(3000);
    expect(posted).toEqual([{ type: 'presence', status: 'away' }]);
    setIdle('active');
    vi.advanceTimersByTime(1000);
    expect(posted.at(-1)).toEqual({ type: 'presence', status: 'available' });
    stop();
  });

  it('goes away when the machine sleeps, and on wake asks the core to reconnect, then comes back', () => {
    const { monitor, emit, setIdle } = fakeMonitor();
    const posted: WatcherMessage[] = [];
    const stop = watchPresence(monitor, { post: (m) => posted.push(m) });
    emit('suspend');
    setIdle('active');
    emit('resume');
    expect(posted).toEqual([
      { type: 'presence', status: 'away' },
      { type: 'resume' },
      { type: 'presence', status: 'available' },
    ]);
    stop();
  });

  it('stays away after a wake while the screen is still locked', () => {
    const { monitor, emit, setIdle } = fakeMonitor();
    const posted: WatcherMessage[] = [];
    const stop = watchPresence(monitor, { post: (m) => posted.push(m) });
    emit('suspend');
    setIdle('locked');
    emit('resume');
    expect(posted).toEqual([{ type: 'presence', status: 'away' }, { type: 'resume' }]);
    stop();
  });

  it('never posts available unless it set away itself, and stops listening when stopped', () => {
    const { monitor, emit, emitter } = fakeMonitor();
    const posted: WatcherMessage[] = [];
    const stop = watchPresence(monitor, { post: (m) => posted.push(m) });
    emit('unlock-screen');
    vi.advanceTimersByTime(60_000);
    expect(posted).toEqual([]);
    stop();
    expect(emitter.listenerCount('lock-screen')).toBe(0);
    emit('lock-screen');
    expect(posted).toEqual([]);
  });
});

describe('applyAutoPresence (core side)', () => {
  function fakeRpc(status: string) {
    const calls: Array<[string, unknown]> = [];
    return {
      calls,
      rpc: {
        handle: async (method: string, params: unknown) => {
          calls.push([method, params]);
          return method === 'presence.get'
            ? { ok: true as const, result: { status } }
            : { ok: true as const, result: { ok: true } };
        },
      },
    };
  }

  it.each([
    ['available', 'away', true],
    ['busy', 'away', false],
    ['offline', 'away', false],
    ['away', 'available', true],
    ['busy', 'available', false],
  ])('agent %s, shell says %s → applied: %s', async (current, wanted, applied) => {
    const { rpc, calls } = fakeRpc(current);
    await applyAutoPresence(rpc, { type: 'presence', status: wanted });
    expect(calls.some(([method]) => method === 'presence.set')).toBe(applied);
  });

  it('ignores malformed messages', async () => {
    const { rpc, calls } = fakeRpc('available');
    await applyAutoPresence(rpc, { type: 'presence', status: 'offline' });
    await applyAutoPresence(rpc, { type: 'presence' });
    expect(calls).toEqual([]);
  });
});
