/**
 * The waiting line of the Live screen and the wallboard: each team's waiting count over the last
 * hour. The server keeps one sample a minute (fetched once per team when the window first shows
 * it, so the line starts an hour back); the window adds its own at every change of the figure and
 * every SAMPLE_MS, so the line moves as the floor does.
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

/** The server's samples folded into the window's: one line in time order, the last hour only. */
export function mergeHistory(local: readonly WaitSample[], server: readonly WaitSample[], now: number): WaitSample[] {
  const merged = [...server, ...local].filter((sample) => sample.at > now - HISTORY_MS).sort((a, b) => a.at - b.at);
  const line: WaitSample[] = [];
  for (const sample of merged) {
    const last = line.at(-1);
    // Within a second of each other: one point (the window's, which is the later reading).
    if (last && sample.at - last.at < 1_000) line[line.length - 1] = sample;
    else line.push(sample);
  }
  return line;
}
