/**
 * Input and output types of the SLA clock, with the zod schemas that validate the input.
 * Inputs are plain JSON so the server, the core and the renderer can pass them around as they
 * are; instants are ISO-8601 strings (out: always UTC with a trailing "Z").
 */
import { z } from 'zod';
import { ConversationStatusSchema } from '../domain/model';
import { isKnownTimeZone } from './zone';

// ---------------------------------------------------------------------------------------------
// Policy

/** Largest target or warning lead accepted, in minutes (about 69 days of open time). */
export const MAX_TARGET_MIN = 100_000;

const TargetMinutes = z.number().positive().max(MAX_TARGET_MIN);

/**
 * The targets of one SLA policy, in *business* minutes (time inside the calendar's open hours).
 * A missing target is not tracked and its result is `null`. Other fields (name, match rules)
 * may be present and are ignored here.
 */
export const SlaPolicySchema = z.object({
  /** From `created` to the first human public reply. */
  firstResponseMin: TargetMinutes.optional(),
  /** From each customer message that follows an agent reply to the next agent reply. */
  nextResponseMin: TargetMinutes.optional(),
  /** From `created` to `resolved`, not counting time spent pending or snoozed. */
  resolutionMin: TargetMinutes.optional(),
  /** A running target turns `warning` when at most this many business minutes are left. */
  warnBeforeMin: z.number().min(0).max(MAX_TARGET_MIN).optional(),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

// ---------------------------------------------------------------------------------------------
// Business calendar

/** Week days as keys of `BusinessCalendar.weekly`, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM" local time, 00:00–23:59; "24:00" is allowed as the end of an interval only. */
const TIME_OF_DAY = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
/** "YYYY-MM-DD", a real calendar date. */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight of an "HH:MM" string, or null when it is not one. */
export function parseTimeOfDay(text: string): number | null {
  const match = TIME_OF_DAY.exec(text);
  if (!match) return null;
  return match[1] !== undefined ? Number(match[1]) * 60 + Number(match[2]) : 24 * 60;
}

/** Day number (days since 1970-01-01) of a "YYYY-MM-DD" local date, or null when invalid. */
export function parseLocalDate(text: string): number | null {
  const match = LOCAL_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return utc.getTime() / 86_400_000;
}

/** One open interval of a day: `["09:00", "12:00"]` is open from 09:00 up to (not including) 12:00. */
const OpenIntervalSchema = z.tuple([z.string().max(5), z.string().max(5)]);
const DayHoursSchema = z.array(OpenIntervalSchema).max(24);

const CalendarShapeSchema = z.object({
  /** IANA zone the open hours and holidays are read in ("Asia/Shanghai", "America/New_York"). */
  timeZone: z.string().min(1).max(64),
  /** Open around the clock: `weekly` and `holidays` are ignored and business time is wall time. */
  alwaysOpen: z.boolean().optional(),
  /**
   * Open hours per week day, in local time. A missing or empty day is closed. Intervals of a day
   * may not overlap; touching intervals (`["09:00","12:00"],["12:00","18:00"]`) are one stretch.
   */
  weekly: z
    .object({
      mon: DayHoursSchema.optional(),
      tue: DayHoursSchema.optional(),
      wed: DayHoursSchema.optional(),
      thu: DayHoursSchema.optional(),
      fri: DayHoursSchema.optional(),
      sat: DayHoursSchema.optional(),
      sun: DayHoursSchema.optional(),
    })
    .strict(),
  /** Local dates ("2026-10-01") closed all day whatever `weekly` says. */
  holidays: z.array(z.string().max(10)).max(2000).optional(),
});

/**
 * Everything wrong with a structurally well-formed calendar, as sentences an admin can act on:
 * "mon: 18:00–09:00 ends before it starts". Empty when the calendar is usable.
 */
export function calendarProblems(calendar: z.infer<typeof CalendarShapeSchema>): string[] {
  const problems: string[] = [];
  if (!isKnownTimeZone(calendar.timeZone)) {
    problems.push(`unknown time zone "${calendar.timeZone}" (use an IANA name such as "Asia/Shanghai")`);
  }
  let openMinutes = 0;
  for (const day of WEEKDAYS) {
    const parsed: Array<{ text: string; start: number; end: number }> = [];
    for (const [startText, endText] of calendar.weekly[day] ?? []) {
      const start = parseTimeOfDay(startText);
      const end = parseTimeOfDay(endText);
      if (start === null || start === 24 * 60) {
        problems.push(`${day}: "${startText}" is not an opening time (use HH:MM from 00:00 to 23:59)`);
      } else if (end === null) {
        problems.push(`${day}: "${endText}" is not a closing time (use HH:MM from 00:01 to 24:00)`);
      } else if (end < start) {
        problems.push(`${day}: ${startText}–${endText} ends before it starts`);
      } else if (end === start) {
        problems.push(`${day}: ${startText}–${endText} is empty`);
      } else {
        parsed.push({ text: `${startText}–${endText}`, start, end });
      }
    }
    parsed.sort((a, b) => a.start - b.start);
    for (let i = 1; i < parsed.length; i++) {
      const previous = parsed[i - 1]!;
      const current = parsed[i]!;
      if (current.start < previous.end) problems.push(`${day}: ${previous.text} overlaps ${current.text}`);
    }
    openMinutes += parsed.reduce((sum, interval) => sum + interval.end - interval.start, 0);
  }
  for (const holiday of calendar.holidays ?? []) {
    if (parseLocalDate(holiday) === null) problems.push(`holiday "${holiday}" is not a date (use YYYY-MM-DD)`);
  }
  if (!calendar.alwaysOpen && openMinutes === 0 && problems.length === 0) {
    problems.push('no open hours in the week: give weekly hours or set alwaysOpen');
  }
  return problems;
}

/** A business calendar: when target time runs. Validated fully (see `calendarProblems`). */
export const BusinessCalendarSchema = CalendarShapeSchema.superRefine((calendar, ctx) => {
  for (const message of calendarProblems(calendar)) ctx.addIssue({ code: 'custom', message });
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;
/** `["09:00", "12:00"]`: open from the first local time up to the second. */
export type OpenInterval = z.infer<typeof OpenIntervalSchema>;

// ---------------------------------------------------------------------------------------------
// Events and input

export const SLA_EVENT_TYPES = ['created', 'customer_message', 'agent_reply', 'bot_reply', 'note', 'status'] as const;
export type SlaEventType = (typeof SLA_EVENT_TYPES)[number];

/** ISO-8601 instant with a zone designator ("2026-03-09T14:00:00Z", "...+08:00"). */
export const SlaInstantSchema = z.iso.datetime({ offset: true });

/**
 * One thing that happened to a conversation. `agent_reply` is a human's public reply;
 * `bot_reply` and `note` never meet a target. `status` carries the new conversation status
 * (the server records an automatic reopen on a customer message as a `status` event).
 * Statuses beyond the four of the SLA rules are accepted: `bot` counts like `open`, `closed`
 * like `resolved`.
 */
export const SlaEventSchema = z
  .object({
    at: SlaInstantSchema,
    type: z.enum(SLA_EVENT_TYPES),
    status: ConversationStatusSchema.optional(),
  })
  .refine((event) => event.type !== 'status' || event.status !== undefined, {
    message: 'a status event needs a status',
    path: ['status'],
  });
export type SlaEvent = z.infer<typeof SlaEventSchema>;

/**
 * Everything `computeSla` needs. `events` are in time order (ties keep their order); exactly
 * one is `created` and none is earlier than it. Events after `now` are ignored (a device clock
 * a little behind the server's); a `now` before `created` is read as `created`.
 */
export const SlaInputSchema = z
  .object({
    policy: SlaPolicySchema,
    calendar: BusinessCalendarSchema,
    events: z.array(SlaEventSchema).min(1).max(50_000),
    now: SlaInstantSchema,
  })
  .superRefine((input, ctx) => {
    const created = input.events.filter((event) => event.type === 'created');
    if (created.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: `needs exactly one created event, got ${created.length}` });
      return;
    }
    const createdAt = Date.parse(created[0]!.at);
    input.events.forEach((event, index) => {
      if (Date.parse(event.at) < createdAt) {
        ctx.addIssue({ code: 'custom', path: ['events', index], message: 'is earlier than the created event' });
      }
    });
  });
export type SlaInput = z.infer<typeof SlaInputSchema>;

// ---------------------------------------------------------------------------------------------
// Output

export const SLA_STATES = ['running', 'warning', 'paused', 'met', 'breached', 'stopped'] as const;
/**
 * - `running`: counting, more than `warnBeforeMin` business minutes left;
 * - `warning`: counting, at most `warnBeforeMin` business minutes left (never when unset or 0);
 * - `paused`: not counting (resolution while pending or snoozed), due not yet passed;
 * - `met`: the meeting event happened (possibly late: then `breachedAt` is set);
 * - `breached`: due passed and not met; stays so when the clock later pauses or stops;
 * - `stopped`: ended unmet before its due (resolved before a reply).
 */
export type SlaState = (typeof SLA_STATES)[number];

/** The result for one target (first response, one next-response instance, or resolution). */
export interface SlaTargetResult {
  state: SlaState;
  /** The instant of the event that started the clock (counting begins at the next opening). */
  startedAt: string;
  /** When the target falls due; null whenever the clock is not counting (paused, met, stopped). */
  dueAt: string | null;
  /** Instant of the meeting event; null unless `state` is `met`. */
  metAt: string | null;
  /** The due instant once it has passed; kept after a late `met`, a pause or a stop. */
  breachedAt: string | null;
  /**
   * Business ms until due: negative when overdue, frozen while not counting, null when met or
   * stopped before its due.
   */
  remainingMs: number | null;
  /**
   * When a counting clock turns (or turned) `warning`; null when not counting, already breached,
   * or no `warnBeforeMin`. Lets the scheduler fire `sla.warning` without polling.
   */
  warnAt: string | null;
}

export interface NextResponseResult {
  /** The instance still counting (running, warning, or breached and unanswered), or null. */
  current: SlaTargetResult | null;
  /** Every instance that has ended (met, stopped, or breached then stopped), oldest first. */
  history: SlaTargetResult[];
}

export interface SlaResult {
  firstResponse: SlaTargetResult | null;
  /** Null when the policy has no `nextResponseMin`. */
  nextResponse: NextResponseResult | null;
  resolution: SlaTargetResult | null;
  /** Earliest `dueAt` among counting targets (running, warning, breached); null when none. */
  nextDueAt: string | null;
}

/** `{ at, kind }`: the next instant the calendar opens or closes. */
export interface CalendarBoundary {
  at: string;
  kind: 'opens' | 'closes';
}

export type CalendarValidation = { ok: true; calendar: BusinessCalendar } | { ok: false; errors: string[] };
