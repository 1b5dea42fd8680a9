/**
 * Group commit for channel ingest. A write that arrives while a group is committing waits for it
 * and then commits with every other write that arrived meanwhile, in one transaction (one
 * PostgreSQL advisory lock, one COMMIT), at most GROUP_MAX_WRITES at a time. When the node is
 * quiet a write commits alone, on the next turn of the event loop, so grouping adds no wait.
 *
 * Each write of a group runs inside its own savepoint: one that throws is rolled back alone (its
 * change-log range too, so the group's seqs stay contiguous) and its caller gets its own error;
 * the others commit. If the transaction itself fails (the database went away mid-write) nothing of
 * the group is stored and every caller gets the error, as each would have alone. Changes are
 * announced only after the group committed, adjacent ranges heard by the same rooms as one poke.
 */
import { sql } from 'kysely';
import { writeTransaction, type Trx } from '../db/database';
import type { AppendedChanges } from '../db/queries/changes';
import { coalesceRanges, writeWithChanges, type AppendFn, type DomainContext } from './context';

export const GROUP_MAX_WRITES = 32;

type Write = (trx: Trx, append: AppendFn) => Promise<unknown>;

interface Pending {
  write: Write;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface CommitGroupStats {
  /** Transactions committed (or failed) so far. */
  groups: number;
  /** Writes they carried. */
  writes: number;
  /** The most writes one group carried. */
  largest: number;
}

export interface CommitGroup {
  commit<T>(write: (trx: Trx, append: AppendFn) => Promise<T>): Promise<T>;
  /** Resolves when no write is waiting or committing. */
  idle(): Promise<void>;
  stats(): CommitGroupStats;
}

export function createCommitGroup(
  ctx: Pick<DomainContext, 'store' | 'announcer' | 'now'>,
  maxWrites = GROUP_MAX_WRITES,
): CommitGroup {
  const queue: Pending[] = [];
  let draining: Promise<void> | null = null;
  const stats: CommitGroupStats = { groups: 0, writes: 0, largest: 0 };

  const runGroup = async (group: Pending[]): Promise<void> => {
    const appended: AppendedChanges[] = [];
    const outcomes: Outcome[] = [];
    stats.groups++;
    stats.writes += group.length;
    stats.largest = Math.max(stats.largest, group.length);
    try {
      await writeTransaction(ctx.store, async (trx) => {
        if (group.length === 1) {
          outcomes.push({ ok: true, value: await writeWithChanges(ctx, trx, appended, group[0]!.write) });
          return;
        }
        for (const pending of group) {
          const mark = appended.length;
          await sql`savepoint ingest_write`.execute(trx);
          try {
            const value = await writeWithChanges(ctx, trx, appended, pending.write);
            await sql`release savepoint ingest_write`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint ingest_write`.execute(trx);
            await sql`release savepoint ingest_write`.execute(trx);
            appended.length = mark;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // Nothing of the group was stored: each caller hears the error (its own, if it had one).
      group.forEach((pending, i) => {
        const outcome = outcomes[i];
        pending.reject(outcome && !outcome.ok ? outcome.error : error);
      });
      return;
    }
    for (const range of coalesceRanges(appended)) ctx.announcer.announce(range);
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  };

  const drain = async (): Promise<void> => {
    // Writes started in the same turn of the event loop go together.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (queue.length > 0) await runGroup(queue.splice(0, maxWrites));
    draining = null;
  };

  return {
    commit<T>(write: (trx: Trx, append: AppendFn) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
        draining ??= drain();
      });
    },
    async idle() {
      while (draining) await draining;
    },
    stats: () => ({ ...stats }),
  };
}
