/** Calendars and helpers shared by the SLA tests. Times in tests are local ISO with an offset. */
import type { ConversationStatus } from '../../../shared/domain/model';
import type { BusinessCalendar, SlaEvent, SlaEventType, SlaState, SlaTargetResult } from '../../../shared/sla';

const WEEKDAY_HOURS: Array<[string, string]> = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];

/** New York office: weekdays with a lunch break, closed for the observed Independence Day. */
export const NY_OFFICE: BusinessCalendar = {
  timeZone: 'America/New_York',
  weekly: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS },
  holidays: ['2026-07-03'],
};

/** Shanghai office: weekdays 09:00–18:00, closed for National Day week. */
export const SHANGHAI_OFFICE: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '18:00']]])),
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
};

/** Sunday night desk whose opening falls in the New York spring-forward gap (02:00–03:00). */
export const NY_SPRING_DESK: BusinessCalendar = { timeZone: 'America/New_York', weekly: { sun: [['02:30', '05:00']] } };

/** Sunday night desk whose opening is ambiguous on the New York fall-back day (01:00–02:00 twice). */
export const NY_FALL_DESK: BusinessCalendar = { timeZone: 'America/New_York', weekly: { sun: [['01:30', '03:00']] } };

export const ALWAYS_OPEN: BusinessCalendar = { timeZone: 'UTC', alwaysOpen: true, weekly: {} };

/** ISO instant in UTC, as computeSla reports it. */
export const utc = (local: string): string => new Date(local).toISOString();
export const minutes = (count: number): number => count * 60_000;

export type EventRow = [at: string, type: SlaEventType, status?: ConversationStatus];

export function toEvents(rows: EventRow[]): SlaEvent[] {
  return rows.map(([at, type, status]) => (status ? { at, type, status } : { at, type }));
}

export interface TargetExpectation {
  state?: SlaState;
  startedAt?: string;
  dueAt?: string | null;
  metAt?: string | null;
  breachedAt?: string | null;
  remainingMin?: number | null;
  warnAt?: string | null;
}

/** Partial target result with local times turned into UTC and minutes into ms. */
export function target(expectation: TargetExpectation): Partial<SlaTargetResult> {
  const result: Record<string, unknown> = {};
  if (expectation.state) result.state = expectation.state;
  for (const key of ['startedAt', 'dueAt', 'metAt', 'breachedAt', 'warnAt'] as const) {
    const value = expectation[key];
    if (value !== undefined) result[key] = value === null ? null : utc(value);
  }
  if (expectation.remainingMin !== undefined) {
    result.remainingMs = expectation.remainingMin === null ? null : minutes(expectation.remainingMin);
  }
  return result as Partial<SlaTargetResult>;
}
