/**
 * Classifier retraining as a job: on the leader only (leader.ts), every `checkMs` it trains the
 * oldest queued version (an admin's "Retrain now"), or queues one when the schedule says enough
 * new corrections have come in (`minCorrections`, at most one per `everyMs`). Training and
 * measuring run in a worker thread (domain/nlu/modelTrainer.ts), never on an ingest's path.
 */
import type { z } from 'zod';
import type { DomainContext } from '../domain/context';
import { envNumber, fromEnv } from '../envField';
import { trainInWorker, type ModelTrainer } from '../domain/nlu/modelTrainer';
import { requeueInterrupted, requestRetraining, retrainingDue, runQueuedRetraining, type RetrainingOutcome } from '../domain/nlu/modelVersions';
import { startPeriodicJob } from './periodic';

/** Differs from every other job's key (SLA 7_340_032 … webhooks 7_340_037). */
export const NLU_RETRAINING_LEADER_LOCK_KEY = 7_340_038;
export const NLU_RETRAINING_CHECK_MS = 5_000;

export interface NluRetrainingSchedule {
  /** New corrections that make the schedule queue a retraining (0: only admins' requests). */
  minCorrections: number;
  everyMs: number;
}

export const DEFAULT_RETRAINING_SCHEDULE: NluRetrainingSchedule = { minCorrections: 50, everyMs: 6 * 3_600_000 };

export const NLU_RETRAINING_ENV = {
  SWITCHBOARD_NLU_RETRAIN_MIN_CORRECTIONS: fromEnv(
    envNumber({ min: 0, max: 1_000_000, integer: true, unit: 'corrections' }).default(DEFAULT_RETRAINING_SCHEDULE.minCorrections),
  ),
  SWITCHBOARD_NLU_RETRAIN_HOURS: fromEnv(
    envNumber({ min: 0, above: true, max: 24 * 90, unit: 'hours' }).default(DEFAULT_RETRAINING_SCHEDULE.everyMs / 3_600_000),
  ),
};

export function retrainingScheduleOf(e: z.infer<z.ZodObject<typeof NLU_RETRAINING_ENV>>): NluRetrainingSchedule {
  return { minCorrections: e.SWITCHBOARD_NLU_RETRAIN_MIN_CORRECTIONS, everyMs: e.SWITCHBOARD_NLU_RETRAIN_HOURS * 3_600_000 };
}

export interface NluRetraining {
  isLeader(): boolean;
  /** One check now (on the leader): the version it decided, or null. */
  runNow(): Promise<RetrainingOutcome | null>;
  close(): Promise<void>;
}

export interface NluRetrainingOptions {
  checkMs?: number;
  schedule: NluRetrainingSchedule;
  train?: ModelTrainer;
  /** A version was promoted by this node: the trained model, for the node's own classifier. */
  promoted?: (outcome: RetrainingOutcome) => void;
  log?: (message: string, error: unknown) => void;
}

export function startNluRetraining(ctx: DomainContext, databaseUrl: string | undefined, options: NluRetrainingOptions): NluRetraining {
  const train = options.train ?? trainInWorker;
  const log = options.log ?? ((message, error) => console.error(`[nlu retraining] ${message}`, error));
  let recovered = false;

  const job = startPeriodicJob<RetrainingOutcome | null>(databaseUrl, {
    lockKey: NLU_RETRAINING_LEADER_LOCK_KEY,
    checkMs: options.checkMs ?? NLU_RETRAINING_CHECK_MS,
    idle: null,
    log,
    run: async () => {
      if (!recovered) {
        await requeueInterrupted(ctx);
        recovered = true;
      }
      const { minCorrections, everyMs } = options.schedule;
      if (minCorrections > 0 && (await retrainingDue(ctx, minCorrections, everyMs))) await requestRetraining(ctx, null);
      const outcome = await runQueuedRetraining(ctx, train);
      if (outcome?.trained) options.promoted?.(outcome);
      return outcome;
    },
  });
  return job;
}
