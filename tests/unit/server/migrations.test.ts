import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { MIGRATIONS, migrateToLatest } from '../../../server/db/migrate';
import { getMailboxCursor, saveMailboxCursor } from '../../../server/db/queries/email';

const dirs: string[] = [];
const stores: Store[] = [];
function freshStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'sb-migrate-'));
  dirs.push(dir);
  const store = openSqliteStore(join(dir, 'server.db'));
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('server migrations (SQLite)', () => {
  it('create every table on a fresh database', async () => {
    const store = freshStore();
    const result = await migrateToLatest(store.db);
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual(
      Object.keys(MIGRATIONS).map((name) => [name, 'Success']),
    );
    const tables = (await store.db.introspection.getTables()).map((t) => t.name).sort();
    for (const table of [
      'teams',
      'agents',
      'agent_teams',
      'contacts',
      'contact_identities',
      'conversations',
      'messages',
      'channel_tokens',
      'sessions',
      'change_log',
      'applied_mutations',
      'outbound_deliveries',
      'surveys',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('are idempotent: running them again applies nothing and keeps the data', async () => {
    const store = freshStore();
    await migrateToLatest(store.db);
    await store.db
      .insertInto('teams')
      .values({ id: 't1', name: '售前', name_en: 'Pre-sales', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    const again = await migrateToLatest(store.db);
    expect(again.results).toEqual([]);
    expect(await store.db.selectFrom('teams').select('id').execute()).toEqual([{ id: 't1' }]);
  });

  it('turn on WAL and foreign keys and make inbound messages unique per channel', async () => {
    const store = freshStore();
    await migrateToLatest(store.db);
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await expect(
      store.db.insertInto('agent_teams').values({ agent_id: 'ghost', team_id: 'ghost' }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('serve the hot lookups from indexes', async () => {
    const store = freshStore();
    await migrateToLatest(store.db);
    const plan = async (query: string) =>
      (await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(store.db)).rows
        .map((r) => r.detail)
        .join(' | ');
    expect(await plan("select * from messages where channel = 'chat' and external_id = 'x'")).toMatch(
      /USING INDEX messages_external/,
    );
    expect(
      await plan(
        "select * from conversations where contact_id = 'c' and channel = 'chat' order by last_message_at desc limit 1",
      ),
    ).toMatch(/USING INDEX conversations_contact_channel/);
    expect(await plan('select * from change_log where seq > 5 order by seq limit 10')).toMatch(
      /USING INDEX|PRIMARY KEY|USING PRIMARY/,
    );
  });
});

// Migration 025 (the email channel) lands after 027–029 in some databases: a database that
// already ran those takes it in on the next start; its mailbox cursor holds the full 32-bit range.
describe('migration 025 (email channel)', () => {
  it('is taken in by a database that already ran the later migrations', async () => {
    const store = freshStore();
    const without = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name !== '025_email_mailbox'));
    const earlier = await new Migrator({ db: store.db, provider: { getMigrations: async () => without } }).migrateToLatest();
    expect(earlier.error).toBeUndefined();
    expect(earlier.results?.map((r) => r.migrationName)).toContain('028_nlu_corrections');

    const result = await migrateToLatest(store.db);
    expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([['025_email_mailbox', 'Success']]);
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    for (const table of ['email_mailboxes', 'email_headers', 'email_intake_errors', 'connector_status']) expect(tables).toContain(table);
  });

  it('keeps a mailbox cursor with the largest UIDVALIDITY and UID IMAP allows', async () => {
    const store = freshStore();
    await migrateToLatest(store.db);
    await saveMailboxCursor(store.db, 'support@imap.example:993/INBOX', { uidValidity: 4_294_967_295, lastUid: 4_294_967_294 }, '2026-12-01T00:00:00.000Z');
    await saveMailboxCursor(store.db, 'support@imap.example:993/INBOX', { uidValidity: 4_294_967_295, lastUid: 4_294_967_295 }, '2026-12-01T00:01:00.000Z');
    expect(await getMailboxCursor(store.db, 'support@imap.example:993/INBOX')).toEqual({ uidValidity: 4_294_967_295, lastUid: 4_294_967_295 });
    expect(await getMailboxCursor(store.db, 'other@imap.example:993/INBOX')).toBeUndefined();
  });
});
