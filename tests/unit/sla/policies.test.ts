/** Policy matching (first match wins), list validation, and event compaction that never changes a result. */
import { describe, expect, it } from 'vitest';
import { computeSla, type SlaEvent } from '../../../shared/sla';
import {
  compactSlaEvents,
  matchSlaPolicy,
  policyListProblems,
  type SlaMatchSubject,
  type SlaPolicyRecord,
} from '../../../shared/sla/policies';
import { DEMO_POLICIES } from '../../../server/demo/seedSla';
import { NY_OFFICE, SHANGHAI_OFFICE } from './fixtures';

const subject = (overrides: Partial<SlaMatchSubject> = {}): SlaMatchSubject => ({
  priority: 'normal',
  tier: 'standard',
  channel: 'email',
  teamId: 'team-aftersales',
  ...overrides,
});

describe('matchSlaPolicy over the demo policies (first match wins)', () => {
  const cases: Array<[string, Partial<SlaMatchSubject>, string]> = [
    ['a normal email falls to the default', {}, 'sla-default'],
    [
      'a VIP customer wins over everything else',
      { tier: 'vip', priority: 'urgent', channel: 'chat' },
      'sla-vip',
    ],
    ['urgent before chat', { priority: 'urgent', channel: 'chat' }, 'sla-urgent'],
    ['high priority email', { priority: 'high' }, 'sla-high'],
    ['a normal chat', { channel: 'chat' }, 'sla-chat'],
    ['a low-priority chat still uses the chat policy', { channel: 'chat', priority: 'low' }, 'sla-chat'],
    ['a low-priority SMS falls to the default', { channel: 'sms', priority: 'low' }, 'sla-default'],
    ['a VIP voice call', { tier: 'vip', channel: 'voice' }, 'sla-vip'],
  ];
  for (const [name, overrides, expected] of cases) {
    it(name, () => expect(matchSlaPolicy(DEMO_POLICIES, subject(overrides))?.id).toBe(expected));
  }

  it('requires every listed dimension to match, teams included', () => {
    const policies: SlaPolicyRecord[] = [
      {
        id: 'tech-urgent',
        name: 't',
        match: { priorities: ['urgent'], teamIds: ['team-tech'] },
        calendarId: 'c',
        firstResponseMin: 5,
      },
      { id: 'rest', name: 'r', match: {}, calendarId: 'c', firstResponseMin: 60 },
    ];
    expect(matchSlaPolicy(policies, subject({ priority: 'urgent', teamId: 'team-tech' }))?.id).toBe(
      'tech-urgent',
    );
    expect(matchSlaPolicy(policies, subject({ priority: 'urgent' }))?.id).toBe('rest');
    expect(matchSlaPolicy(policies, subject({ teamId: 'team-tech' }))?.id).toBe('rest');
    expect(matchSlaPolicy(policies.slice(0, 1), subject())).toBeNull();
  });
});

describe('policyListProblems', () => {
  const calendars = new Set(['cal-office', 'cal-24x7']);
  it('accepts the demo list', () => expect(policyListProblems(DEMO_POLICIES, calendars)).toEqual([]));
  it('names each problem', () => {
    const problems = policyListProblems(
      [
        { id: 'a', name: 'a', match: { channels: ['chat'] }, calendarId: 'nowhere', firstResponseMin: 5 },
        { id: 'a', name: 'b', match: { tiers: ['vip'] }, calendarId: 'cal-office' },
      ],
      calendars,
    );
    expect(problems).toEqual([
      'policy "a": unknown calendar "nowhere"',
      'policy "a" appears twice',
      'policy "a": give at least one target (first response, next response or resolution)',
      'the last policy ("a") must match every conversation: it is the catch-all default',
    ]);
  });
});

describe('compactSlaEvents', () => {
  const at = (minutes: number) =>
    new Date(Date.parse('2026-03-09T09:00:00+08:00') + minutes * 60_000).toISOString();
  const e = (minutes: number, type: SlaEvent['type'], status?: SlaEvent['status']): SlaEvent =>
    status ? { at: at(minutes), type, status } : { at: at(minutes), type };
  const histories: SlaEvent[][] = [
    [
      e(0, 'created'),
      e(1, 'customer_message'),
      e(2, 'customer_message'),
      e(5, 'bot_reply'),
      e(30, 'agent_reply'),
      e(31, 'agent_reply'),
    ],
    [
      e(0, 'created'),
      e(0, 'status', 'open'),
      e(3, 'note'),
      e(10, 'agent_reply'),
      e(20, 'customer_message'),
      e(21, 'customer_message'),
      e(25, 'status', 'pending'),
      e(26, 'status', 'pending'),
      e(40, 'status', 'open'),
      e(50, 'agent_reply'),
    ],
    [
      e(0, 'created'),
      e(10, 'agent_reply'),
      e(20, 'status', 'resolved'),
      e(30, 'customer_message'),
      e(30, 'status', 'open'),
      e(31, 'customer_message'),
      e(200, 'agent_reply'),
      e(900, 'status', 'resolved'),
    ],
    [
      e(0, 'created'),
      e(1, 'bot_reply'),
      e(2, 'bot_reply'),
      e(3, 'note'),
      e(4, 'status', 'snoozed'),
      e(600, 'status', 'open'),
      e(601, 'customer_message'),
    ],
  ];
  const policy = { firstResponseMin: 15, nextResponseMin: 10, resolutionMin: 240, warnBeforeMin: 5 };
  histories.forEach((events, index) => {
    it(`history ${index + 1}: the compacted list gives the same result at every instant`, () => {
      const compact = compactSlaEvents(events);
      expect(compact.length).toBeLessThanOrEqual(events.length);
      for (const calendar of [SHANGHAI_OFFICE, NY_OFFICE]) {
        for (let minutes = 0; minutes <= 3000; minutes += 37) {
          const now = at(minutes);
          expect(computeSla({ policy, calendar, events: compact, now })).toEqual(
            computeSla({ policy, calendar, events, now }),
          );
        }
      }
    });
  });
});
