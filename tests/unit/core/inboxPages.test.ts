import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INBOX_SCOPES, INBOX_SORTS, type InboxQuery } from '../../../shared/contracts/rpc';
import { SwitchboardError } from '../../../shared/contracts/errors';
import { openDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { encodeInboxCursor, inboxSql, listInbox } from '../../../electron/core/db/queries/inbox';
import { markConversationRead } from '../../../electron/core/db/queries/conversations';
import { applyChanges } from '../../../electron/core/sync/apply';
import type { Db } from '../../../electron/core/db/database';
import { setServerUrl, setSessionAgent } from '../../../electron/core/db/queries/meta';
import {
  ME,
  OTHER,
  TEAMS,
  agentUpdated,
  contact,
  contactUpdated,
  conversation,
  conversationCreated,
  teamUpdated,
} from './fixtures';

const PRIORITY_ORDER = ['urgent', 'high', 'normal', 'low'] as const;
const STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
const CHANNELS = ['chat', 'email', 'voice'] as const;

/**
 * 45 conversations with many ties (three share each last-message instant, a third wait for
 * nobody, most have no SLA due), spread over two teams, three assignees and every filter value,
 * so page boundaries fall inside runs of equal sort keys.
 */
function seedPages(target?: Db): Db {
  const db = target ?? openDatabase(':memory:');
  setSessionAgent(db, ME);
  setServerUrl(db, 'http://127.0.0.1:1');
  const rows = Array.from({ length: 45 }, (_, i) =>
    conversation(`p${String(i).padStart(2, '0')}`, {
      assigneeId: [ME.id, OTHER.id, null][i % 3]!,
      teamId: i % 4 === 0 ? 'team-tech' : 'team-sales',
      status: STATUSES[i % 4]!,
      channel: CHANNELS[i % 3]!,
      priority: PRIORITY_ORDER[(i * 7) % 4]!,
      lastMessageAt: `2026-01-01T${String(10 + Math.floor(i / 3)).padStart(2, '0')}:00:00Z`,
      waitingSince: i % 3 === 1 ? null : `2026-01-01T0${i % 5}:00:00Z`,
    }),
  );
  applyChanges(db, [
    ...TEAMS.map((team) => teamUpdated(team)),
    agentUpdated(ME),
    agentUpdated(OTHER),
    ...rows.map((row) => contactUpdated(contact(row.contactId))),
    ...rows.map((row) => conversationCreated(row)),
  ]);
  return db;
}

const viewer = { ...ME, teamIds: ['team-sales', 'team-tech'] };
const query = (overrides: Partial<InboxQuery>): InboxQuery => ({
  scope: 'all',
  sort: 'newest',
  offset: 0,
  limit: 7,
  ...overrides,
});

/** Every row of a query read page by page with `after`, as the renderer scrolls. */
function walk(db: Database.Database, base: Partial<InboxQuery>): string[] {
  const ids: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = listInbox(db, query({ ...base, ...(after ? { after } : {}) }), viewer);
    ids.push(...page.rows.map((row) => row.id));
    if (page.rows.length < 7 || !page.next) return ids;
    after = page.next;
  }
  throw new Error('paging did not end');
}

