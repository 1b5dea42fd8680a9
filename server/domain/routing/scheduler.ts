/**
 * Per-process dispatch triggers. Triggers for one team coalesce: while a dispatch of the team
 * runs, further triggers only ask for one more pass after it, so a burst of ingests costs a few
 * passes, not one each. Correctness never depends on this (dispatch.ts is race-safe on its own);
 * it only saves work. Kept on the DomainContext (`ctx.dispatch`) so every caller of one server
 * shares one scheduler.
 */
import type { DomainContext } from '../context';
import { dispatchTeam } from './dispatch';

export interface DispatchScheduler {
  /** Dispatch the team soon; resolves when a pass that started after this call has finished. */
  trigger(teamId: string): Promise<void>;
  /**
   * Runs a hook's preparatory work (reading the conversation, returning work to the queue) as
   * part of the scheduler: skipped once closed, awaited by idle() and close(), so no hook reaches
   * for the store after the server closed it.
   */
  run(work: () => Promise<void>): void;
  /** Resolves when no dispatch is running or asked for. */
  idle(): Promise<void>;
  /** Stop accepting triggers and wait for running passes (before the store closes). */
  close(): Promise<void>;
}

export function dispatchScheduler(ctx: DomainContext): DispatchScheduler {
  ctx.dispatch ??= createScheduler(ctx);
  return ctx.dispatch;
}

/** Fire-and-forget form for hooks: errors are logged, never thrown into the caller. */
export function triggerDispatch(ctx: DomainContext, teamIds: Iterable<string>): void {
  const scheduler = dispatchScheduler(ctx);
  for (const teamId of new Set(teamIds)) void scheduler.trigger(teamId);
}

function createScheduler(ctx: DomainContext): DispatchScheduler {
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const hooks = new Set<Promise<void>>();
  let closed = false;

  function run(work: () => Promise<void>): void {
    if (closed) return;
    const hook: Promise<void> = work()
      .catch((error: unknown) => console.error('[server] dispatch hook failed', error))
      .finally(() => hooks.delete(hook));
    hooks.add(hook);
  }

  function trigger(teamId: string): Promise<void> {
    if (closed) return Promise.resolve();
    const current = running.get(teamId);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    running.set(teamId, entry);
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await dispatchTeam(ctx, teamId).catch((error: unknown) => {
            console.error(`[server] dispatch of team ${teamId} failed`, error);
          });
        } while (entry.again && !closed);
      } finally {
        running.delete(teamId);
      }
    })();
    return entry.done;
  }

  async function idle(): Promise<void> {
    while (running.size > 0 || hooks.size > 0)
      await Promise.all([...hooks, ...[...running.values()].map((entry) => entry.done)]);
  }

  return {
    trigger,
    run,
    idle,
    async close() {
      closed = true;
      await idle();
    },
  };
}
