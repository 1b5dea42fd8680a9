/** Server migration 002_sla: its tables exist, the status history follows its conversation, and down() removes them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import * as m002 from '../../../server/db/migrations/002_sla';

const SLA_TABLES = [
  'sla_policies',
  'business_calendars',
  'sla_status_events',
  'sla_notices',
  'sla_outcomes',
  'alerts',
];
let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('server migration 002_sla', () => {
  it('creates the SLA tables, and down() drops them again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-sla-migrate-'));
    store = openSqliteStore(join(dir, 'server.db'));
    await migrateToLatest(store.db);
    const names = async () => (await store!.db.introspection.getTables()).map((table) => table.name);
    expect(await names()).toEqual(expect.arrayContaining(SLA_TABLES));
    await m002.down(store.db);
    const after = await names();
    for (const table of SLA_TABLES) expect(after).not.toContain(table);
  });

  it('keeps one notice per target, kind and due instant', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-sla-migrate-'));
    store = openSqliteStore(join(dir, 'server.db'));
    await migrateToLatest(store.db);
    const notice = {
      conversation_id: 'c1',
      target: 'firstResponse',
      instance: 0,
      kind: 'breached',
      due_at: '2026-03-09T01:00:00.000Z',
      fired_at: '2026-03-09T01:00:00.010Z',
    };
    await store.db.insertInto('sla_notices').values(notice).execute();
    await expect(store.db.insertInto('sla_notices').values(notice).execute()).rejects.toThrow();
    await store.db
      .insertInto('sla_notices')
      .values({ ...notice, due_at: '2026-03-09T02:00:00.000Z' })
      .execute();
    const count = await store.db.selectFrom('sla_notices').select('due_at').execute();
    expect(count).toHaveLength(2);
  });
});
