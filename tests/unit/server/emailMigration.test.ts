/**
 * Migration 025 (the email channel): it lands after 027 and 028 in some databases, so a database
 * that already ran those takes it in on the next start; the mailbox cursor keeps a UIDVALIDITY
 * of the full 32-bit range.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { MIGRATIONS, migrateToLatest } from '../../../server/db/migrate';
import { getMailboxCursor, saveMailboxCursor } from '../../../server/db/queries/email';

const dirs: string[] = [];
const stores: Store[] = [];
function freshStore(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'sb-migrate-email-'));
  dirs.push(dir);
  const store = openSqliteStore(join(dir, 'server.db'));
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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
