/**
 * Wall-clock arithmetic in an IANA time zone using only `Intl.DateTimeFormat`, which exists in
 * Node and in every browser, so the SLA clock gives the same answer on the server and offline in
 * the app.
 *
 * Vocabulary: an *instant* is epoch milliseconds (UTC); a *wall time* is the local calendar date
 * and clock reading encoded as if it were UTC (`Date.UTC(y, m, d, h, min)`); the zone's *offset*
 * at an instant is `wall - instant` (New York in winter: -5 h).
 *
 * DST rules (both documented in README.md):
 * - a wall time skipped by a spring-forward gap maps to the first valid instant after it, which
 *   is the transition instant itself (02:30 on the New York spring-forward day -> 03:00 EDT);
 * - a wall time that occurs twice in a fall-back overlap maps to the earlier instant
 *   (01:30 on the New York fall-back day -> 01:30 EDT).
 * Assumption: a zone changes its offset at most once within any 48 hours (true of every zone in
 * use today).
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for a zone the platform does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform's time-zone database knows `timeZone` ("Asia/Shanghai", "UTC"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const MAX_CACHED_OFFSETS = 50_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/** Offset at the start of a quarter hour, cached: formatToParts costs about 10 µs a call. */
function quarterHourOffset(timeZone: string, quarter: number): number {
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) offsetsByZone.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    offset = exactOffsetAt(timeZone, quarter * QUARTER_HOUR_MS);
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(quarter, offset);
  }
  return offset;
}

/**
 * The zone's offset (wall minus instant, in ms) at an instant. When the offsets at both ends of
 * the instant's quarter hour agree, no transition lies inside it (zones change at most once in
 * 15 minutes) and the cached value is exact; otherwise it is computed for the instant itself.
 */
export function zoneOffsetAt(timeZone: string, instant: number): number {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  const offset = quarterHourOffset(timeZone, quarter);
  return offset === quarterHourOffset(timeZone, quarter + 1) ? offset : exactOffsetAt(timeZone, instant);
}

/** The offset read from Intl for one instant. Whole seconds, as zones are. */
function exactOffsetAt(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of parts) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    else if (part.type === 'hour') hour = value % 24; // some engines print midnight as 24
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Day number (days since 1970-01-01) of the local date at an instant. */
export function localDayNumber(timeZone: string, instant: number): number {
  return Math.floor((instant + zoneOffsetAt(timeZone, instant)) / DAY_MS);
}

/**
 * The instant of a wall time, with the gap and overlap rules of this module's header.
 * `offsetBefore` / `offsetAfter` may be passed when the caller already knows the offsets a day
 * either side of the wall time.
 */
export function wallToInstant(
  timeZone: string,
  wall: number,
  offsetBefore = zoneOffsetAt(timeZone, wall - DAY_MS),
  offsetAfter = zoneOffsetAt(timeZone, wall + DAY_MS),
): number {
  if (offsetBefore === offsetAfter) return wall - offsetBefore;
  // The offset changes near this wall time: it is valid under one offset, both (overlap), or
  // neither (gap). The earlier valid instant wins an overlap.
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(
    (instant) => zoneOffsetAt(timeZone, instant) === wall - instant,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // Gap: clocks jumped from offsetBefore to offsetAfter (> offsetBefore). The transition lies in
  // (wall - offsetAfter, wall - offsetBefore]; find its first instant by bisection (about 22
  // steps for a one-hour jump, and only on the two transition days of a year).
  let lo = wall - offsetAfter; // still on the old offset
  let hi = wall - offsetBefore; // already on the new offset
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffsetAt(timeZone, mid) === offsetBefore) lo = mid;
    else hi = mid;
  }
  return hi;
}
