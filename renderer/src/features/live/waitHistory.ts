/**
 * The wallboard's sparkline: each team's waiting count over the last hour, sampled while the
 * wallboard is open (every change of the figure, and every SAMPLE_MS so a flat line still moves
 * on). Kept in the window only: a wallboard opened a minute ago has a minute of line.
 */
export const HISTORY_MS = 60 * 60_000;
export const SAMPLE_MS = 30_000;

export interface WaitSample {
  at: number;
  waiting: number;
}

/** `history` with a sample for `now` (replacing one taken within a second), older than an hour dropped. */
export function withSample(history: readonly WaitSample[], now: number, waiting: number): WaitSample[] {
  const recent = history.filter((sample) => sample.at > now - HISTORY_MS);
  const last = recent.at(-1);
  if (last && now - last.at < 1_000) return [...recent.slice(0, -1), { at: now, waiting }];
  return [...recent, { at: now, waiting }];
}
