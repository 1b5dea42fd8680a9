/**
 * Business-time arithmetic over a `BusinessCalendar`: how much open time lies between two
 * instants, the instant a given amount of open time runs out, and the next opening or closing.
 *
 * Work is done one local day at a time: a day's open intervals are turned into instants once
 * (DST rules in zone.ts) and cached, so a due date weeks ahead costs a few dozen cached lookups,
 * never a walk minute by minute. Searches forward stop after HORIZON_DAYS (about three years).
 *
 * Invariant: the open spans of a day are sorted, non-empty, non-touching, and end no later than
 * the first span of the next day starts.
 */
import { SwitchboardError } from '../contracts/errors';
import type { BusinessCalendar, CalendarBoundary, CalendarValidation } from './types';
import { BusinessCalendarSchema, WEEKDAYS, parseLocalDate, parseTimeOfDay } from './types';
import { DAY_MS, MINUTE_MS, localDayNumber, wallToInstant, zoneOffsetAt } from './zone';

/** How far ahead a search for open time goes before giving up (days). */
export const HORIZON_DAYS = 1100;
/** Longest span `businessTimeBetween` measures (days, about 110 years). */
const MAX_SPAN_DAYS = 40_000;
const MAX_CACHED_CALENDARS = 64;
const MAX_CACHED_DAYS = 4000;

/** Half-open span of open time [start, end) in epoch ms. */
interface OpenSpan {
  start: number;
  end: number;
}

export interface CompiledCalendar {
  timeZone: string;
  alwaysOpen: boolean;
  /** Open intervals in minutes after local midnight, indexed like `Date#getUTCDay` (0 = Sunday). */
  hoursByWeekday: Array<Array<[number, number]>>;
  holidays: Set<number>;
  spansByDay: Map<number, OpenSpan[]>;
}

const compiled = new Map<string, CompiledCalendar>();

/**
 * Check a calendar an admin entered. Errors are sentences such as
 * "mon: 18:00–09:00 ends before it starts" or 'unknown time zone "Mars/Olympus"'.
 */
export function validateCalendar(calendar: unknown): CalendarValidation {
  const result = BusinessCalendarSchema.safeParse(calendar);
  if (result.success) return { ok: true, calendar: result.data };
  const errors = result.error.issues.map((issue) =>
    issue.code === 'custom' ? issue.message : `${issue.path.length ? issue.path.join('.') : 'calendar'}: ${issue.message}`,
  );
  return { ok: false, errors };
}

/** The calendar prepared for arithmetic; cached by content, so callers may pass fresh copies. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const key = JSON.stringify([calendar.timeZone, calendar.alwaysOpen ?? false, WEEKDAYS.map((day) => calendar.weekly?.[day] ?? []), calendar.holidays ?? []]);
  const hit = compiled.get(key);
  if (hit) return hit;
  const validation = validateCalendar(calendar);
  if (!validation.ok) throw new SwitchboardError('invalid', `calendar: ${validation.errors.join('; ')}`);
  const hoursByWeekday: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  WEEKDAYS.forEach((day, index) => {
    const hours = (calendar.weekly[day] ?? []).map(([start, end]): [number, number] => [parseTimeOfDay(start)!, parseTimeOfDay(end)!]);
    hoursByWeekday[(index + 1) % 7] = hours.sort((a, b) => a[0] - b[0]);
  });
  const result: CompiledCalendar = {
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen ?? false,
    hoursByWeekday,
    holidays: new Set((calendar.holidays ?? []).map((date) => parseLocalDate(date)!)),
    spansByDay: new Map(),
  };
  if (compiled.size >= MAX_CACHED_CALENDARS) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, result);
  return result;
}

/** Open spans of one local day (day number = days since 1970-01-01), as instants. */
function spansOfDay(calendar: CompiledCalendar, day: number): OpenSpan[] {
  const cached = calendar.spansByDay.get(day);
  if (cached) return cached;
  const spans: OpenSpan[] = [];
  const hours = calendar.holidays.has(day) ? [] : calendar.hoursByWeekday[new Date(day * DAY_MS).getUTCDay()]!;
  if (hours.length > 0) {
    const dayWall = day * DAY_MS;
    // Offsets a day either side cover every wall time of this day (00:00–24:00, zones within ±14 h);
    // when they agree there is no transition nearby and each boundary is wall minus offset.
    const before = zoneOffsetAt(calendar.timeZone, dayWall - DAY_MS);
    const after = zoneOffsetAt(calendar.timeZone, dayWall + 2 * DAY_MS);
    const toInstant = (minute: number) =>
      before === after ? dayWall + minute * MINUTE_MS - before : wallToInstant(calendar.timeZone, dayWall + minute * MINUTE_MS);
    for (const [startMinute, endMinute] of hours) {
      const span = { start: toInstant(startMinute), end: toInstant(endMinute) };
      if (span.end <= span.start) continue; // wholly inside a DST gap
      const last = spans[spans.length - 1];
      if (last && last.end >= span.start) last.end = Math.max(last.end, span.end);
      else spans.push(span);
    }
  }
  if (calendar.spansByDay.size >= MAX_CACHED_DAYS) calendar.spansByDay.clear();
  calendar.spansByDay.set(day, spans);
  return spans;
}

