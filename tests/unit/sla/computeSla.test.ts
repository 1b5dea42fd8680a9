/**
 * Table of conversations replayed through computeSla. Times are local (offset in the string);
 * March 16, 2026 is a Monday in New York daylight time (-04:00).
 */
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, SlaPolicy } from '../../../shared/sla';
import { computeSla } from '../../../shared/sla';
import type { EventRow, TargetExpectation } from './fixtures';
import { ALWAYS_OPEN, NY_FALL_DESK, NY_OFFICE, NY_SPRING_DESK, SHANGHAI_OFFICE, target, toEvents, utc } from './fixtures';

interface Case {
  name: string;
  calendar?: BusinessCalendar;
  policy: SlaPolicy;
  events: EventRow[];
  now: string;
  firstResponse?: TargetExpectation | null;
  nextResponse?: null;
  nextCurrent?: TargetExpectation | null;
  nextHistory?: TargetExpectation[];
  resolution?: TargetExpectation | null;
  nextDueAt?: string | null;
}

const MON = '2026-03-16';
const TUE = '2026-03-17';
const ny = (day: string, time: string) => `${day}T${time}:00-04:00`;
const created = (time: string, day = MON): EventRow => [ny(day, time), 'created'];
const customer = (time: string, day = MON): EventRow => [ny(day, time), 'customer_message'];
const reply = (time: string, day = MON): EventRow => [ny(day, time), 'agent_reply'];
const status = (time: string, to: 'open' | 'pending' | 'snoozed' | 'resolved' | 'closed', day = MON): EventRow => [
  ny(day, time),
  'status',
  to,
];

const FR15 = { firstResponseMin: 15 };
const CHAT = { firstResponseMin: 15, nextResponseMin: 30 };

