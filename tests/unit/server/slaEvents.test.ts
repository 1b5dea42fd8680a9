/** Rebuilding a conversation's SLA events from its messages and status history, and the scheduler's wake instant. */
import { describe, expect, it } from 'vitest';
import { slaEventOfMessage, slaEventsFrom } from '../../../server/domain/sla/events';
import { namedTargets, nextWakeMs } from '../../../server/domain/sla/targets';
import { computeSla } from '../../../shared/sla';

const message = (
  direction: string,
  kind: string,
  author_type: string,
  created_at = '2026-03-09T01:00:00.000Z',
) => ({
  direction,
  kind,
  author_type,
  created_at,
});

describe('slaEventOfMessage', () => {
  const cases: Array<[ReturnType<typeof message>, string | null]> = [
    [message('in', 'text', 'contact'), 'customer_message'],
    [message('in', 'email', 'contact'), 'customer_message'],
    [message('in', 'call', 'contact'), 'customer_message'],
    [message('out', 'text', 'agent'), 'agent_reply'],
    [message('out', 'email', 'agent'), 'agent_reply'],
    [message('out', 'note', 'agent'), 'note'],
    [message('out', 'text', 'bot'), 'bot_reply'],
    [message('out', 'system', 'system'), null],
  ];
  for (const [row, expected] of cases) {
    it(`${row.direction} ${row.kind} by ${row.author_type} → ${expected}`, () =>
      expect(slaEventOfMessage(row)).toBe(expected));
  }
});

describe('slaEventsFrom', () => {
  it('merges messages and statuses in time order, created first, none before creation', () => {
    const events = slaEventsFrom(
      '2026-03-09T01:00:00.000Z',
      [
        message('in', 'text', 'contact', '2026-03-09T00:59:00.000Z'), // occurredAt before the row existed
        message('out', 'system', 'system', '2026-03-09T01:01:00.000Z'),
        message('out', 'text', 'agent', '2026-03-09T01:05:00.000Z'),
        message('in', 'text', 'contact', '2026-03-09T02:00:00.000Z'),
      ],
      [
        { status: 'open', at: '2026-03-09T01:00:00.000Z' },
        { status: 'resolved', at: '2026-03-09T01:10:00.000Z' },
        { status: 'open', at: '2026-03-09T02:00:00.000Z' }, // the automatic reopen
      ],
    );
    expect(events).toEqual([
      { at: '2026-03-09T01:00:00.000Z', type: 'created' },
      { at: '2026-03-09T01:00:00.000Z', type: 'customer_message' },
      { at: '2026-03-09T01:00:00.000Z', type: 'status', status: 'open' },
      { at: '2026-03-09T01:05:00.000Z', type: 'agent_reply' },
      { at: '2026-03-09T01:10:00.000Z', type: 'status', status: 'resolved' },
      { at: '2026-03-09T02:00:00.000Z', type: 'customer_message' },
      { at: '2026-03-09T02:00:00.000Z', type: 'status', status: 'open' },
    ]);
  });
});

describe('nextWakeMs', () => {
  it('wakes at the warning, then at the due instant, then never once breached', () => {
    const input = {
      policy: { firstResponseMin: 10, warnBeforeMin: 3 },
      calendar: { timeZone: 'UTC', alwaysOpen: true, weekly: {} },
      events: [{ at: '2026-03-09T01:00:00.000Z', type: 'created' as const }],
    };
    const wake = (now: string) => {
      const ms = nextWakeMs(namedTargets(computeSla({ ...input, now })), Date.parse(now));
      return ms === null ? null : new Date(ms).toISOString();
    };
    expect(wake('2026-03-09T01:00:00.000Z')).toBe('2026-03-09T01:07:00.000Z');
    expect(wake('2026-03-09T01:07:00.000Z')).toBe('2026-03-09T01:10:00.000Z');
    expect(wake('2026-03-09T01:10:00.000Z')).toBeNull();
  });
});
