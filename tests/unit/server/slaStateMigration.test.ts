/** Server migration 007_sla_event_state: the table exists, follows its conversation, and down() removes it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import * as m007 from '../../../server/db/migrations/007_sla_event_state';

let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const names = async () => (await store!.db.introspection.getTables()).map((table) => table.name);

describe('server migration 007_sla_event_state', () => {
  it('creates sla_event_state, one row per conversation, gone with its conversation; down() drops it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-sla-state-migrate-'));
    store = openSqliteStore(join(dir, 'server.db'));
    await migrateToLatest(store.db);
    expect(await names()).toContain('sla_event_state');

    const { db } = store;
    const at = '2026-03-09T01:00:00.000Z';
    await db
      .insertInto('teams')
      .values({ id: 't1', name: '售前', name_en: 'Pre-sales', created_at: at } as never)
      .execute();
    await db
      .insertInto('contacts')
      .values({
        id: 'k1',
        name: '客户',
        email: null,
        phone: null,
        tier: 'standard',
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
    await db
      .insertInto('conversations')
      .values({
        id: 'c1',
        channel: 'chat',
        external_id: null,
        contact_id: 'k1',
        team_id: 't1',
        assignee_id: null,
        status: 'open',
        priority: 'normal',
        subject: null,
        created_at: at,
        updated_at: at,
        last_message_at: at,
        last_message_preview: '',
        last_message_direction: 'in',
        waiting_since: null,
        message_count: 0,
        version: 0,
        last_writer_client_id: null,
        writer_streak_base_version: 0,
      } as never)
      .execute();
    const row = {
      conversation_id: 'c1',
      events: '[]',
      message_count: 0,
      last_at: at,
      status: 'open',
      status_count: 1,
      status_at: at,
    };
    await db.insertInto('sla_event_state').values(row).execute();
    await expect(db.insertInto('sla_event_state').values(row).execute()).rejects.toThrow();
    await db.deleteFrom('conversations').where('id', '=', 'c1').execute();
    expect(await db.selectFrom('sla_event_state').selectAll().execute()).toEqual([]);

    await m007.down(db);
    expect(await names()).not.toContain('sla_event_state');
  });
});
