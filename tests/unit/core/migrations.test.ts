import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/database';
import { nextOutboxBatch, pendingForRecord } from '../../../electron/core/db/queries/outbox';
import { searchConversations } from '../../../electron/core/db/queries/search';

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger')").all() as {
      name: string;
    }[]
  ).map((row) => row.name);

describe('cache migrations', () => {
  it('are numbered contiguously from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('apply on a fresh database up to the newest version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['meta', 'conversations', 'messages', 'outbox', 'messages_fts', 'contacts_fts']),
    );
    expect(migrate(db)).toEqual([]); // a second run is a no-op
  });

  for (const migration of MIGRATIONS) {
    it(`${String(migration.version).padStart(3, '0')}_${migration.name} applies on the previous version`, () => {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS, migration.version - 1);
      expect(schemaVersion(db)).toBe(migration.version - 1);
      expect(migrate(db, MIGRATIONS, migration.version)).toEqual([migration.version]);
      expect(schemaVersion(db)).toBe(migration.version);
    });
  }

  it('002 makes messages stored before it searchable', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 1);
    db.exec(`
      INSERT INTO contacts (id, name, tier, identities, created_at) VALUES ('k1', '王小明', 'standard', '[]', '2026-01-01');
      INSERT INTO conversations (id, channel, contact_id, team_id, status, priority, created_at, updated_at,
        last_message_at, last_message_preview, last_message_direction, message_count, version, server_snapshot)
      VALUES ('c1', 'chat', 'k1', 't1', 'open', 'normal', '2026-01-01', '2026-01-01', '2026-01-01', 'x', 'in', 1, 1, '{}');
      INSERT INTO messages (id, conversation_id, direction, kind, author_type, text, created_at)
      VALUES ('m1', 'c1', 'in', 'text', 'contact', '我的退款什么时候到账', '2026-01-01');
    `);
    migrate(db);
    expect(searchConversations(db, '什么时候', 10).map((hit) => hit.row.id)).toEqual(['c1']);
    expect(searchConversations(db, '王小明', 10).map((hit) => hit.row.id)).toEqual(['c1']);
  });

  it('012 files each queued write under its record: canned and alert keys become their kind', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 11);
    const queue = db.prepare(
      `INSERT INTO outbox (mutation_id, name, args, conversation_id, created_at, state)
       VALUES (?, ?, '{}', ?, '2026-01-01', 'queued')`,
    );
    queue.run(1, 'message.send', 'c1');
    queue.run(2, 'canned.update', 'canned:cr-1');
    queue.run(3, 'alert.acknowledge', 'alert:a-1');
    queue.run(4, 'agent.setStatus', null);
    migrate(db);
    expect(pendingForRecord(db, { kind: 'conversation', id: 'c1' }).map((e) => e.mutationId)).toEqual([1]);
    expect(pendingForRecord(db, { kind: 'canned', id: 'cr-1' }).map((e) => e.name)).toEqual(['canned.update']);
    expect(pendingForRecord(db, { kind: 'alert', id: 'a-1' }).map((e) => e.name)).toEqual(['alert.acknowledge']);
    // Every write is still queued, in order; presence has no record.
    expect(nextOutboxBatch(db, 10).map((e) => [e.mutationId, e.record])).toEqual([
      [1, { kind: 'conversation', id: 'c1' }],
      [2, { kind: 'canned', id: 'cr-1' }],
      [3, { kind: 'alert', id: 'a-1' }],
      [4, null],
    ]);
    expect(tables(db)).toContain('outbox_record');
    expect(tables(db)).not.toContain('outbox_conversation');
  });

  it('a failing migration leaves the schema at the previous whole version', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE t (x); SELEC nonsense'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('t');
  });

  it('opens with WAL, synchronous=NORMAL and foreign keys on', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sb-core-db-'));
    const db = openDatabase(join(dir, 'cache.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
