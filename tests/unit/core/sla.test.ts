/** The core's SLA cache: policies and calendars from the change log, sla_next_due_at, the "due soonest" sort and "breaching within 30 min" filter. */
import { describe, expect, it } from 'vitest';
import type { InboxQuery } from '../../../shared/contracts/rpc';
import type { Change } from '../../../shared/contracts/sync';
import type { SlaEvent } from '../../../shared/sla';
import type { BusinessCalendarRecord, SlaPolicyRecord } from '../../../shared/sla/policies';
import { inboxSql, listInbox } from '../../../electron/core/db/queries/inbox';
import { applyChanges } from '../../../electron/core/sync/apply';
import { slaClockFor, withSlaClocks } from '../../../electron/core/sync/sla';
import { ME, conversation, conversationCreated, nextSeq, openTestDb } from './fixtures';

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();
const created = (minutes: number): SlaEvent[] => [{ at: ago(minutes), type: 'created' }];

const CALENDARS: BusinessCalendarRecord[] = [
  { id: 'always', name: '24/7', calendar: { timeZone: 'UTC', alwaysOpen: true, weekly: {} } },
];
const policies = (defaultFirstResponseMin: number): SlaPolicyRecord[] => [
  { id: 'chat', name: 'Chat', match: { channels: ['chat'] }, calendarId: 'always', firstResponseMin: 20 },
  {
    id: 'default',
    name: 'Default',
    match: {},
    calendarId: 'always',
    firstResponseMin: defaultFirstResponseMin,
  },
];
const policiesChange = (list: SlaPolicyRecord[]): Change => ({
  seq: nextSeq(),
  type: 'sla_policy.updated',
  policies: list,
});

function seed() {
  const db = openTestDb(ME);
  applyChanges(db, [
    { seq: nextSeq(), type: 'business_calendar.updated', calendars: CALENDARS },
    policiesChange(policies(120)),
    // due in 10 min (chat, 20 min target, created 10 min ago)
    conversationCreated(
      conversation('soon', { assigneeId: ME.id, createdAt: ago(10), slaEvents: created(10) }),
    ),
    // due in 2 h (default policy)
    conversationCreated(
      conversation('later', {
        assigneeId: ME.id,
        channel: 'email',
        createdAt: ago(0),
        slaEvents: created(0),
      }),
    ),
    // breached 40 min ago
    conversationCreated(
      conversation('late', { assigneeId: ME.id, createdAt: ago(60), slaEvents: created(60) }),
    ),
    // no SLA data (an older snapshot)
    conversationCreated(conversation('none', { assigneeId: ME.id })),
  ]);
  return db;
}

const query = (overrides: Partial<InboxQuery> = {}): InboxQuery => ({
  scope: 'mine',
  sort: 'dueSoonest',
  offset: 0,
  limit: 50,
  ...overrides,
});

describe('SLA in the core cache', () => {
  it('sorts by the earliest due instant, breached first and nothing-due last', () => {
    const db = seed();
    expect(listInbox(db, query(), ME).rows.map((row) => row.id)).toEqual(['late', 'soon', 'later', 'none']);
  });

  it('filters to what breaches within 30 minutes, breached included', () => {
    const db = seed();
    const page = listInbox(db, query({ slaFilter: 'breachingWithin30m' }), ME);
    expect(page.rows.map((row) => row.id)).toEqual(['late', 'soon']);
    expect(page.total).toBe(2);
  });

  it('re-matches every conversation when the policies change', () => {
    const db = seed();
    applyChanges(db, [policiesChange(policies(15))]);
    expect(listInbox(db, query({ slaFilter: 'breachingWithin30m' }), ME).rows.map((row) => row.id)).toEqual([
      'late',
      'soon',
      'later',
    ]);
  });

  it('hands windows the clock input: matched policy, calendar and events', () => {
    const db = seed();
    const [row] = withSlaClocks(db, listInbox(db, query(), ME).rows);
    expect(row!.sla).toMatchObject({
      policyId: 'chat',
      policy: { firstResponseMin: 20 },
      calendar: { alwaysOpen: true },
    });
    expect(slaClockFor(db, 'later')?.policyId).toBe('default');
    expect(slaClockFor(db, 'none')).toBeNull();
  });

  it('keeps the SLA data when a later snapshot comes without it', () => {
    const db = seed();
    applyChanges(db, [
      {
        seq: nextSeq(),
        type: 'conversation.updated',
        conversation: conversation('soon', { assigneeId: ME.id, createdAt: ago(10), version: 2 }),
      },
    ]);
    expect(slaClockFor(db, 'soon')?.events).toHaveLength(1);
  });

  it('reads the filter and the sort through an index', () => {
    const db = seed();
    for (const scope of ['mine', 'all', 'myTeams'] as const) {
      const sql = inboxSql(query({ scope, slaFilter: 'breachingWithin30m' }), {
        ...ME,
        teamIds: ['team-sales'],
      });
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${sql.rows}`).all(...sql.params, 50, 0) as { detail: string }[]
      )
        .map((step) => step.detail)
        .filter((detail) => /^(SCAN|SEARCH) c\b/.test(detail));
      expect(plan.length).toBeGreaterThan(0);
      for (const step of plan) expect(step).toMatch(/USING (COVERING )?INDEX/);
    }
  });
});
