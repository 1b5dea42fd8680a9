/**
 * The Live screen's and the wallboard's queue figures from the cache, as a lead reads them: who
 * waits (per channel, VIPs among them), since when, and what is due soon or already overdue.
 */
import { describe, expect, it } from 'vitest';
import { agentConversations, teamQueues } from '../../../electron/core/db/queries/live';
import { applyChanges } from '../../../electron/core/sync/apply';
import { contact, contactUpdated, conversation, conversationCreated, openTestDb } from './fixtures';

const NOW = '2026-11-20T10:00:00.000Z';
const SOON = '2026-11-20T10:30:00.000Z';

describe('teamQueues', () => {
  it('counts waiting per channel and VIPs, the longest wait, and at risk apart from overdue', () => {
    const db = openTestDb();
    applyChanges(db, [
      contactUpdated(contact('contact-vip', { tier: 'vip' })),
      conversationCreated(conversation('c1', { waitingSince: '2026-11-20T09:50:00.000Z' })),
      conversationCreated(conversation('c2', { channel: 'email', contactId: 'contact-vip', waitingSince: '2026-11-20T09:40:00.000Z' })),
      conversationCreated(conversation('c3', { channel: 'chat', waitingSince: '2026-11-20T09:55:00.000Z' })),
      // Held by someone, or not open: not waiting.
      conversationCreated(conversation('c4', { assigneeId: 'agent-me' })),
      conversationCreated(conversation('c5', { status: 'pending' })),
    ]);
    const due = db.prepare('UPDATE conversations SET sla_next_due_at = ? WHERE id = ?');
    due.run('2026-11-20T09:59:00.000Z', 'c1'); // overdue
    due.run('2026-11-20T10:20:00.000Z', 'c5'); // due within the half hour
    due.run('2026-11-20T12:00:00.000Z', 'c3'); // later

    const [sales, tech] = teamQueues(db, ['team-sales', 'team-tech'], SOON, NOW);
    expect(sales).toEqual({
      teamId: 'team-sales',
      waiting: 3,
      longestWaitingSince: '2026-11-20T09:40:00.000Z',
      atRisk: 2,
      breached: 1,
      vipWaiting: 1,
      byChannel: [
        { channel: 'chat', waiting: 2, longestWaitingSince: '2026-11-20T09:50:00.000Z' },
        { channel: 'email', waiting: 1, longestWaitingSince: '2026-11-20T09:40:00.000Z' },
      ],
    });
    // A team with nobody waiting and nothing due: zeros, no channels.
    expect(tech).toEqual({ teamId: 'team-tech', waiting: 0, longestWaitingSince: null, atRisk: 0, breached: 0, vipWaiting: 0, byChannel: [] });
    expect(teamQueues(db, [], SOON, NOW)).toEqual([]);
  });

  it('lists what an agent holds in the lead’s teams, soonest due first, without what is done or elsewhere', () => {
    const db = openTestDb();
    applyChanges(db, [
      contactUpdated(contact('contact-vip', { name: 'Wang Fang', tier: 'vip' })),
      conversationCreated(conversation('later', { assigneeId: 'agent-li', waitingSince: '2026-11-20T09:30:00.000Z' })),
      conversationCreated(conversation('soon', { assigneeId: 'agent-li', contactId: 'contact-vip', status: 'pending', subject: 'Refund' })),
      conversationCreated(conversation('nothing-due', { assigneeId: 'agent-li', waitingSince: '2026-11-20T09:00:00.000Z' })),
      // Done, someone else's, or in a team this lead does not lead: not on her board.
      conversationCreated(conversation('resolved', { assigneeId: 'agent-li', status: 'resolved' })),
      conversationCreated(conversation('other-agent', { assigneeId: 'agent-zhao' })),
      conversationCreated(conversation('other-team', { assigneeId: 'agent-li', teamId: 'team-tech' })),
    ]);
    const due = db.prepare('UPDATE conversations SET sla_next_due_at = ? WHERE id = ?');
    due.run('2026-11-20T10:05:00.000Z', 'soon');
    due.run('2026-11-20T11:00:00.000Z', 'later');

    const held = agentConversations(db, 'agent-li', ['team-sales']);
    expect(held.map((row) => row.id)).toEqual(['soon', 'later', 'nothing-due']);
    expect(held[0]).toMatchObject({
      status: 'pending',
      contactName: 'Wang Fang',
      vip: true,
      subject: 'Refund',
      slaDueAt: '2026-11-20T10:05:00.000Z',
      waitingSince: null,
    });
    expect(held[1]).toMatchObject({ vip: false, waitingSince: '2026-11-20T09:30:00.000Z' });
    expect(agentConversations(db, 'agent-li', [])).toEqual([]);
    // The query the board makes walks the assignee's index, not the whole table.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM conversations c WHERE c.assignee_id = ? AND c.status IN ('open', 'pending')
         AND c.team_id IN (?) ORDER BY c.sla_due_order`,
      )
      .all('agent-li', 'team-sales') as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX conversations_page_assignee_sla_due/);
    expect(plan.map((step) => step.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});
