/** Business-time helpers and calendar validation. */
import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { BusinessCalendar } from '../../../shared/sla';
import { addBusinessTime, businessTimeBetween, computeSla, nextCalendarBoundary, validateCalendar } from '../../../shared/sla';
import { ALWAYS_OPEN, NY_FALL_DESK, NY_OFFICE, NY_SPRING_DESK, SHANGHAI_OFFICE, minutes, utc } from './fixtures';

describe('addBusinessTime', () => {
  it.each([
    { name: 'inside one interval', calendar: NY_OFFICE, start: '2026-03-16T10:00:00-04:00', min: 30, due: '2026-03-16T10:30:00-04:00' },
    { name: 'running out exactly at closing gives the closing instant', calendar: NY_OFFICE, start: '2026-03-16T17:00:00-04:00', min: 60, due: '2026-03-16T18:00:00-04:00' },
    { name: 'across lunch', calendar: NY_OFFICE, start: '2026-03-16T11:30:00-04:00', min: 60, due: '2026-03-16T13:30:00-04:00' },
    { name: 'zero from a closed instant stays put', calendar: NY_OFFICE, start: '2026-03-16T20:00:00-04:00', min: 0, due: '2026-03-16T20:00:00-04:00' },
    { name: 'two weeks of business time (10 days x 8 h)', calendar: NY_OFFICE, start: '2026-03-16T09:00:00-04:00', min: 80 * 60, due: '2026-03-27T18:00:00-04:00' },
    { name: 'Shanghai across National Day', calendar: SHANGHAI_OFFICE, start: '2026-09-30T17:00:00+08:00', min: 120, due: '2026-10-08T10:00:00+08:00' },
    { name: 'spring-forward gap opening', calendar: NY_SPRING_DESK, start: '2026-03-07T12:00:00-05:00', min: 120, due: '2026-03-08T05:00:00-04:00' },
    { name: 'fall-back ambiguous opening takes the earlier 01:30', calendar: NY_FALL_DESK, start: '2026-10-31T12:00:00-04:00', min: 30, due: '2026-11-01T01:00:00-05:00' },
    { name: 'always open', calendar: ALWAYS_OPEN, start: '2026-03-21T23:30:00Z', min: 90, due: '2026-03-22T01:00:00Z' },
  ])('$name', ({ calendar, start, min, due }) => {
    expect(addBusinessTime(calendar, start, minutes(min))).toBe(utc(due));
  });

  it('gives up with a clear error when a calendar has no open time within three years', () => {
    const mondays: string[] = [];
    for (let day = Date.UTC(2026, 2, 16); day < Date.UTC(2030, 0, 1); day += 7 * 86_400_000) {
      mondays.push(new Date(day).toISOString().slice(0, 10));
    }
    const closedEveryMonday: BusinessCalendar = { timeZone: 'UTC', weekly: { mon: [['09:00', '10:00']] }, holidays: mondays };
    expect(() => addBusinessTime(closedEveryMonday, '2026-03-16T00:00:00Z', minutes(1))).toThrow(/no open time within 1100 days/);
  });

  it('rejects negative business time', () => {
    expect(() => addBusinessTime(NY_OFFICE, '2026-03-16T10:00:00Z', -1)).toThrow(RangeError);
  });
});

describe('businessTimeBetween', () => {
  it.each([
    { name: 'a split weekday is 8 h', calendar: NY_OFFICE, a: '2026-03-16T00:00:00-04:00', b: '2026-03-17T00:00:00-04:00', min: 480 },
    { name: 'a week is 40 h', calendar: NY_OFFICE, a: '2026-03-16T00:00:00-04:00', b: '2026-03-23T00:00:00-04:00', min: 2400 },
    { name: 'a holiday counts nothing', calendar: NY_OFFICE, a: '2026-07-03T00:00:00-04:00', b: '2026-07-04T00:00:00-04:00', min: 0 },
    { name: 'spring-forward night: 02:30–05:00 opens at 03:00, so 2 h', calendar: NY_SPRING_DESK, a: '2026-03-08T00:00:00-05:00', b: '2026-03-09T00:00:00-04:00', min: 120 },
    { name: 'an ordinary Sunday on the same desk is 2.5 h', calendar: NY_SPRING_DESK, a: '2026-03-15T00:00:00-04:00', b: '2026-03-16T00:00:00-04:00', min: 150 },
    { name: 'fall-back night: 01:30 EDT to 03:00 EST is 2.5 h', calendar: NY_FALL_DESK, a: '2026-11-01T00:00:00-04:00', b: '2026-11-02T00:00:00-05:00', min: 150 },
    { name: 'reversed order is negative', calendar: NY_OFFICE, a: '2026-03-16T11:00:00-04:00', b: '2026-03-16T10:00:00-04:00', min: -60 },
    { name: 'always open is wall time', calendar: ALWAYS_OPEN, a: '2026-03-08T00:00:00Z', b: '2026-03-09T00:00:00Z', min: 1440 },
  ])('$name', ({ calendar, a, b, min }) => {
    expect(businessTimeBetween(calendar, a, b)).toBe(minutes(min));
  });
});

