/** The wallboard's waiting line: an hour of samples, one per second at most. */
import { describe, expect, it } from 'vitest';
import { HISTORY_MS, mergeHistory, withSample } from '../../../renderer/src/features/live/waitHistory';

describe('withSample', () => {
  it('keeps the last hour and drops what is older', () => {
    const now = 10 * HISTORY_MS;
    const history = [
      { at: now - HISTORY_MS - 1, waiting: 9 },
      { at: now - HISTORY_MS + 1, waiting: 4 },
    ];
    expect(withSample(history, now, 2)).toEqual([
      { at: now - HISTORY_MS + 1, waiting: 4 },
      { at: now, waiting: 2 },
    ]);
  });

  it('replaces a sample taken within the same second rather than piling them up', () => {
    expect(withSample([{ at: 1_000, waiting: 1 }], 1_500, 3)).toEqual([{ at: 1_500, waiting: 3 }]);
    expect(withSample([{ at: 1_000, waiting: 1 }], 2_000, 3)).toHaveLength(2);
  });
});

describe('mergeHistory', () => {
  const MIN = 60_000;
  const now = 10 * HISTORY_MS;
  it('starts the line an hour back with the server’s samples, then the window’s own', () => {
    const server = [
      { at: now - 70 * MIN, waiting: 9 }, // older than the hour
      { at: now - 50 * MIN, waiting: 3 },
      { at: now - 10 * MIN, waiting: 5 },
    ];
    const local = [{ at: now - 5 * MIN, waiting: 6 }, { at: now, waiting: 7 }];
    expect(mergeHistory(local, server, now)).toEqual([
      { at: now - 50 * MIN, waiting: 3 },
      { at: now - 10 * MIN, waiting: 5 },
      { at: now - 5 * MIN, waiting: 6 },
      { at: now, waiting: 7 },
    ]);
  });

  it('keeps one point where a server sample and the window’s fall in the same second', () => {
    const merged = mergeHistory([{ at: now - 500, waiting: 4 }], [{ at: now - 900, waiting: 2 }], now);
    expect(merged).toEqual([{ at: now - 500, waiting: 4 }]);
  });

  it('is the window’s line when the server has nothing (a new centre, or offline)', () => {
    const local = [{ at: now - MIN, waiting: 1 }];
    expect(mergeHistory(local, [], now)).toEqual(local);
  });
});
