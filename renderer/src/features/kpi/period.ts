/**
 * The KPI view's periods in the workstation's local time: today (from midnight), this week (from
 * Monday midnight) and a range of whole days, `to` inclusive. `to` reaches a minute past now so
 * what started this minute is counted.
 */
export const KPI_PERIODS = ['today', 'week', 'range'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

const DAY = 86_400_000;

/** YYYY-MM-DD of a local date. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function localMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

export function kpiRange(
  period: KpiPeriod,
  now: number,
  range: { from: string; to: string },
): { from: string; to: string } | null {
  const soon = new Date(now + 60_000).toISOString();
  if (period === 'today') {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    return { from: midnight.toISOString(), to: soon };
  }
  if (period === 'week') {
    const monday = new Date(now);
    monday.setHours(0, 0, 0, 0);
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
    return { from: monday.toISOString(), to: soon };
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) return null;
  const from = localMidnight(range.from);
  const to = localMidnight(range.to);
  to.setDate(to.getDate() + 1);
  if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > 366 * DAY) return null;
  return { from: from.toISOString(), to: to.toISOString() };
}