describe('inbox keyset pages (migration 008)', () => {
  const filterSets: Partial<InboxQuery>[] = [
    {},
    { statuses: ['open', 'pending'] },
    { channels: ['email'], priorities: ['urgent', 'high'] },
  ];
  for (const scope of INBOX_SCOPES)
    for (const sort of INBOX_SORTS)
      for (const filters of filterSets)
        it(`${scope} × ${sort} × ${JSON.stringify(filters)}: paging after the last row gives the offset order, no row twice`, () => {
          const db = seedPages();
          const all = listInbox(db, query({ scope, sort, ...filters, limit: 200 }), viewer);
          const walked = walk(db, { scope, sort, ...filters });
          expect(walked).toEqual(all.rows.map((row) => row.id));
          expect(new Set(walked).size).toBe(walked.length);
          expect(all.total).toBe(walked.length);
        });

  it('puts urgent before high before normal before low in the priority sort, oldest wait first', () => {
    const db = seedPages();
    const rows = listInbox(db, query({ sort: 'priority', limit: 200 }), viewer).rows;
    const ranks = rows.map((row) => (PRIORITY_ORDER as readonly string[]).indexOf(row.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const urgentWaits = rows.filter((row) => row.priority === 'urgent').map((row) => row.waitingSince ?? '~');
    expect(urgentWaits).toEqual([...urgentWaits].sort());
  });

  it('refuses a cursor of another sort or a forged one with a typed error', () => {
    const db = seedPages();
    const next = listInbox(db, query({ sort: 'newest' }), viewer).next!;
    for (const after of [
      next,
      'not json',
      JSON.stringify(['priority', 1]),
      encodeInboxCursor('newest', ['x']),
    ]) {
      const call = () =>
        listInbox(db, query({ sort: after === next ? 'priority' : 'newest', after }), viewer);
      expect(call).toThrow(SwitchboardError);
      try {
        call();
      } catch (error) {
        expect((error as SwitchboardError).code).toBe('invalid');
      }
    }
  });

  it('seeks a keyset page through the page index, with no sort step', () => {
    const db = seedPages();
    for (const scope of INBOX_SCOPES)
      for (const sort of INBOX_SORTS) {
        const next = listInbox(db, query({ scope, sort }), viewer).next;
        if (!next) continue;
        const sql = inboxSql(query({ scope, sort, statuses: ['open'], after: next }), viewer);
        const plan = (
          db.prepare(`EXPLAIN QUERY PLAN ${sql.rows}`).all(...sql.pageParams, 7, 0) as { detail: string }[]
        )
          .map((step) => step.detail)
          .join('\n');
        expect(plan).not.toMatch(/TEMP B-TREE/);
        expect(plan).toMatch(/SEARCH c USING (COVERING )?INDEX conversations_page_\w+ \(.*\(.*\)[<>]\(/);
      }
  });

  it('recounts the total after a change by this connection or by another one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-inbox-pages-'));
    try {
      const file = join(dir, 'cache.sqlite');
      seedPages(openDatabase(file)).close();
      const db = openDatabase(file);
      const unread = () => listInbox(db, query({ scope: 'all', statuses: ['open'] }), viewer).total;
      const before = unread();
      const first = listInbox(db, query({ statuses: ['open'] }), viewer).rows[0]!;
      db.prepare("UPDATE conversations SET status = 'resolved' WHERE id = ?").run(first.id);
      expect(unread()).toBe(before - 1);
      const other = new Database(file);
      other.prepare("UPDATE conversations SET status = 'open' WHERE id = ?").run(first.id);
      other.close();
      expect(unread()).toBe(before);
      markConversationRead(db, first.id, '2026-02-01T00:00:00Z');
      expect(unread()).toBe(before);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 008', () => {
  afterEach(() => undefined);

  it('replaces the sort indexes with page indexes on a cache that already holds rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 7);
    const indexes = () =>
      (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'conversations'")
          .all() as { name: string }[]
      ).map((row) => row.name);
    expect(indexes()).toContain('conversations_assignee_newest');
    db.exec(`
      INSERT INTO conversations (id, channel, contact_id, team_id, status, priority, created_at, updated_at,
        last_message_at, last_message_preview, last_message_direction, message_count, version, server_snapshot)
      VALUES ('c1', 'chat', 'k1', 't1', 'open', 'high', '2026-01-01', '2026-01-01', '2026-01-01', 'x', 'in', 1, 1, '{}'),
             ('c2', 'email', 'k1', 't1', 'open', 'urgent', '2026-01-02', '2026-01-02', '2026-01-02', 'x', 'in', 1, 1, '{}');
    `);
    expect(migrate(db, MIGRATIONS, 8)).toContain(8);
    expect(indexes()).toEqual(
      expect.arrayContaining([
        'conversations_page_newest',
        'conversations_page_assignee_sla_due',
        'conversations_filters',
      ]),
    );
    expect(indexes()).not.toContain('conversations_assignee_newest');
    expect(indexes()).not.toContain('conversations_team_newest');
    expect(db.prepare('SELECT id, priority_rank FROM conversations ORDER BY priority_rank').all()).toEqual([
      { id: 'c2', priority_rank: 0 },
      { id: 'c1', priority_rank: 1 },
    ]);
  });
});
