/**
 * The Live screen's and the wallboard's queue figures from the cache, as a lead reads them: who
 * waits (per channel, VIPs among them), since when, and what is due soon or already overdue.
 */
import { describe, expect, it } from 'vitest';
import { teamQueues } from '../../../electron/core/db/queries/live';
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
});
