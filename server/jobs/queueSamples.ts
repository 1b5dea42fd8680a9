/**
 * The waiting line's history as a job: on the leader only (leader.ts), every `checkMs` (one
 * minute) each team's waiting count is stored, and samples older than a day are dropped. A lead
 * opening the Live screen or the wallboard then sees the last hour at once, not only what the
 * window has watched since it opened.
 */
import type { DomainContext } from '../domain/context';
import { pruneQueueSamples, recordQueueSamples } from '../db/queries/queueSamples';
import { startPeriodicJob } from './periodic';

/** Differs from every other job's key (SLA 7_340_032, sampling 7_340_033, auto-QA 7_340_034). */
export const QUEUE_SAMPLES_LEADER_LOCK_KEY = 7_340_036;
export const QUEUE_SAMPLE_MS = 60_000;
const KEEP_MS = 24 * 3_600_000;

export interface QueueSampler {
  isLeader(): boolean;
  /** Samples now (on the leader; 0 elsewhere): how many teams were sampled. */
  sampleNow(): Promise<number>;
  close(): Promise<void>;
}

export function startQueueSampler(
  ctx: DomainContext,
  databaseUrl: string | undefined,
  options: { checkMs?: number; log?: (message: string, error: unknown) => void } = {},
): QueueSampler {
  const job = startPeriodicJob<number>(databaseUrl, {
    lockKey: QUEUE_SAMPLES_LEADER_LOCK_KEY,
    checkMs: options.checkMs ?? QUEUE_SAMPLE_MS,
    idle: 0,
    async run() {
      const now = ctx.now();
      const sampled = await recordQueueSamples(ctx.store.db, now.toISOString());
      await pruneQueueSamples(ctx.store.db, new Date(now.getTime() - KEEP_MS).toISOString());
      return sampled;
    },
    log: options.log ?? ((message, error) => console.error(`[server] queue samples: ${message}`, error)),
  });
  return { isLeader: job.isLeader, sampleNow: job.runNow, close: job.close };
}
