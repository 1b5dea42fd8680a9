/**
 * Sampling cycles as a job: on the leader only (leader.ts), every `checkMs` (and at once on taking
 * the lead) each active rule's cycle that has started is drawn, if nobody drew it yet
 * (domain/qa/sampling.ts claims the cycle in the draw's transaction, so a restart or a change of
 * leader never draws twice). Runs never overlap (periodic.ts).
 */
import type { DomainContext } from '../domain/context';
import { drawDueCycles, type CycleDraw } from '../domain/qa/sampling';
import { startPeriodicJob } from './periodic';

/** Differs from every other job's key (SLA_LEADER_LOCK_KEY, CHANGE_LOG_LOCK_KEY, AUTO_QA_LEADER_LOCK_KEY). */
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
  const job = startPeriodicJob<CycleDraw[]>(databaseUrl, {
    lockKey: SAMPLING_LEADER_LOCK_KEY,
    checkMs: options.checkMs ?? 60_000,
    idle: [],
    run: () => drawDueCycles(ctx),
    log: options.log ?? ((message, error) => console.error(`[server] sampling: ${message}`, error)),
  });
  return { isLeader: job.isLeader, drawDue: job.runNow, close: job.close };
}