const cases: Case[] = [
  // --- first response: open hours, nights, weekends, lunch, holidays
  {
    name: 'first response counts down inside open hours',
    policy: FR15,
    events: [created('10:00')],
    now: ny(MON, '10:05'),
    firstResponse: { state: 'running', startedAt: ny(MON, '10:00'), dueAt: ny(MON, '10:15'), remainingMin: 10, breachedAt: null, metAt: null },
    nextResponse: null,
    resolution: null,
    nextDueAt: ny(MON, '10:15'),
  },
  {
    name: 'a clock started just before closing finishes the next morning',
    policy: FR15,
    events: [created('17:55')],
    now: ny(MON, '23:00'),
    firstResponse: { state: 'running', dueAt: ny(TUE, '09:10'), remainingMin: 10 },
  },
  {
    name: 'a conversation created at night starts counting at the next opening',
    policy: FR15,
    events: [created('20:00')],
    now: ny(TUE, '08:59'),
    firstResponse: { state: 'running', startedAt: ny(MON, '20:00'), dueAt: ny(TUE, '09:15'), remainingMin: 15 },
  },
  {
    name: 'the weekend does not count',
    policy: { firstResponseMin: 30 },
    events: [created('17:50', '2026-03-20')],
    now: ny('2026-03-21', '12:00'),
    firstResponse: { state: 'running', dueAt: ny('2026-03-23', '09:20'), remainingMin: 20 },
  },
  {
    name: 'the lunch break of a split day does not count',
    policy: { firstResponseMin: 30 },
    events: [created('11:50')],
    now: ny(MON, '12:30'),
    firstResponse: { state: 'running', dueAt: ny(MON, '13:20'), remainingMin: 20 },
  },
  {
    name: 'a holiday is closed all day (Friday July 3, then the weekend)',
    policy: { firstResponseMin: 60 },
    events: [created('17:30', '2026-07-02')],
    now: ny('2026-07-03', '10:00'),
    firstResponse: { state: 'running', dueAt: ny('2026-07-06', '09:30'), remainingMin: 30 },
  },
  // --- warning and breach
  {
    name: 'running before the warning window, with the instant it will warn',
    policy: { ...FR15, warnBeforeMin: 5 },
    events: [created('10:00')],
    now: ny(MON, '10:09'),
    firstResponse: { state: 'running', remainingMin: 6, warnAt: ny(MON, '10:10') },
  },
  {
    name: 'warning with exactly warnBeforeMin left',
    policy: { ...FR15, warnBeforeMin: 5 },
    events: [created('10:00')],
    now: ny(MON, '10:10'),
    firstResponse: { state: 'warning', remainingMin: 5, dueAt: ny(MON, '10:15') },
  },
  {
    name: 'warning inside the window',
    policy: { ...FR15, warnBeforeMin: 5 },
    events: [created('10:00')],
    now: ny(MON, '10:11'),
    firstResponse: { state: 'warning', remainingMin: 4, warnAt: ny(MON, '10:10') },
  },
  {
    name: 'breached once the due instant is reached',
    policy: FR15,
    events: [created('10:00')],
    now: ny(MON, '10:15'),
    firstResponse: { state: 'breached', breachedAt: ny(MON, '10:15'), remainingMin: 0 },
  },
  {
    name: 'breached: overtime grows with negative remaining time',
    policy: { ...FR15, warnBeforeMin: 5 },
    events: [created('10:00')],
    now: ny(MON, '10:20'),
    firstResponse: { state: 'breached', dueAt: ny(MON, '10:15'), breachedAt: ny(MON, '10:15'), remainingMin: -5, warnAt: null },
    nextDueAt: ny(MON, '10:15'),
  },
  {
    name: 'overtime counts only open hours',
    policy: FR15,
    events: [created('17:50')],
    now: ny(TUE, '09:30'),
    firstResponse: { state: 'breached', breachedAt: ny(TUE, '09:05'), remainingMin: -25 },
  },
  // --- meeting the first response
  {
    name: 'met on time by an agent reply',
    policy: FR15,
    events: [created('10:00'), reply('10:10')],
    now: ny(MON, '11:00'),
    firstResponse: { state: 'met', metAt: ny(MON, '10:10'), dueAt: null, breachedAt: null, remainingMin: null, warnAt: null },
    nextDueAt: null,
  },
  {
    name: 'met late keeps breachedAt',
    policy: FR15,
    events: [created('10:00'), reply('10:30')],
    now: ny(MON, '11:00'),
    firstResponse: { state: 'met', metAt: ny(MON, '10:30'), breachedAt: ny(MON, '10:15'), remainingMin: null },
  },
  {
    name: 'bot replies and internal notes never meet the first response',
    policy: FR15,
    events: [created('10:00'), [ny(MON, '10:01'), 'bot_reply'], [ny(MON, '10:02'), 'note']],
    now: ny(MON, '10:05'),
    firstResponse: { state: 'running', remainingMin: 10, metAt: null },
  },
  {
    name: 'resolved before any reply and before due: first response stopped',
    policy: { ...FR15, resolutionMin: 240 },
    events: [created('10:00'), status('10:10', 'resolved')],
    now: ny(MON, '11:00'),
    firstResponse: { state: 'stopped', dueAt: null, breachedAt: null, metAt: null, remainingMin: null },
    resolution: { state: 'met', metAt: ny(MON, '10:10') },
    nextDueAt: null,
  },
  {
    name: 'resolved before any reply after due: first response stays breached, overtime frozen',
    policy: { ...FR15, resolutionMin: 240 },
    events: [created('10:00'), status('10:20', 'resolved')],
    now: ny(MON, '12:00'),
    firstResponse: { state: 'breached', breachedAt: ny(MON, '10:15'), dueAt: null, remainingMin: -5 },
    nextDueAt: null,
  },
  // --- missing targets
  {
    name: 'a policy without targets tracks nothing',
    policy: {},
    events: [created('10:00'), customer('10:00')],
    now: ny(MON, '10:05'),
    firstResponse: null,
    nextResponse: null,
    resolution: null,
    nextDueAt: null,
  },
  {
    name: 'only the targets a policy names are tracked',
    policy: { resolutionMin: 60 },
    events: [created('10:00'), customer('10:00'), reply('10:05'), customer('10:06')],
    now: ny(MON, '10:30'),
    firstResponse: null,
    nextResponse: null,
    resolution: { state: 'running', remainingMin: 30 },
  },
  // --- next response
  {
    name: 'next response starts at the first customer message after an agent reply',
    policy: CHAT,
    events: [created('10:00'), customer('10:00'), reply('10:05'), customer('10:20'), customer('10:25')],
    now: ny(MON, '10:40'),
    firstResponse: { state: 'met' },
    nextCurrent: { state: 'running', startedAt: ny(MON, '10:20'), dueAt: ny(MON, '10:50'), remainingMin: 10 },
    nextHistory: [],
    nextDueAt: ny(MON, '10:50'),
  },
  {
    name: 'customer messages before the first reply start no next-response instance',
    policy: CHAT,
    events: [created('10:00'), customer('10:00'), customer('10:03')],
    now: ny(MON, '10:05'),
    firstResponse: { state: 'running' },
    nextCurrent: null,
    nextHistory: [],
  },
  {
    name: 'several next-response instances are all kept, late ones with breachedAt',
    policy: CHAT,
    events: [
      created('10:00'),
      customer('10:00'),
      reply('10:05'),
      customer('10:20'),
      reply('10:40'),
      customer('11:00'),
      reply('11:50'),
      reply('11:52'),
      customer('11:55'),
    ],
    now: ny(MON, '12:30'),
    nextCurrent: { state: 'running', startedAt: ny(MON, '11:55'), dueAt: ny(MON, '13:25'), remainingMin: 25 },
    nextHistory: [
      { state: 'met', startedAt: ny(MON, '10:20'), metAt: ny(MON, '10:40'), breachedAt: null, remainingMin: null },
      { state: 'met', startedAt: ny(MON, '11:00'), metAt: ny(MON, '11:50'), breachedAt: ny(MON, '11:30') },
    ],
    nextDueAt: ny(MON, '13:25'),
  },
  {
    name: 'bot replies and notes do not meet a next-response instance',
    policy: CHAT,
    events: [created('10:00'), customer('10:00'), reply('10:05'), customer('10:20'), [ny(MON, '10:21'), 'bot_reply'], [ny(MON, '10:22'), 'note']],
    now: ny(MON, '10:40'),
    nextCurrent: { state: 'running', startedAt: ny(MON, '10:20'), remainingMin: 10 },
    nextHistory: [],
  },
  {
    name: 'resolution stops a running next-response instance',
    policy: CHAT,
    events: [created('10:00'), customer('10:00'), reply('10:05'), customer('10:20'), status('10:30', 'resolved')],
    now: ny(MON, '11:00'),
    nextCurrent: null,
    nextHistory: [{ state: 'stopped', startedAt: ny(MON, '10:20'), dueAt: null, remainingMin: null, breachedAt: null }],
    nextDueAt: null,
  },
  {
    name: 'a next-response instance breached before resolution stays breached',
    policy: CHAT,
    events: [created('10:00'), customer('10:00'), reply('10:05'), customer('10:20'), status('11:00', 'resolved')],
    now: ny(MON, '12:00'),
    nextCurrent: null,
    nextHistory: [{ state: 'breached', breachedAt: ny(MON, '10:50'), dueAt: null, remainingMin: -10 }],
  },
  {
    name: 'a customer writing after resolution starts a new next-response instance',
    policy: CHAT,
    events: [created('10:00'), customer('10:00'), reply('10:05'), status('10:10', 'resolved'), customer('10:30'), status('10:30', 'open')],
    now: ny(MON, '10:40'),
    nextCurrent: { state: 'running', startedAt: ny(MON, '10:30'), dueAt: ny(MON, '11:00'), remainingMin: 20 },
  },
  // --- resolution: pauses and reopen
  {
    name: 'resolution pauses while pending, with remaining time frozen',
    policy: { resolutionMin: 120 },
    events: [created('10:00'), status('10:30', 'pending')],
    now: ny(MON, '15:00'),
    resolution: { state: 'paused', dueAt: null, remainingMin: 90, breachedAt: null },
    nextDueAt: null,
  },
  {
    name: 'resolution resumes when the conversation is open again',
    policy: { resolutionMin: 120 },
    events: [created('10:00'), status('10:30', 'pending'), status('14:00', 'open')],
    now: ny(MON, '14:30'),
    resolution: { state: 'running', dueAt: ny(MON, '15:30'), remainingMin: 60 },
  },
  {
    name: 'snoozed pauses like pending, resuming the next morning',
    policy: { resolutionMin: 120 },
    events: [created('10:00'), status('10:30', 'snoozed'), status('09:00', 'open', TUE)],
    now: ny(TUE, '09:00'),
    resolution: { state: 'running', dueAt: ny(TUE, '10:30'), remainingMin: 90 },
  },
  {
    name: 'resolved meets the resolution target',
    policy: { resolutionMin: 120, warnBeforeMin: 30 },
    events: [created('10:00'), status('10:40', 'resolved')],
    now: ny(MON, '15:00'),
    resolution: { state: 'met', metAt: ny(MON, '10:40'), dueAt: null, remainingMin: null, warnAt: null },
  },
  {
    name: 'closed counts like resolved',
    policy: { resolutionMin: 120 },
    events: [created('10:00'), status('10:40', 'closed')],
    now: ny(MON, '15:00'),
    resolution: { state: 'met', metAt: ny(MON, '10:40') },
  },
  {
    name: 'a reopen resumes resolution with the time already spent still counted',
    policy: { resolutionMin: 120 },
    events: [created('10:00'), status('10:40', 'resolved'), customer('09:00', TUE), status('09:00', 'open', TUE)],
    now: ny(TUE, '09:30'),
    resolution: { state: 'running', metAt: null, dueAt: ny(TUE, '10:20'), remainingMin: 50 },
  },
  {
    name: 'reopening straight into pending un-meets the resolution but keeps it paused',
    policy: { resolutionMin: 120 },
    events: [created('10:00'), status('10:40', 'resolved'), status('11:00', 'pending')],
    now: ny(MON, '15:00'),
    resolution: { state: 'paused', metAt: null, dueAt: null, remainingMin: 80 },
  },
  {
    name: 'pausing after the due keeps the breach, with overtime frozen',
    policy: { resolutionMin: 60 },
    events: [created('10:00'), status('11:30', 'pending')],
    now: ny(MON, '15:00'),
    resolution: { state: 'breached', breachedAt: ny(MON, '11:00'), dueAt: null, remainingMin: -30 },
    nextDueAt: null,
  },
  {
    name: 'reopening a late-resolved conversation keeps the breach and counts overtime',
    policy: { resolutionMin: 60 },
    events: [created('10:00'), status('11:30', 'resolved'), status('14:00', 'open')],
    now: ny(MON, '14:10'),
    resolution: { state: 'breached', breachedAt: ny(MON, '11:00'), dueAt: ny(MON, '11:00'), metAt: null, remainingMin: -40 },
    nextDueAt: ny(MON, '11:00'),
  },
  {
    name: 'a paused clock never shows warning',
    policy: { resolutionMin: 60, warnBeforeMin: 30 },
    events: [created('10:00'), status('10:45', 'pending')],
    now: ny(MON, '11:00'),
    resolution: { state: 'paused', remainingMin: 15, warnAt: null },
  },
  {
    name: 'nextDueAt is the earliest due among counting targets',
    policy: { firstResponseMin: 60, nextResponseMin: 10, resolutionMin: 30 },
    events: [created('10:00')],
    now: ny(MON, '10:05'),
    firstResponse: { dueAt: ny(MON, '11:00') },
    nextCurrent: null,
    resolution: { dueAt: ny(MON, '10:30') },
    nextDueAt: ny(MON, '10:30'),
  },
  // --- zones and DST
  {
    name: 'Asia/Shanghai: National Day week is closed',
    calendar: SHANGHAI_OFFICE,
    policy: { firstResponseMin: 60 },
    events: [['2026-09-30T17:30:00+08:00', 'created']],
    now: '2026-10-05T12:00:00+08:00',
    firstResponse: { state: 'running', dueAt: '2026-10-08T09:30:00+08:00', remainingMin: 30 },
  },
  {
    name: 'Asia/Shanghai: an early-morning conversation waits for 09:00 local',
    calendar: SHANGHAI_OFFICE,
    policy: { firstResponseMin: 30 },
    events: [['2026-09-28T08:00:00+08:00', 'created']],
    now: '2026-09-28T09:10:00+08:00',
    firstResponse: { state: 'running', dueAt: '2026-09-28T09:30:00+08:00', remainingMin: 20 },
  },
  {
    name: 'New York spring forward: Friday in EST, due Monday in EDT',
    policy: { firstResponseMin: 120 },
    events: [['2026-03-06T17:00:00-05:00', 'created']],
    now: '2026-03-08T12:00:00-04:00',
    firstResponse: { state: 'running', dueAt: '2026-03-09T10:00:00-04:00', remainingMin: 60 },
  },
  {
    name: 'New York spring forward: an opening at 02:30 (skipped) opens at 03:00 EDT',
    calendar: NY_SPRING_DESK,
    policy: { firstResponseMin: 60 },
    events: [['2026-03-08T00:00:00-05:00', 'created']],
    now: '2026-03-08T03:30:00-04:00',
    firstResponse: { state: 'running', dueAt: '2026-03-08T04:00:00-04:00', remainingMin: 30 },
  },
  {
    name: 'New York fall back: 01:30 (twice) opens at the earlier instant, the long night counts 150 min',
    calendar: NY_FALL_DESK,
    policy: { resolutionMin: 180 },
    events: [['2026-11-01T01:00:00-04:00', 'created']],
    now: '2026-11-01T02:30:00-05:00',
    resolution: { state: 'running', dueAt: '2026-11-08T02:00:00-05:00', remainingMin: 60 },
  },
  {
    name: 'New York fall back: Friday in EDT, due Monday in EST',
    policy: { firstResponseMin: 120 },
    events: [['2026-10-30T17:00:00-04:00', 'created']],
    now: '2026-11-01T12:00:00-05:00',
    firstResponse: { state: 'running', dueAt: '2026-11-02T10:00:00-05:00', remainingMin: 60 },
  },
  {
    name: 'alwaysOpen counts wall time through the weekend',
    calendar: ALWAYS_OPEN,
    policy: { firstResponseMin: 60 },
    events: [['2026-03-21T23:30:00Z', 'created']],
    now: '2026-03-22T00:10:00Z',
    firstResponse: { state: 'running', dueAt: '2026-03-22T00:30:00Z', remainingMin: 20 },
  },
  // --- clock skew
  {
    name: 'events after now are not seen yet',
    policy: FR15,
    events: [created('10:00'), reply('10:30')],
    now: ny(MON, '10:10'),
    firstResponse: { state: 'running', remainingMin: 5 },
  },
  {
    name: 'a now slightly before created reads as created',
    policy: FR15,
    events: [created('10:00')],
    now: '2026-03-16T09:59:59-04:00',
    firstResponse: { state: 'running', remainingMin: 15 },
  },
];

