/**
 * Who runs the SLA scheduler. Embedded SQLite: this process, always (one node). PostgreSQL: the
 * node holding a session-level `pg_try_advisory_lock` on a dedicated connection. Every other
 * node retries every `retryMs`; when the leader dies its connection closes, PostgreSQL releases
 * the lock, and the next retry takes over (within retryMs plus a connect). The leader checks its
 * connection every `retryMs` too and steps down the moment it fails, so two nodes never both
 * believe they lead for longer than that. Commits on other nodes reach the leader as NOTIFY on
 * SLA_NOTIFY_CHANNEL (sent by attach.ts inside the committing transaction).
 */
import pg from 'pg';
import { SLA_NOTIFY_CHANNEL } from './attach';
import type { SlaScheduler } from './scheduler';

/** Any constant works as long as every node uses the same one (differs from CHANGE_LOG_LOCK_KEY). */
export const SLA_LEADER_LOCK_KEY = 7_340_032;

export interface SlaLeadership {
  isLeader(): boolean;
  close(): Promise<void>;
}

export function leadAlone(scheduler: SlaScheduler): SlaLeadership {
  void scheduler.start();
  return {
    isLeader: () => scheduler.isActive,
    async close() {
      scheduler.stop();
      await scheduler.settled();
    },
  };
}

export function contendForLeadership(
  databaseUrl: string,
  scheduler: SlaScheduler,
  retryMs = 1_000,
): SlaLeadership {
  let closed = false;
  let client: pg.Client | null = null;
  let leader = false;
  let timer: NodeJS.Timeout | null = null;

  const dropConnection = () => {
    if (leader) scheduler.stop();
    leader = false;
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.on('error', () => {});
    void old?.end().catch(() => {});
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
        fresh.on('notification', () => scheduler.onCommitted());
        client = fresh;
        await fresh.connect();
      }
      if (leader) {
        await client.query('select 1');
      } else {
        const { rows } = await client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock($1) as locked',
          [SLA_LEADER_LOCK_KEY],
        );
        if (rows[0]?.locked && !closed) {
          await client.query(`listen ${SLA_NOTIFY_CHANNEL}`);
          leader = true;
          void scheduler.start();
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
      scheduler.stop();
      leader = false;
      const old = client;
      client = null;
      old?.removeAllListeners();
      old?.on('error', () => {});
      await old?.end().catch(() => {});
      await scheduler.settled();
    },
  };
}
