/** One commit's change ranges become pokes: adjacent ranges heard by the same rooms merge, others stay apart. */
import { describe, expect, it } from 'vitest';
import type { AppendedChanges } from '../../../server/db/queries/changes';
import { coalesceRanges } from '../../../server/domain/context';
import { audience, range } from './changeRanges';

describe('coalesceRanges', () => {
  it('merges adjacent ranges of different conversations heard by the same rooms', () => {
    const merged = coalesceRanges([
      range(10, audience('a', 't1')),
      range(12, audience('b', 't1')),
      range(14, audience('a', 't1')),
    ]);
    expect(merged.map((r) => [r.from, r.to, r.entries.length])).toEqual([[10, 15, 6]]);
  });

  it('keeps ranges apart when their rooms differ, and never bridges a gap in seq', () => {
    const merged = coalesceRanges([
      range(1, audience('a', 't1')),
      range(3, audience('b', 't2')),
      range(5, audience('c', 't2', 'agent-x')),
      range(7, audience('d', 't2', 'agent-x')),
      range(20, audience('e', 't2', 'agent-x')),
      range(22, null),
      range(24, null),
    ]);
    expect(merged.map((r) => [r.from, r.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 8],
      [20, 21],
      [22, 25],
    ]);
  });

  it('leaves a range whose changes have several audiences on its own', () => {
    const mixed: AppendedChanges = {
      ...range(3, audience('b', 't1')),
      entries: [...range(3, audience('b', 't1'), 1).entries, ...range(4, null, 1).entries],
    };
    const merged = coalesceRanges([range(1, audience('a', 't1')), mixed, range(5, audience('c', 't1'))]);
    expect(merged.map((r) => [r.from, r.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});
