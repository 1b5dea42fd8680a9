/**
 * Server migration 005_knowledge_base and the store on top of it: the tables exist and down()
 * removes them, a fresh database is seeded with the default knowledge base exactly once, and an
 * admin's list survives a restart instead of being replaced by the defaults again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import * as m005 from '../../../server/db/migrations/005_knowledge_base';
import { openKnowledgeStore } from '../../../server/domain/nlu/knowledgeStore';
import { DEFAULT_KNOWLEDGE_BASE } from '../../../server/domain/nlu/training/knowledgeBase';

const TABLES = ['knowledge_entries', 'knowledge_base_state'];
const now = () => new Date('2026-03-09T08:00:00Z');
let store: Store | undefined;
let dir: string | undefined;

async function freshStore(): Promise<Store> {
  dir = mkdtempSync(join(tmpdir(), 'sb-kb-migrate-'));
  store = openSqliteStore(join(dir, 'server.db'));
  await migrateToLatest(store.db);
  return store;
}

afterEach(async () => {
  await store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('server migration 005_knowledge_base', () => {
  it('creates the knowledge-base tables, empty, and down() drops them again', async () => {
    const db = (await freshStore()).db;
    const names = async () => (await db.introspection.getTables()).map((table) => table.name);
    expect(await names()).toEqual(expect.arrayContaining(TABLES));
    expect(await db.selectFrom('knowledge_entries').selectAll().execute()).toEqual([]);
    await m005.down(db);
    const after = await names();
    for (const table of TABLES) expect(after).not.toContain(table);
  });

  it('keeps one entry per intent', async () => {
    const db = (await freshStore()).db;
    const row = { intent: 'kb.a', position: 0, data: '{}', updated_at: now().toISOString() };
    await db.insertInto('knowledge_entries').values(row).execute();
    await expect(
      db
        .insertInto('knowledge_entries')
        .values({ ...row, position: 1 })
        .execute(),
    ).rejects.toThrow();
  });

  it('is seeded with the defaults once, and keeps an admin list across restarts', async () => {
    const s = await freshStore();
    const first = await openKnowledgeStore(s, { refreshMs: 0, now });
    expect(first.entries()).toEqual(DEFAULT_KNOWLEDGE_BASE);
    expect(first.version()).toBe(1);
    const kept = [DEFAULT_KNOWLEDGE_BASE[2]!, DEFAULT_KNOWLEDGE_BASE[0]!];
    const before = first.entries();
    await first.replace(kept, 'agent-admin');
    expect(first.entries()).toEqual(kept);
    expect(first.entries()).not.toBe(before);
    expect(first.version()).toBe(2);
    await first.close();

    const restarted = await openKnowledgeStore(s, { refreshMs: 0, now });
    expect(restarted.entries()).toEqual(kept);
    expect(restarted.version()).toBe(2);
    // Nothing changed since: a check keeps the same array, so the bot does not retrain.
    const same = restarted.entries();
    expect(await restarted.refresh()).toBe(false);
    expect(restarted.entries()).toBe(same);
    const state = await s.db.selectFrom('knowledge_base_state').selectAll().execute();
    expect(state).toEqual([
      { id: 1, version: 2, updated_at: now().toISOString(), updated_by: 'agent-admin' },
    ]);
    await restarted.close();
  });
});
