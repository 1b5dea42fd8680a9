/** What the countdown chip shows: tone, target and the remaining / overtime text. */
import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../../shared/contracts/sla';
import { formatSlaRemaining, slaCountdown } from '../../../renderer/src/lib/slaCountdown';

const T0 = Date.parse('2026-03-09T01:00:00.000Z');
const clock: SlaClock = {
  policyId: 'chat',
  policyName: 'Chat',
  policy: { firstResponseMin: 10, resolutionMin: 60, warnBeforeMin: 3 },
  calendar: { timeZone: 'UTC', alwaysOpen: true, weekly: {} },
  events: [{ at: new Date(T0).toISOString(), type: 'created' }],
};

describe('slaCountdown', () => {
  const cases: Array<[string, number, string, string]> = [
    ['green while more than the warning is left', 0, 'ok', '10:00'],
    ['amber in the last three minutes', 8 * 60_000, 'warning', '2:00'],
    ['red with overtime at the due instant', 10 * 60_000, 'breached', '+0s'],
    ['overtime in minutes', 22 * 60_000 + 30_000, 'breached', '+12m'],
  ];
  for (const [name, offset, tone, text] of cases) {
    it(name, () => {
      const countdown = slaCountdown(clock, T0 + offset)!;
      expect(countdown).toMatchObject({ tone, target: 'firstResponse' });
      expect(formatSlaRemaining(countdown.remainingMs)).toBe(text);
    });
  }

  it('moves to resolution once the first response is met, and shows nothing once resolved', () => {
    const replied = {
      ...clock,
      events: [...clock.events, { at: new Date(T0 + 60_000).toISOString(), type: 'agent_reply' as const }],
    };
    expect(slaCountdown(replied, T0 + 2 * 60_000)).toMatchObject({
      target: 'resolution',
      tone: 'ok',
      remainingMs: 58 * 60_000,
    });
    const resolved = {
      ...replied,
      events: [
        ...replied.events,
        { at: new Date(T0 + 5 * 60_000).toISOString(), type: 'status' as const, status: 'resolved' as const },
      ],
    };
    expect(slaCountdown(resolved, T0 + 6 * 60_000)).toBeNull();
    expect(slaCountdown(null, T0)).toBeNull();
    // Resolved after a breached first response: nothing counts any more, so no chip.
    const lateResolved = {
      ...clock,
      events: [
        ...clock.events,
        {
          at: new Date(T0 + 30 * 60_000).toISOString(),
          type: 'status' as const,
          status: 'resolved' as const,
        },
      ],
    };
    expect(slaCountdown(lateResolved, T0 + 40 * 60_000)).toBeNull();
  });

  it('formats long waits in hours and days', () => {
    expect(formatSlaRemaining(3 * 3_600_000 + 20 * 60_000)).toBe('3h 20m');
    expect(formatSlaRemaining(52 * 3_600_000)).toBe('2d 4h');
    expect(formatSlaRemaining(-(65 * 60_000))).toBe('+1h 5m');
  });
});
