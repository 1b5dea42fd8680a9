/**
 * The KPI view's periods, cut at midnight in the centre's time zone (the one the report's days
 * are in, so the first and last day are whole): today, this week (from Monday) and a range of
 * days with `to` included. `to` reaches a minute past now so what started this minute counts.
 */
import { addDays, dayIn, startOfDayIn, weekdayOf } from '../../../../shared/kpi';

export const KPI_PERIODS = ['today', 'week', 'range'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/** Before the first report names the centre's zone, the workstation's own. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function kpiRange(
  period: KpiPeriod,
  now: number,
  range: { from: string; to: string },
  timeZone: string,
): { from: string; to: string } | null {
  const soon = new Date(now + 60_000).toISOString();
  const today = dayIn(timeZone, new Date(now));
  if (period === 'today') return { from: startOfDayIn(timeZone, today).toISOString(), to: soon };
  if (period === 'week') return { from: startOfDayIn(timeZone, addDays(today, -weekdayOf(today))).toISOString(), to: soon };
  if (!DAY_PATTERN.test(range.from) || !DAY_PATTERN.test(range.to) || range.to < range.from) return null;
  if (range.to > addDays(range.from, MAX_DAYS - 1)) return null;
  return {
    from: startOfDayIn(timeZone, range.from).toISOString(),
    to: startOfDayIn(timeZone, addDays(range.to, 1)).toISOString(),
  };
}

/** The last seven days, today included, as the range's first value. */
export function defaultRange(timeZone: string, now: number): { from: string; to: string } {
  const today = dayIn(timeZone, new Date(now));
  return { from: addDays(today, -6), to: today };
}