/** First local day whose spans may contain or follow `instant` (one day early, for DST edges). */
function firstDayFor(calendar: CompiledCalendar, instant: number): number {
  return localDayNumber(calendar.timeZone, instant) - 1;
}

function noOpenTime(calendar: CompiledCalendar, from: number): SwitchboardError {
  return new SwitchboardError(
    'invalid',
    `calendar in ${calendar.timeZone} has no open time within ${HORIZON_DAYS} days after ${new Date(from).toISOString()}`,
  );
}

/** The instant at which `ms` of business time has elapsed from `start` (ms >= 0). */
export function addBusinessMs(calendar: CompiledCalendar, start: number, ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`business time must be a finite ms >= 0, got ${ms}`);
  if (ms === 0 || calendar.alwaysOpen) return start + ms;
  let left = ms;
  const firstDay = firstDayFor(calendar, start);
  for (let day = firstDay; day <= firstDay + HORIZON_DAYS; day++) {
    for (const span of spansOfDay(calendar, day)) {
      if (span.end <= start) continue;
      const from = Math.max(span.start, start);
      // Running out exactly at a closing gives the closing instant, not the next opening.
      if (span.end - from >= left) return from + left;
      left -= span.end - from;
    }
  }
  throw noOpenTime(calendar, start);
}

/** Business ms in [a, b); negative when b is before a. */
export function businessMsBetween(calendar: CompiledCalendar, a: number, b: number): number {
  if (b < a) return -businessMsBetween(calendar, b, a);
  if (calendar.alwaysOpen || a === b) return b - a;
  const firstDay = firstDayFor(calendar, a);
  const lastDay = localDayNumber(calendar.timeZone, b);
  if (lastDay - firstDay > MAX_SPAN_DAYS) throw new RangeError(`span too long to measure: ${lastDay - firstDay} days`);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const span of spansOfDay(calendar, day)) {
      const overlap = Math.min(span.end, b) - Math.max(span.start, a);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * The first opening or closing strictly after `instant`; null when there is none within the
 * horizon (always open, open around the clock, or never open). Spans that touch across
 * midnight are one stretch, so "closes 24:00, opens 00:00" is not a boundary.
 */
export function nextBoundaryMs(calendar: CompiledCalendar, instant: number): { at: number; kind: 'opens' | 'closes' } | null {
  if (calendar.alwaysOpen) return null;
  let stretch: OpenSpan | null = null;
  const firstDay = firstDayFor(calendar, instant);
  for (let day = firstDay; day <= firstDay + HORIZON_DAYS; day++) {
    for (const span of spansOfDay(calendar, day)) {
      if (stretch && span.start <= stretch.end) {
        stretch = { start: stretch.start, end: Math.max(stretch.end, span.end) };
        continue;
      }
      if (stretch) {
        if (stretch.start > instant) return { at: stretch.start, kind: 'opens' };
        if (stretch.end > instant) return { at: stretch.end, kind: 'closes' };
      }
      stretch = span;
    }
  }
  if (stretch && stretch.start > instant) return { at: stretch.start, kind: 'opens' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Public helpers on ISO instants (for the scheduler and the UI).

function parseInstant(text: string, what: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new SwitchboardError('invalid', `${what}: "${text}" is not an ISO instant`);
  return ms;
}

/**
 * The instant (ISO, UTC) when `ms` business milliseconds have elapsed after `startInstant`.
 * Starting while closed, counting begins at the next opening; `ms` = 0 returns the start.
 */
export function addBusinessTime(calendar: BusinessCalendar, startInstant: string, ms: number): string {
  return new Date(addBusinessMs(compileCalendar(calendar), parseInstant(startInstant, 'start'), Math.round(ms))).toISOString();
}

/** Business milliseconds between two instants (negative when `b` is before `a`). */
export function businessTimeBetween(calendar: BusinessCalendar, a: string, b: string): number {
  return businessMsBetween(compileCalendar(calendar), parseInstant(a, 'from'), parseInstant(b, 'to'));
}

/**
 * The next instant strictly after `instant` at which the calendar opens or closes, so a
 * scheduler can sleep until then instead of polling; null when there is none within about
 * three years (always open, open around the clock, or never open).
 */
export function nextCalendarBoundary(calendar: BusinessCalendar, instant: string): CalendarBoundary | null {
  const boundary = nextBoundaryMs(compileCalendar(calendar), parseInstant(instant, 'instant'));
  return boundary && { at: new Date(boundary.at).toISOString(), kind: boundary.kind };
}