describe('computeSla', () => {
  it.each(cases)('$name', (c) => {
    const result = computeSla({ policy: c.policy, calendar: c.calendar ?? NY_OFFICE, events: toEvents(c.events), now: c.now });
    if ('firstResponse' in c) {
      if (c.firstResponse === null) expect(result.firstResponse).toBeNull();
      else expect(result.firstResponse).toMatchObject(target(c.firstResponse!));
    }
    if ('resolution' in c) {
      if (c.resolution === null) expect(result.resolution).toBeNull();
      else expect(result.resolution).toMatchObject(target(c.resolution!));
    }
    if ('nextResponse' in c) expect(result.nextResponse).toBeNull();
    if ('nextCurrent' in c) {
      if (c.nextCurrent === null) expect(result.nextResponse?.current).toBeNull();
      else expect(result.nextResponse?.current).toMatchObject(target(c.nextCurrent!));
    }
    if (c.nextHistory) {
      expect(result.nextResponse?.history).toHaveLength(c.nextHistory.length);
      c.nextHistory.forEach((expected, index) => expect(result.nextResponse!.history[index]).toMatchObject(target(expected)));
    }
    if ('nextDueAt' in c) expect(result.nextDueAt).toBe(c.nextDueAt === null ? null : utc(c.nextDueAt!));
  });

  it('reports instants in UTC', () => {
    const result = computeSla({ policy: FR15, calendar: SHANGHAI_OFFICE, events: [{ at: '2026-09-28T10:00:00+08:00', type: 'created' }], now: '2026-09-28T10:01:00+08:00' });
    expect(result.firstResponse?.startedAt).toBe('2026-09-28T02:00:00.000Z');
    expect(result.firstResponse?.dueAt).toBe('2026-09-28T02:15:00.000Z');
  });
});
