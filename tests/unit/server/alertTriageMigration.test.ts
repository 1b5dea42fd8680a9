/** Server migration 016_alert_triage: acknowledged alerts keep their acknowledgement in the new column, and down() undoes it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { MIGRATIONS, migrateToLatest } from '../../../server/db/migrate';
import * as m016 from '../../../server/db/migrations/016_alert_triage';

let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('server migration 016_alert_triage', () => {
  it('copies acknowledgements out of the alert JSON, adds the settings and mutes tables, and down() removes them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-triage-migrate-'));
    store = openSqliteStore(join(dir, 'server.db'));
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '016'));
    const upTo015 = new Migrator({ db: store.db, provider: { getMigrations: async () => before } });
    expect((await upTo015.migrateToLatest()).error).toBeUndefined();
    const alert = (id: string, acknowledgedAt: string | null) => ({
      id,
      kind: 'sla_breached',
      conversation_id: 'c1',
      team_id: 'team-presales',
      created_at: '2026-03-09T01:00:00.000Z',
      data: JSON.stringify({ id, kind: 'sla_breached', acknowledgedAt }),
    });
    await store.db.insertInto('alerts').values([alert('a1', '2026-03-09T02:00:00.000Z'), alert('a2', null)]).execute();

    await m016.up(store.db);
    const rows = await store.db.selectFrom('alerts').select(['id', 'acknowledged_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a1', acknowledged_at: '2026-03-09T02:00:00.000Z' },
      { id: 'a2', acknowledged_at: null },
    ]);
    const names = async () => (await store!.db.introspection.getTables()).map((table) => table.name);
    expect(await names()).toEqual(expect.arrayContaining(['alert_settings', 'alert_mutes']));
    await m016.down(store.db);
    expect(await names()).not.toContain('alert_mutes');
    expect(await names()).not.toContain('alert_settings');
  });

  it('serves the raise path from its indexes: the open alert of a kind, and a team’s count for the hour', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-triage-migrate-'));
    store = openSqliteStore(join(dir, 'server.db'));
    await migrateToLatest(store.db);
    const plan = async (query: string) =>
      (await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(store!.db)).rows.map((r) => r.detail).join(' | ');
    expect(
      await plan("select data from alerts where conversation_id = 'c' and kind = 'negative_sentiment' and acknowledged_at is null order by created_at desc"),
    ).toMatch(/USING INDEX alerts_conversation_kind/);
    expect(
      await plan("select count(*) from alerts where team_id = 't' and kind = 'sla_breached' and created_at >= '2026-03-09T00:00:00.000Z'"),
    ).toMatch(/USING (COVERING )?INDEX alerts_team_kind/);
  });
});
