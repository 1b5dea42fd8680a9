/**
 * The team-lead KPI formulas (shared/kpi) as a lead reads them on a dashboard: what counts, what
 * is left out, when there is no figure at all, and that an off-scale answer is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csat,
  firstContactResolution,
  median,
  nextResponseWaits,
  nps,
  percentile,
  rate,
  serviceLevel,
  type ResolutionItem,
  type ServiceLevelItem,
  type ThreadTurn,
} from '../../../shared/kpi';

function expectFigure(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

describe('csat', () => {
  it.each<[string, number[], number | null]>([
    ['no answers is no score', [], null],
    ['all 5s', [5, 5, 5], 100],
    ['all 1s', [1, 1], 0],
    ['3 is not satisfied', [3], 0],
    ['4 is satisfied', [4], 100],
    ['boundary 3 and 4', [3, 4], 50],
    ['one of each point', [1, 2, 3, 4, 5], 40],
    ['unrounded', [5, 5, 1], 200 / 3],
  ])('%s', (_name, scores, expected) => expectFigure(csat(scores), expected));

  it.each([0, 6, 3.5, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the answer %s', (bad) => {
    expect(() => csat([5, bad])).toThrow(RangeError);
    expect(() => csat([5, bad])).toThrow(String(bad));
  });
});

describe('nps', () => {
  it.each<[string, number[], number | null]>([
    ['no answers is no score', [], null],
    ['all promoters', [9, 10, 10], 100],
    ['all detractors', [0, 3, 6], -100],
    ['all passives', [7, 8], 0],
    ['6 is a detractor', [6], -100],
    ['7 is a passive', [7], 0],
    ['8 is a passive', [8], 0],
    ['9 is a promoter', [9], 100],
    ['boundary 6/7/8/9: passives count in the total', [6, 7, 8, 9], 0],
    ['two promoters, one passive, one detractor', [10, 9, 8, 2], 25],
    ['a promoter and a detractor cancel out', [10, 0, 7], 0],
    ['one promoter in three', [10, 7, 8], 100 / 3],
  ])('%s', (_name, scores, expected) => expectFigure(nps(scores), expected));

  it.each([-1, 11, 8.5, Number.NaN])('refuses the answer %s', (bad) => {
    expect(() => nps([10, bad])).toThrow(RangeError);
    expect(() => nps([10, bad])).toThrow(String(bad));
  });
});

const answered = (waitedSec: number): ServiceLevelItem => ({ waitedSec, answered: true });
const waiting = (waitedSec: number): ServiceLevelItem => ({ waitedSec, answered: false });

describe('serviceLevel (target 20 s)', () => {
  it.each<[string, ServiceLevelItem[], number | null]>([
    ['no conversations is no figure', [], null],
    ['answered in time', [answered(5)], 100],
    ['answered exactly at the target is within', [answered(20)], 100],
    ['answered one second late', [answered(21)], 0],
    ['unanswered within the target is left out', [answered(5), waiting(20)], 100],
    ['only unanswered within the target: nothing counts', [waiting(0), waiting(19)], null],
    ['unanswered past the target counts as missed', [answered(5), waiting(21)], 50],
    ['mixed', [answered(0), answered(20), answered(40), waiting(3), waiting(60)], 50],
    ['unrounded', [answered(1), answered(2), answered(30)], 200 / 3],
  ])('%s', (_name, items, expected) => expectFigure(serviceLevel(items, 20), expected));

  it('a target of 0 s counts only answers without any wait', () => {
    expect(serviceLevel([answered(0), answered(1), waiting(0)], 0)).toBe(50);
  });

  it('refuses negative or non-finite waits and targets', () => {
    expect(() => serviceLevel([answered(-1)], 20)).toThrow(RangeError);
    expect(() => serviceLevel([answered(Number.NaN)], 20)).toThrow(/NaN/);
    expect(() => serviceLevel([], -5)).toThrow(RangeError);
    expect(() => serviceLevel([], Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

const conv = (resolved: boolean, reopened: boolean, agents: number): ResolutionItem => ({
  resolved,
  reopened,
  agents,
});

describe('firstContactResolution', () => {
  it.each<[string, ResolutionItem[], number | null]>([
    ['no conversations is no figure', [], null],
    ['none resolved is no figure', [conv(false, false, 1), conv(false, true, 2)], null],
    ['resolved by one agent, never reopened', [conv(true, false, 1)], 100],
    ['reopened is not first contact', [conv(true, true, 1)], 0],
    ['two agents (a transfer) is not first contact', [conv(true, false, 2)], 0],
    ['the bot alone (no agent) is not first contact', [conv(true, false, 0)], 0],
    ['unresolved are left out', [conv(true, false, 1), conv(false, false, 1), conv(true, true, 1)], 50],
    ['unrounded', [conv(true, false, 1), conv(true, false, 1), conv(true, false, 3)], 200 / 3],
  ])('%s', (_name, items, expected) => expectFigure(firstContactResolution(items), expected));

  it('refuses a count of agents that is not a whole number', () => {
    expect(() => firstContactResolution([conv(true, false, 1.5)])).toThrow(/1\.5/);
    expect(() => firstContactResolution([conv(false, false, -1)])).toThrow(RangeError);
  });
});

describe('rate', () => {
  it.each<[string, number, number, number | null]>([
    ['nothing to rate is no figure', 0, 0, null],
    ['none', 0, 10, 0],
    ['all', 10, 10, 100],
    ['a quarter', 1, 4, 25],
    ['unrounded', 1, 3, 100 / 3],
  ])('%s', (_name, part, whole, expected) => expectFigure(rate(part, whole), expected));

  it('refuses a part larger than the whole, negatives and non-finite numbers', () => {
    expect(() => rate(5, 4)).toThrow(/5 is more than whole 4/);
    expect(() => rate(-1, 4)).toThrow(RangeError);
    expect(() => rate(1, -4)).toThrow(RangeError);
    expect(() => rate(Number.NaN, 4)).toThrow(RangeError);
    expect(() => rate(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('median', () => {
  it.each<[string, number[], number | null]>([
    ['no values', [], null],
    ['one value', [42], 42],
    ['odd count, unsorted', [30, 10, 20], 20],
    ['even count: mean of the middle two', [40, 10, 30, 20], 25],
    ['repeated values', [5, 5, 5, 100], 5],
  ])('%s', (_name, values, expected) => expectFigure(median(values), expected));

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile (nearest rank)', () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  it.each<[string, number[], number, number | null]>([
    ['no values', [], 90, null],
    ['p0 is the smallest', ten, 0, 1],
    ['p10 is rank 1', ten, 10, 1],
    ['p11 is rank 2', ten, 11, 2],
    ['p50 is rank 5 (not interpolated)', ten, 50, 5],
    ['p90 is rank 9', ten, 90, 9],
    ['p100 is the largest', ten, 100, 10],
    ['always a value given', [1, 100], 50, 1],
    ['one value', [7], 95, 7],
  ])('%s', (_name, values, p, expected) => expectFigure(percentile(values, p), expected));

  it('refuses p outside 0–100 and non-finite values', () => {
    expect(() => percentile([1], 101)).toThrow(/101/);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
  });
});

describe('KPI properties', () => {
  it('csat is 0–100 for any answers, null only for none', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 })), (scores) => {
        const score = csat(scores);
        return scores.length === 0 ? score === null : score !== null && score >= 0 && score <= 100;
      }),
    );
  });

  it('nps is −100 to 100 and never above the share of promoters', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (scores) => {
        const score = nps(scores)!;
        const promoters = scores.filter((s) => s >= 9).length / scores.length;
        return score >= -100 && score <= 100 && score <= promoters * 100 + 1e-9;
      }),
    );
  });

  it('nps never goes down when one answer goes up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1 }), fc.nat(), (scores, pick) => {
        const i = pick % scores.length;
        const raised = scores.map((s, j) => (j === i ? s + 1 : s));
        return nps(raised)! >= nps(scores)! - 1e-9;
      }),
    );
  });

  it('service level is 0–100 and never goes down when the target is raised', () => {
    const item = fc.record({ waitedSec: fc.integer({ min: 0, max: 600 }), answered: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(item),
        fc.integer({ min: 0, max: 600 }),
        fc.nat({ max: 600 }),
        (items, target, more) => {
          const level = serviceLevel(items, target);
          if (level === null) return true;
          const raised = serviceLevel(items, target + more);
          return level >= 0 && level <= 100 && (raised === null || raised >= level - 1e-9);
        },
      ),
    );
  });

  it('first-contact resolution is 0–100 and ignores unresolved conversations', () => {
    const item = fc.record({ resolved: fc.boolean(), reopened: fc.boolean(), agents: fc.nat({ max: 4 }) });
    fc.assert(
      fc.property(fc.array(item), (items) => {
        const fcr = firstContactResolution(items);
        const onlyResolved = firstContactResolution(items.filter((c) => c.resolved));
        return fcr === onlyResolved && (fcr === null || (fcr >= 0 && fcr <= 100));
      }),
    );
  });

  it('percentile is a value given, between the smallest and largest, and rises with p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = percentile(values, lo)!;
          const high = percentile(values, hi)!;
          return (
            values.includes(low) && low <= high && low >= Math.min(...values) && high <= Math.max(...values)
          );
        },
      ),
    );
  });

  it('median lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        return m >= Math.min(...values) && m <= Math.max(...values);
      }),
    );
  });
});

describe('nextResponseWaits', () => {
  const MIN = 60_000;
  const c = (minute: number): ThreadTurn => ({ at: minute * MIN, by: 'customer' });
  const a = (minute: number): ThreadTurn => ({ at: minute * MIN, by: 'agent' });
  it.each<[string, ThreadTurn[], number[]]>([
    ['an empty thread has no wait', [], []],
    ['the first answer is first response, not next', [c(0), a(3)], []],
    ['the customer writes again and is answered', [c(0), a(1), c(5), a(7)], [120]],
    ['a run of customer messages is one wait from the first', [c(0), a(1), c(5), c(6), c(8), a(10)], [300]],
    ['two agent replies in a row answer one wait', [c(0), a(1), c(2), a(4), a(5)], [120]],
    ['a wait still open is no figure', [c(0), a(1), c(2), a(3), c(9)], [60]],
    ['each wait counts', [c(0), a(1), c(2), a(3), c(10), a(20)], [60, 600]],
    ['an agent writing first starts nothing', [a(0), c(1), a(4)], [180]],
    ['out of order input is ordered by time', [a(7), c(5), a(1), c(0)], [120]],
    ['a customer message at the same instant as the reply is answered by it', [c(0), a(1), c(3), a(3)], [0]],
  ])('%s', (_name, turns, expected) => expect(nextResponseWaits(turns)).toEqual(expected));

  it('never gives a negative wait nor more waits than agent replies', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 10_000_000 }), by: fc.constantFrom<'customer' | 'agent'>('customer', 'agent') })),
        (turns) => {
          const waits = nextResponseWaits(turns);
          expect(waits.every((w) => w >= 0)).toBe(true);
          expect(waits.length).toBeLessThanOrEqual(Math.max(0, turns.filter((t) => t.by === 'agent').length - 1));
        },
      ),
    );
  });

  it('refuses a time that is not a number', () => {
    expect(() => nextResponseWaits([c(0), { at: Number.NaN, by: 'agent' }])).toThrow(RangeError);
  });
});
