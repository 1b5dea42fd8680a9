import { describe, expect, it } from 'vitest';
import { INBOX_SCOPES, INBOX_SORTS, type InboxQuery } from '../../../shared/contracts/rpc';
import type { Conversation } from '../../../shared/domain/model';
import { inboxSql, listInbox } from '../../../electron/core/db/queries/inbox';
import { markConversationRead } from '../../../electron/core/db/queries/conversations';
import { applyChanges } from '../../../electron/core/sync/apply';
import {
  ME,
  OTHER,
  TEAMS,
  contact,
  contactUpdated,
  conversation,
  conversationCreated,
  openTestDb,
  teamUpdated,
  agentUpdated,
} from './fixtures';

const ADMIN = { ...ME, id: 'admin', role: 'admin' as const, teamIds: ['team-sales'] };

function seed() {
  const db = openTestDb(ADMIN);
  const rows: Conversation[] = [
    conversation('c1', {
      assigneeId: ME.id,
      lastMessageAt: '2026-01-01T10:00:00Z',
      waitingSince: '2026-01-01T09:00:00Z',
      priority: 'urgent',
    }),
    conversation('c2', {
      assigneeId: null,
      lastMessageAt: '2026-01-01T11:00:00Z',
      waitingSince: '2026-01-01T08:00:00Z',
      priority: 'low',
      channel: 'email',
    }),
    conversation('c3', {
      assigneeId: OTHER.id,
      lastMessageAt: '2026-01-01T12:00:00Z',
      waitingSince: null,
      priority: 'urgent',
      status: 'pending',
    }),
    conversation('c4', {
      assigneeId: null,
      teamId: 'team-tech',
      lastMessageAt: '2026-01-01T09:00:00Z',
      waitingSince: '2026-01-01T07:00:00Z',
      priority: 'high',
      channel: 'voice',
    }),
    conversation('c5', {
      assigneeId: ME.id,
      lastMessageAt: '2026-01-01T13:00:00Z',
      waitingSince: null,
      status: 'resolved',
      priority: 'normal',
    }),
    conversation('c6', {
      assigneeId: null,
      lastMessageAt: '2026-01-01T08:00:00Z',
      waitingSince: '2026-01-01T06:00:00Z',
      priority: 'urgent',
    }),
  ];
  applyChanges(db, [
    ...TEAMS.map((t) => teamUpdated(t)),
    agentUpdated(ME),
    agentUpdated(OTHER),
    ...rows.map((c) => contactUpdated(contact(c.contactId, { tier: c.id === 'c2' ? 'vip' : 'standard' }))),
    ...rows.map((c) => conversationCreated(c)),
  ]);
  return db;
}

const query = (overrides: Partial<InboxQuery>): InboxQuery => ({
  scope: 'all',
  sort: 'newest',
  offset: 0,
  limit: 50,
  ...overrides,
});
const viewer = { ...ME, teamIds: ['team-sales'] };
const ids = (db: ReturnType<typeof seed>, q: Partial<InboxQuery>) =>
  listInbox(db, query(q), viewer).rows.map((r) => r.id);

describe('inbox list', () => {
  it('filters by scope', () => {
    const db = seed();
    expect(ids(db, { scope: 'mine' })).toEqual(['c5', 'c1']);
    expect(ids(db, { scope: 'unassigned' })).toEqual(['c2', 'c4', 'c6']);
    expect(ids(db, { scope: 'myTeams' })).toEqual(['c5', 'c3', 'c2', 'c1', 'c6']);
    expect(ids(db, { scope: 'all' })).toEqual(['c5', 'c3', 'c2', 'c1', 'c4', 'c6']);
  });

  it('filters by status, channel and priority together with the scope', () => {
    const db = seed();
    expect(ids(db, { statuses: ['pending', 'resolved'] })).toEqual(['c5', 'c3']);
    expect(ids(db, { channels: ['email', 'voice'] })).toEqual(['c2', 'c4']);
    expect(ids(db, { priorities: ['urgent'] })).toEqual(['c3', 'c1', 'c6']);
    expect(
      ids(db, { scope: 'unassigned', priorities: ['urgent', 'high'], channels: ['chat', 'voice'] }),
    ).toEqual(['c4', 'c6']);
    expect(ids(db, { scope: 'mine', statuses: ['open'] })).toEqual(['c1']);
  });

  it('sorts longest waiting first with nobody-waiting last, and by priority then wait', () => {
    const db = seed();
    expect(ids(db, { sort: 'longestWaiting' })).toEqual(['c6', 'c4', 'c2', 'c1', 'c3', 'c5']);
    expect(ids(db, { sort: 'priority' })).toEqual(['c6', 'c1', 'c3', 'c4', 'c5', 'c2']);
  });

  it('pages with offset/limit and reports the total', () => {
    const db = seed();
    const page = listInbox(db, query({ offset: 2, limit: 2 }), viewer);
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.id)).toEqual(['c2', 'c1']);
  });

  it('joins names and tier, and tracks unread until marked read', () => {
    const db = seed();
    const row = listInbox(db, query({}), viewer).rows.find((r) => r.id === 'c2')!;
    expect(row).toMatchObject({
      contactName: 'Customer contact-c2',
      contactTier: 'vip',
      teamName: '售前',
      assigneeName: null,
      unread: true,
    });
    expect(listInbox(db, query({ scope: 'mine' }), viewer).rows[0]!.assigneeName).toBe(ME.name);
    markConversationRead(db, 'c2', '2026-01-01T11:30:00Z');
    expect(listInbox(db, query({}), viewer).rows.find((r) => r.id === 'c2')!.unread).toBe(false);
  });

  it('an agent with no teams sees nothing under myTeams', () => {
    const db = seed();
    expect(listInbox(db, query({ scope: 'myTeams' }), { ...viewer, teamIds: [] }).rows).toEqual([]);
  });
});

describe('inbox query plans', () => {
  const db = seed();
  const filterSets: Partial<InboxQuery>[] = [
    {},
    { statuses: ['open', 'pending'] },
    { channels: ['chat'] },
    { priorities: ['urgent', 'high'] },
    { statuses: ['open'], channels: ['email', 'chat'], priorities: ['normal'] },
  ];
  for (const scope of INBOX_SCOPES) {
    for (const sort of INBOX_SORTS) {
      for (const filters of filterSets) {
        it(`${scope} × ${sort} × ${JSON.stringify(filters)} reads conversations through an index`, () => {
          const sql = inboxSql(query({ scope, sort, ...filters }), {
            ...viewer,
            teamIds: ['team-sales', 'team-tech'],
          });
          const planOf = (statement: string, params: unknown[]) =>
            (db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...params) as { detail: string }[]).map(
              (p) => p.detail,
            );
          // The total sums the trigger-kept groups (migration 010): it never visits a conversation.
          expect(sql.total).toMatch(/FROM inbox_counts c/);
          expect(planOf(sql.total, sql.params).join('\n')).not.toMatch(/\bconversations\b/);
          for (const statement of [sql.rows]) {
            const plan = planOf(statement, [...sql.params, 50, 0]);
            const conversationSteps = plan.filter(
              (d) => /\bconversations\b|\bc\b/.test(d) && /^(SCAN|SEARCH)/.test(d),
            );
            expect(conversationSteps.length).toBeGreaterThan(0);
            // A page is read in index order and stops after LIMIT rows: no sort of all matches.
            if (statement === sql.rows) expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
            for (const step of conversationSteps)
              expect(step, plan.join('\n')).toMatch(
                /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY/,
              );
          }
        });
      }
    }
  }
});
