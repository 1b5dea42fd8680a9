/** The wallboard's waiting line: an hour of samples, one per second at most. */
import { describe, expect, it } from 'vitest';
import { HISTORY_MS, withSample } from '../../../renderer/src/features/live/waitHistory';

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
