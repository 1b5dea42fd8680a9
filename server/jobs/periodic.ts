/**
 * A cluster-wide job that runs every `checkMs` on the leader (leader.ts) and at once on taking
 * the lead; `runNow()` runs it on demand (on the leader; `idle` elsewhere). Runs never overlap: a
 * run asked for while one is going starts when it ends. A failed run is logged and the next check
 * tries again.
 */
import { contendForLeadership, leadAlone, type LeaderJob } from './leader';

export interface PeriodicJob<T> {
  isLeader(): boolean;
  runNow(): Promise<T>;
  close(): Promise<void>;
}

export interface PeriodicJobOptions<T> {
  /** Differs from every other job's key. */
  lockKey: number;
  checkMs: number;
  /** What a run on a node that does not lead returns. */
  idle: T;
  run: () => Promise<T>;
  log: (message: string, error: unknown) => void;
  /** Called when this node stops leading (or shuts down): let go of what only the leader holds. */
  stopped?: () => void;
}

export function startPeriodicJob<T>(
  databaseUrl: string | undefined,
  options: PeriodicJobOptions<T>,
): PeriodicJob<T> {
  let active = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> = Promise.resolve(options.idle);

  const run = (): Promise<T> => {
    running = running.catch(() => options.idle).then(async () => (active ? options.run() : options.idle));
    return running;
  };
  const tick = () =>
    void run().catch((error: unknown) => options.log('a run failed; the next check tries again', error));

  const job: LeaderJob = {
    get isActive() {
      return active;
    },
    async start() {
      active = true;
      tick();
      timer = setInterval(tick, options.checkMs);
      timer.unref();
    },
    stop() {
      active = false;
      if (timer) clearInterval(timer);
      timer = null;
      options.stopped?.();
    },
    settled: () =>
      running.then(
        () => undefined,
        () => undefined,
      ),
  };
  const leadership = databaseUrl
    ? contendForLeadership(databaseUrl, job, { lockKey: options.lockKey })
    : leadAlone(job);
  return {
    isLeader: () => leadership.isLeader(),
    runNow: run,
    close: () => leadership.close(),
  };
}
