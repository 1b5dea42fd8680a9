/** Pure formatting for the Live screen: relative times, percentages and report periods. */
import { localeOf, type UiLanguage } from '../../lib/time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 minutes ago" / "3分钟前"; `justNow` under a minute. Future instants (clock skew) count as now. */
export function formatAgo(iso: string, now: number, language: UiLanguage, justNow: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return justNow;
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' });
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}

/** 0.8734 → "87.3%"; null → "—". */
export function formatRate(rate: number | null, language: UiLanguage): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

export const REPORT_PERIODS = ['today', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** The period as instants: today from local midnight; the others as rolling 7 / 30 days. */
export function periodRange(period: ReportPeriod, now: number): { from: string; to: string } {
  const to = new Date(now + MINUTE); // `to` is exclusive: include what was recorded this minute
  if (period === 'today') {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    return { from: midnight.toISOString(), to: to.toISOString() };
  }
  const days = period === 'week' ? 7 : 30;
  return { from: new Date(now - days * DAY).toISOString(), to: to.toISOString() };
}
