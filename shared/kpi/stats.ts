/**
 * The small statistics the team-lead KPIs are built from: a share of a whole as a percentage,
 * the median and nearest-rank percentiles of durations (first reply, handle time, wait).
 *
 * Inputs are counts and durations, so every value must be a finite number; anything else is a
 * RangeError naming the bad value rather than a silently wrong figure on a dashboard. Results
 * are unrounded: the screen that shows a figure decides how many decimals it needs.
 */

/** Throws unless `value` is a finite number; `what` names it in the message. */
export function assertFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${what} ${String(value)} is not a finite number`);
  }
}

/**
 * `part` as a percentage (0–100) of `whole`, unrounded: reopen rate (reopened ÷ resolved),
 * transfer rate (transferred ÷ handled), bot containment (closed by the bot ÷ started with the
 * bot). `null` when `whole` is 0: no conversations is no rate, not 0 %. Both must be finite,
 * not negative, and `part` no more than `whole`.
 */
export function rate(part: number, whole: number): number | null {
  assertFinite(part, 'part');
  assertFinite(whole, 'whole');
  if (part < 0) throw new RangeError(`part ${part} is negative`);
  if (whole < 0) throw new RangeError(`whole ${whole} is negative`);
  if (part > whole) throw new RangeError(`part ${part} is more than whole ${whole}`);
  return whole === 0 ? null : (part / whole) * 100;
}

function sortedCopy(values: readonly number[]): number[] {
  for (const value of values) assertFinite(value, 'value');
  return [...values].sort((a, b) => a - b);
}

/**
 * The middle value; with an even count the mean of the two middle values. `null` for no values.
 * The input is not reordered.
 */
export function median(values: readonly number[]): number | null {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The `p`th percentile (0–100) by **nearest rank**: the smallest value that at least p % of the
 * values are less than or equal to, i.e. the value at rank ⌈p/100 × n⌉ (rank 1 for p = 0). It is
 * always one of the values given, so "90th percentile first reply 4 min" means a real
 * conversation waited 4 min and 90 % waited no longer. `null` for no values; `p` outside 0–100
 * is a RangeError. The input is not reordered.
 */
export function percentile(values: readonly number[], p: number): number | null {
  assertFinite(p, 'percentile');
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is not between 0 and 100`);
  const sorted = sortedCopy(values);
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[rank - 1]!;
}
