/**
 * Who runs a cluster-wide job (the SLA scheduler today; sampling cycles and survey sending next).
 * Embedded SQLite: this process, always (one node). PostgreSQL: the node holding a session-level
 * `pg_try_advisory_lock(lockKey)` on a dedicated connection. Every other node retries every
 * `retryMs`; when the leader dies its connection closes, PostgreSQL releases the lock, and the
 * next retry takes over (within retryMs plus a connect). The leader checks its connection every
 * `retryMs` too and steps down the moment it fails, so two nodes never both believe they lead for
 * longer than that. A job that must hear of commits on other nodes names a NOTIFY channel; the
 * leader LISTENs on it and calls `job.notified()`.
 */
import pg from 'pg';

/** What the leader runs: started on taking the lead, stopped on losing it or at shutdown. */
export interface LeaderJob {
  readonly isActive: boolean;
  start(): Promise<void>;
  /** Stop acting at once; `settled()` then resolves when the task running now has ended. */
  stop(): void;
  settled(): Promise<void>;
  /** A commit on some node was announced on the job's NOTIFY channel. */
  notified?(): void;
}

export interface Leadership {
  isLeader(): boolean;
  /** Steps down and resolves once the job has settled, so the caller may close the database. */
  close(): Promise<void>;
}

export interface ContendOptions {
  /** Any constant, the same on every node and different for every job. */
  lockKey: number;
  /** NOTIFY channel the leader listens on (optional). */
  listen?: string;
  retryMs?: number;
}

export function leadAlone(job: LeaderJob): Leadership {
  void job.start();
  return {
    isLeader: () => job.isActive,
    async close() {
      job.stop();
      await job.settled();
    },
  };
}

export function contendForLeadership(
  databaseUrl: string,
  job: LeaderJob,
  options: ContendOptions,
): Leadership {
  const retryMs = options.retryMs ?? 1_000;
  let closed = false;
  let client: pg.Client | null = null;
  let leader = false;
  let timer: NodeJS.Timeout | null = null;

  const release = (old: pg.Client | null) => {
    old?.removeAllListeners();
    old?.on('error', () => {});
    return old?.end().catch(() => {});
  };

  const dropConnection = () => {
    if (leader) job.stop();
    leader = false;
    const old = client;
    client = null;
    void release(old);
  };

  const tick = async () => {
    timer = null;
    if (closed) return;
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString: databaseUrl });
        fresh.on('error', () => dropConnection());
        fresh.on('end', () => {
          if (client === fresh) dropConnection();
        });
        fresh.on('notification', () => job.notified?.());
        client = fresh;
        await fresh.connect();
      }
      if (leader) {
        await client.query('select 1');
      } else {
        const { rows } = await client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock($1) as locked',
          [options.lockKey],
        );
        if (rows[0]?.locked && !closed) {
          if (options.listen) await client.query(`listen ${options.listen}`);
          leader = true;
          void job.start();
        }
      }
    } catch {
      dropConnection();
    }
    if (!closed) {
      timer = setTimeout(() => void tick(), retryMs);
      timer.unref();
    }
  };
  void tick();

  return {
    isLeader: () => leader,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      job.stop();
      leader = false;
      const old = client;
      client = null;
      await release(old);
      await job.settled();
    },
  };
}
