/**
 * Calendar days in a time zone, for cutting KPI periods where the centre's midnight is: the day
 * an instant falls on, the instant a day starts, and day arithmetic on YYYY-MM-DD strings. Uses
 * only Intl, so it runs in the browser and in Node alike. Imports nothing.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function format(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions) {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, ...options });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

function partsOf(formatter: Intl.DateTimeFormat, at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of `instant` in `timeZone`. */
export function dayIn(timeZone: string, instant: Date): string {
  const p = partsOf(format(dayFormats, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }), instant);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at` (ms). */
function offsetAt(timeZone: string, at: number): number {
  const p = partsOf(
    format(clockFormats, timeZone, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }),
    new Date(at),
  );
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant `day` (YYYY-MM-DD) begins in `timeZone`. */
export function startOfDayIn(timeZone: string, day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wallMidnight = Date.UTC(y!, m! - 1, d!);
  let at = wallMidnight - offsetAt(timeZone, wallMidnight);
  // Once more with the offset in force at that instant (the day a zone changes its clocks).
  at = wallMidnight - offsetAt(timeZone, at);
  return new Date(at);
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const at = new Date(Date.UTC(y!, m! - 1, d! + days));
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return (new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7;
}
