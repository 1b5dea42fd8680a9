/**
 * The bot's knowledge base as stored in the database (migration 005), behind `KnowledgeSource`.
 *
 * Several server nodes may share one PostgreSQL database, and an admin's save lands on one of
 * them. Every save increments a one-row version in the same transaction as the entries, and each
 * node checks that version every `refreshMs` (one primary-key read) and reloads the list when it
 * moved. This was chosen over announcing through the change log (which is for clients, and whose
 * announcer only sees this node's commits) and over LISTEN/NOTIFY (a dedicated connection whose
 * notifications are lost while it reconnects): a poll of the version cannot miss a change, works
 * the same on SQLite, and costs one tiny query per node per interval. The node that saved reloads
 * at once; the others within `refreshMs`.
 *
 * Invariants: `entries()` returns the same array until the list changes, then a new one (the bot
 * caches what it trains by identity); versions only move forward, so a slow reload never replaces
 * a newer list with an older one.
 */
import { writeTransaction, type Store } from '../../db/database';
import { knowledgeVersion, listKnowledgeEntries, replaceKnowledgeEntries } from '../../db/queries/knowledge';
import type { KnowledgeSource } from './knowledgeSource';
import { DEFAULT_KNOWLEDGE_BASE, type KnowledgeEntry } from './training/knowledgeBase';

export const DEFAULT_KNOWLEDGE_REFRESH_MS = 2_000;

export interface KnowledgeStore extends KnowledgeSource {
  /** The version of the list `entries()` returns. */
  version(): number;
  /** Reload if the stored version moved; resolves true when the list changed. */
  refresh(): Promise<boolean>;
  /** Store a new list (already validated) and serve it at once; resolves to the stored list. */
  replace(entries: readonly KnowledgeEntry[], updatedBy: string): Promise<readonly KnowledgeEntry[]>;
  close(): Promise<void>;
}

export interface KnowledgeStoreOptions {
  /** How often to check the stored version (default 2 s); 0 turns the background check off. */
  refreshMs?: number;
  now(): Date;
}

/** Seeds the default list on a database that never had one, loads it, and starts watching the version. */
export async function openKnowledgeStore(
  store: Store,
  options: KnowledgeStoreOptions,
): Promise<KnowledgeStore> {
  await writeTransaction(store, async (trx) => {
    // Under the write lock, so two nodes starting together on a fresh database seed once.
    if ((await knowledgeVersion(trx)) === null) {
      await replaceKnowledgeEntries(trx, DEFAULT_KNOWLEDGE_BASE, options.now().toISOString(), null);
    }
  });

  let loaded: { version: number; entries: readonly KnowledgeEntry[] } = { version: 0, entries: [] };
  const accept = (version: number, entries: readonly KnowledgeEntry[]): boolean => {
    if (version <= loaded.version) return false;
    loaded = { version, entries: Object.freeze([...entries]) };
    return true;
  };

  const refresh = async (): Promise<boolean> => {
    const version = (await knowledgeVersion(store.db)) ?? 0;
    if (version <= loaded.version) return false;
    // A save between these two reads is labelled with the older version: the next check reloads it.
    return accept(version, await listKnowledgeEntries(store.db));
  };
  await refresh();

  const refreshMs = options.refreshMs ?? DEFAULT_KNOWLEDGE_REFRESH_MS;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = () => {
    if (closed || refreshMs <= 0) return;
    timer = setTimeout(() => {
      // A failed check (database briefly unreachable) keeps the loaded list and tries again later.
      running = refresh()
        .catch(() => false)
        .finally(schedule);
    }, refreshMs);
    timer.unref();
  };
  schedule();

  return {
    entries: () => loaded.entries,
    version: () => loaded.version,
    refresh,
    async replace(entries, updatedBy) {
      const version = await writeTransaction(store, (trx) =>
        replaceKnowledgeEntries(trx, entries, options.now().toISOString(), updatedBy),
      );
      accept(version, entries);
      return loaded.entries;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
