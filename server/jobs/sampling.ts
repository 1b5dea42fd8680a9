/**
 * Sampling cycles as a job: on the leader only (leader.ts), every `checkMs` (and at once on taking
 * the lead) each active rule's cycle that has started is drawn, if nobody drew it yet
 * (domain/qa/sampling.ts claims the cycle in the draw's transaction, so a restart or a change of
 * leader never draws twice). Runs never overlap.
 */
import type { DomainContext } from '../domain/context';
import { drawDueCycles, type CycleDraw } from '../domain/qa/sampling';
import { contendForLeadership, leadAlone, type LeaderJob } from './leader';

/** Differs from every other job's key (SLA_LEADER_LOCK_KEY, CHANGE_LOG_LOCK_KEY). */
export const SAMPLING_LEADER_LOCK_KEY = 7_340_033;

export interface SamplingEngine {
  isLeader(): boolean;
  /** Draws every due cycle now (on the leader; [] elsewhere) and says what was drawn. */
  drawDue(): Promise<CycleDraw[]>;
  close(): Promise<void>;
}

export function startSamplingEngine(
  ctx: DomainContext,
  databaseUrl: string | undefined,
  options: { checkMs?: number; log?: (message: string, error: unknown) => void } = {},
): SamplingEngine {
  const checkMs = options.checkMs ?? 60_000;
  const log = options.log ?? ((message, error) => console.error(`[server] sampling: ${message}`, error));
  let active = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<CycleDraw[]> = Promise.resolve([]);

  const run = (): Promise<CycleDraw[]> => {
    running = running
      .catch(() => [])
      .then(async () => (active ? drawDueCycles(ctx) : []));
    return running;
  };
  const tick = () =>
    void run().catch((error: unknown) => log('a draw failed; the next check tries again', error));

  const job: LeaderJob = {
    get isActive() {
      return active;
    },
    async start() {
      active = true;
      tick();
      timer = setInterval(tick, checkMs);
      timer.unref();
    },
    stop() {
      active = false;
      if (timer) clearInterval(timer);
      timer = null;
    },
    settled: () => running.then(() => undefined, () => undefined),
  };
  const leadership = databaseUrl
    ? contendForLeadership(databaseUrl, job, { lockKey: SAMPLING_LEADER_LOCK_KEY })
    : leadAlone(job);
  return {
    isLeader: () => leadership.isLeader(),
    drawDue: run,
    close: () => leadership.close(),
  };
}
