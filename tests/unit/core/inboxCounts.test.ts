/**
 * Inbox totals come from trigger-kept groups (cache migration 010). Whatever the sync applies,
 * transfers, reassignments, status changes, drops, the sum of the groups must equal a count
 * of the conversations for every scope and filter chip the inbox offers.
 */
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { inboxSql } from '../../../electron/core/db/queries/inbox';
import { DROPPED_BY_011 } from '../../../electron/core/db/migrations/011_fewer_conversation_indexes';
import { clearCache } from '../../../electron/core/db/queries/meta';
import { applyChanges } from '../../../electron/core/sync/apply';
import { INBOX_SCOPES, type InboxQuery } from '../../../shared/contracts/rpc';
import type { Conversation } from '../../../shared/domain/model';
import { conversation, conversationUpdated, ME, openTestDb } from './fixtures';

const STATUSES = ['bot', 'open', 'pending', 'snoozed', 'resolved', 'closed'] as const;
const CHANNELS = ['chat', 'email', 'voice', 'sms', 'social'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const viewer = { ...ME, teamIds: ['team-sales', 'team-tech'] };

const FILTERS: Partial<InboxQuery>[] = [
  {},
  { statuses: ['open', 'pending'] },
  { channels: ['chat', 'email'] },
  { priorities: ['urgent'] },
  { statuses: ['open'], channels: ['chat'], priorities: ['normal', 'high'] },
];

function expectTotalsMatch(db: Database.Database): void {
  for (const scope of INBOX_SCOPES)
    for (const filters of FILTERS) {
      const query = { scope, sort: 'newest', offset: 0, limit: 50, ...filters } as InboxQuery;
      const sql = inboxSql(query, viewer);
      const fromGroups = (db.prepare(sql.total).get(...sql.params) as { total: number }).total;
      const counted = (
        db
          .prepare(
            sql.total.replace(
              'coalesce(sum(c.n), 0) AS total FROM inbox_counts c',
              'count(*) AS total FROM conversations c',
            ),
          )
          .get(...sql.params) as {
          total: number;
        }
      ).total;
      expect(fromGroups, `${scope} ${JSON.stringify(filters)}`).toBe(counted);
    }
}

const snapshot = fc.record({
  id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
  teamId: fc.constantFrom('team-sales', 'team-tech', 'team-vip'),
  assigneeId: fc.constantFrom(null, 'agent-me', 'agent-other'),
  status: fc.constantFrom(...STATUSES),
  channel: fc.constantFrom(...CHANNELS),
  priority: fc.constantFrom(...PRIORITIES),
});

describe('inbox totals from the trigger-kept groups', () => {
  it('equal a count of the conversations after any sequence of synced snapshots', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { minLength: 1, maxLength: 40 }), (snapshots) => {
        // An admin sees every team, so team-vip snapshots are stored too; ME drops them.
        for (const who of [{ ...viewer, role: 'admin' as const }, viewer]) {
          const db = openTestDb(who);
          snapshots.forEach((s, index) => {
            const c: Conversation = conversation(s.id, { ...s, version: index + 1 });
            applyChanges(db, [conversationUpdated(c, index + 1)]);
          });
          expectTotalsMatch(db);
          clearCache(db);
          expect(db.prepare('SELECT coalesce(sum(n), 0) AS n FROM inbox_counts').get()).toEqual({ n: 0 });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are built from the conversations already cached when the migration runs', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 9);
    const insert = db.prepare(
      `INSERT INTO conversations (id, channel, contact_id, team_id, assignee_id, status, priority, created_at, updated_at,
         last_message_at, last_message_preview, last_message_direction, message_count, version, server_snapshot)
       VALUES (?, ?, 'k', ?, ?, ?, 'normal', '2026-01-01', '2026-01-01', '2026-01-01', '', 'in', 1, 1, '{}')`,
    );
    insert.run('a', 'chat', 'team-sales', null, 'open');
    insert.run('b', 'chat', 'team-sales', null, 'open');
    insert.run('c', 'email', 'team-tech', 'agent-me', 'pending');
    expect(migrate(db, MIGRATIONS, 10)).toEqual([10]);
    expectTotalsMatch(db);
    expect(db.prepare('SELECT count(*) AS groups FROM inbox_counts').get()).toEqual({ groups: 2 });
  });
});

describe('cache migration 011', () => {
  it('drops the count and old filter indexes, and the queries that used them still read an index', () => {
    const db = openTestDb();
    const indexes = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'conversations'")
        .all() as { name: string }[]
    ).map((row) => row.name);
    for (const name of DROPPED_BY_011) expect(indexes).not.toContain(name);
    const plan = (statement: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...params) as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    expect(
      plan(
        `SELECT channel, COUNT(*) FROM conversations WHERE assignee_id = ? AND status IN ('open', 'pending') GROUP BY channel`,
        'a',
      ),
    ).toMatch(/USING (COVERING )?INDEX conversations_assignee_filters/);
  });
});
