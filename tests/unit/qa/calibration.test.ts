/**
 * The spread a calibration session shows per category: how far apart the reviewers' scores are,
 * N/A left out, categories in the scorecard's order.
 */
import { describe, expect, it } from 'vitest';
import { calibrationSpread, type CalibrationEntry } from '../../../shared/qa';

type Entry = Pick<CalibrationEntry, 'score' | 'categoryScores'>;
const entry = (score: number | null, categoryScores: Record<string, number | null>): Entry => ({ score, categoryScores });

describe('calibrationSpread', () => {
  it.each<[string, Entry[], { categoryId: string; scored: number; naCount: number; min: number | null; max: number | null; range: number | null; mean: number | null }[]]>([
    ['no entries: nothing scored', [], [{ categoryId: 'greeting', scored: 0, naCount: 0, min: null, max: null, range: null, mean: null }]],
    [
      'agreement is a range of 0',
      [entry(100, { greeting: 100 }), entry(100, { greeting: 100 })],
      [{ categoryId: 'greeting', scored: 2, naCount: 0, min: 100, max: 100, range: 0, mean: 100 }],
    ],
    [
      'N/A is counted apart, not as 0',
      [entry(80, { greeting: null }), entry(60, { greeting: 50 }), entry(90, { greeting: 100 })],
      [{ categoryId: 'greeting', scored: 2, naCount: 1, min: 50, max: 100, range: 50, mean: 75 }],
    ],
    [
      'everyone N/A: no figures',
      [entry(null, { greeting: null }), entry(null, { greeting: null })],
      [{ categoryId: 'greeting', scored: 0, naCount: 2, min: null, max: null, range: null, mean: null }],
    ],
  ])('%s', (_, entries, expected) => {
    expect(calibrationSpread(entries, ['greeting']).categories).toEqual(expected);
  });

  it('keeps the scorecard order and adds categories only an entry scored (an older version)', () => {
    const { categories, total } = calibrationSpread(
      [entry(70, { solution: 50, greeting: 100 }), entry(40, { solution: 25, legacy: 0 })],
      ['greeting', 'solution'],
    );
    expect(categories.map((c) => c.categoryId)).toEqual(['greeting', 'solution', 'legacy']);
    expect(categories[0]).toMatchObject({ scored: 1, naCount: 0 });
    expect(total).toMatchObject({ categoryId: '*', min: 40, max: 70, range: 30, mean: 55 });
  });
});
