/**
 * Auto-QA as a job: on the leader only (leader.ts), every `checkMs` (and at once on taking the
 * lead) every conversation finished since the last pass that has no result on its current version
 * is evaluated (domain/qa/autoQa.ts), a batch at a time until none is left. The first pass after
 * taking the lead looks back `lookbackMs`, so conversations finished while no node led (a restart,
 * a crash between the resolve and its evaluation) are caught up; later passes look back from the
 * start of the previous one, with a margin for commits still in flight when it ran.
 */
import type { DomainContext } from '../domain/context';
import { AUTO_QA_BATCH, evaluateDue, type AutoQaRun } from '../domain/qa/autoQa';
import { startPeriodicJob } from './periodic';

/** Differs from every other job's key (SLA_LEADER_LOCK_KEY, SAMPLING_LEADER_LOCK_KEY, CHANGE_LOG_LOCK_KEY). */
export const AUTO_QA_LEADER_LOCK_KEY = 7_340_034;
/** Commits may land this long after the instant they carry. */
const IN_FLIGHT_MARGIN_MS = 10 * 60_000;
/** Resolutions in quick succession are evaluated together. */
const FINISHED_DEBOUNCE_MS = 500;
/** Passes per run at most (a backlog larger than this many batches is finished by the next runs). */
const MAX_BATCHES_PER_RUN = 50;

export interface AutoQaEngine {
  isLeader(): boolean;
  /** Evaluates every due conversation now (on the leader; nothing elsewhere) and says how many. */
  evaluateDue(): Promise<AutoQaRun>;
  /** A conversation was resolved on this node: evaluate soon rather than at the next check. */
  finished(): void;
  close(): Promise<void>;
}

export function startAutoQaEngine(
  ctx: DomainContext,
  databaseUrl: string | undefined,
  options: { checkMs?: number; lookbackMs?: number; log?: (message: string, error: unknown) => void } = {},
): AutoQaEngine {
  const lookbackMs = options.lookbackMs ?? 7 * 86_400_000;
  let since: number | null = null;
  const run = async (): Promise<AutoQaRun> => {
    const startedAt = ctx.now().getTime();
    const from = new Date(since ?? startedAt - lookbackMs).toISOString();
    const total: AutoQaRun = { evaluated: 0, flagged: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
      const done = await evaluateDue(ctx, from);
      total.evaluated += done.evaluated;
      total.flagged += done.flagged;
      if (done.evaluated < AUTO_QA_BATCH) {
        since = startedAt - IN_FLIGHT_MARGIN_MS;
        break;
      }
    }
    return total;
  };
  const job = startPeriodicJob<AutoQaRun>(databaseUrl, {
    lockKey: AUTO_QA_LEADER_LOCK_KEY,
    checkMs: options.checkMs ?? 15_000,
    idle: { evaluated: 0, flagged: 0 },
    run,
    log: options.log ?? ((message, error) => console.error(`[server] auto-QA: ${message}`, error)),
  });
  let soon: NodeJS.Timeout | null = null;
  return {
    isLeader: job.isLeader,
    evaluateDue: job.runNow,
    finished() {
      if (soon || !job.isLeader()) return;
      soon = setTimeout(() => {
        soon = null;
        job.runNow().catch(() => {});
      }, FINISHED_DEBOUNCE_MS);
      soon.unref();
    },
    async close() {
      if (soon) clearTimeout(soon);
      soon = null;
      await job.close();
    },
  };
}