describe('nextCalendarBoundary', () => {
  it.each([
    { name: 'open: the next closing is lunch', calendar: NY_OFFICE, at: '2026-03-16T10:00:00-04:00', next: { at: '2026-03-16T12:00:00-04:00', kind: 'closes' } },
    { name: 'at lunch: the next opening', calendar: NY_OFFICE, at: '2026-03-16T12:00:00-04:00', next: { at: '2026-03-16T13:00:00-04:00', kind: 'opens' } },
    { name: 'Friday evening: Monday morning', calendar: NY_OFFICE, at: '2026-03-20T18:00:00-04:00', next: { at: '2026-03-23T09:00:00-04:00', kind: 'opens' } },
    { name: 'before the holiday: skips it', calendar: NY_OFFICE, at: '2026-07-02T19:00:00-04:00', next: { at: '2026-07-06T09:00:00-04:00', kind: 'opens' } },
    { name: 'spring-forward gap: opens at 03:00 EDT', calendar: NY_SPRING_DESK, at: '2026-03-07T12:00:00-05:00', next: { at: '2026-03-08T03:00:00-04:00', kind: 'opens' } },
    { name: 'Shanghai: after National Day', calendar: SHANGHAI_OFFICE, at: '2026-09-30T18:00:00+08:00', next: { at: '2026-10-08T09:00:00+08:00', kind: 'opens' } },
  ])('$name', ({ calendar, at, next }) => {
    expect(nextCalendarBoundary(calendar, at)).toEqual({ at: utc(next.at), kind: next.kind });
  });

  it('treats midnight between two all-day open days as no boundary', () => {
    const allDay: Array<[string, string]> = [['00:00', '24:00']];
    const weekend: BusinessCalendar = { timeZone: 'Asia/Shanghai', weekly: { sat: allDay, sun: allDay } };
    expect(nextCalendarBoundary(weekend, '2026-03-21T10:00:00+08:00')).toEqual({ at: utc('2026-03-23T00:00:00+08:00'), kind: 'closes' });
  });

  it('has no boundary for an always-open calendar', () => {
    expect(nextCalendarBoundary(ALWAYS_OPEN, '2026-03-21T10:00:00Z')).toBeNull();
  });
});

describe('validateCalendar', () => {
  const base = { timeZone: 'America/New_York', weekly: { mon: [['09:00', '18:00']] } };
  it.each([
    { name: 'end before start', calendar: { ...base, weekly: { mon: [['18:00', '09:00']] } }, error: 'mon: 18:00–09:00 ends before it starts' },
    { name: 'empty interval', calendar: { ...base, weekly: { tue: [['09:00', '09:00']] } }, error: 'tue: 09:00–09:00 is empty' },
    { name: 'overlap', calendar: { ...base, weekly: { wed: [['13:00', '18:00'], ['09:00', '13:30']] } }, error: 'wed: 09:00–13:30 overlaps 13:00–18:00' },
    { name: 'bad time', calendar: { ...base, weekly: { thu: [['9am', '18:00']] } }, error: 'thu: "9am" is not an opening time (use HH:MM from 00:00 to 23:59)' },
    { name: '24:00 cannot open', calendar: { ...base, weekly: { fri: [['24:00', '24:00']] } }, error: 'fri: "24:00" is not an opening time (use HH:MM from 00:00 to 23:59)' },
    { name: 'unknown zone', calendar: { ...base, timeZone: 'Mars/Olympus' }, error: 'unknown time zone "Mars/Olympus" (use an IANA name such as "Asia/Shanghai")' },
    { name: 'impossible holiday', calendar: { ...base, holidays: ['2026-02-30'] }, error: 'holiday "2026-02-30" is not a date (use YYYY-MM-DD)' },
    { name: 'badly written holiday', calendar: { ...base, holidays: ['1/10/2026'] }, error: 'holiday "1/10/2026" is not a date (use YYYY-MM-DD)' },
    { name: 'no open hours at all', calendar: { ...base, weekly: {} }, error: 'no open hours in the week: give weekly hours or set alwaysOpen' },
    { name: 'unknown week day', calendar: { ...base, weekly: { monday: [['09:00', '18:00']] } }, error: 'weekly: Unrecognized key: "monday"' },
  ])('rejects $name', ({ calendar, error }) => {
    const result = validateCalendar(calendar);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContain(error);
  });

  it('accepts touching intervals, a 24:00 end, and an always-open calendar without hours', () => {
    expect(validateCalendar({ ...base, weekly: { mon: [['09:00', '12:00'], ['12:00', '24:00']] } }).ok).toBe(true);
    expect(validateCalendar(ALWAYS_OPEN).ok).toBe(true);
    expect(validateCalendar(SHANGHAI_OFFICE)).toEqual({ ok: true, calendar: SHANGHAI_OFFICE });
  });
});

describe('invalid input is a typed error', () => {
  const created = { at: '2026-03-16T10:00:00Z', type: 'created' as const };
  it.each([
    { name: 'bad calendar', input: { policy: {}, calendar: { timeZone: 'UTC', weekly: { mon: [['18:00', '09:00']] } }, events: [created], now: created.at }, message: /mon: 18:00–09:00 ends before it starts/ },
    { name: 'no created event', input: { policy: {}, calendar: NY_OFFICE, events: [{ at: created.at, type: 'note' }], now: created.at }, message: /exactly one created event/ },
    { name: 'event before created', input: { policy: {}, calendar: NY_OFFICE, events: [created, { at: '2026-03-16T09:00:00Z', type: 'note' }], now: created.at }, message: /earlier than the created event/ },
    { name: 'status event without status', input: { policy: {}, calendar: NY_OFFICE, events: [created, { at: created.at, type: 'status' }], now: created.at }, message: /a status event needs a status/ },
    { name: 'instant without a zone', input: { policy: {}, calendar: NY_OFFICE, events: [created], now: '2026-03-16 10:00' }, message: /now/ },
    { name: 'negative target', input: { policy: { firstResponseMin: -5 }, calendar: NY_OFFICE, events: [created], now: created.at }, message: /firstResponseMin/ },
  ])('$name', ({ input, message }) => {
    let thrown: unknown;
    try {
      computeSla(input as Parameters<typeof computeSla>[0]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SwitchboardError);
    expect((thrown as SwitchboardError).code).toBe('invalid');
    expect((thrown as SwitchboardError).message).toMatch(message);
  });
});
