/**
 * The review score (shared/qa/scoring.ts) as a reviewer and the agent reviewed read it: each
 * category on its scale, weighted, N/A left out, a critical miss fails the review, nothing rated
 * is no score at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATING_SCALES, scaleRange, scoreReview, type RatingScale, type Ratings } from '../../../shared/qa';

const card = {
  passThreshold: 80,
  categories: [
    { id: 'greeting', weight: 1, scale: 'binary' as const },
    { id: 'accuracy', weight: 3, scale: '5' as const, critical: true },
    { id: 'empathy', weight: 2, scale: '4' as const },
    { id: 'closing', weight: 1, scale: '3' as const },
  ],
};

describe('scoreReview', () => {
  it.each<[string, Ratings, number | null, boolean | null]>([
    ['all top marks', { greeting: 1, accuracy: 5, empathy: 4, closing: 3 }, 100, true],
    ['all bottom marks (critical miss)', { greeting: 0, accuracy: 1, empathy: 1, closing: 1 }, 0, false],
    // accuracy 4/5 = 75, empathy 3/4 = 66.67, closing 2/3 = 50, greeting 1 = 100
    [
      'mixed',
      { greeting: 1, accuracy: 4, empathy: 3, closing: 2 },
      (100 + 75 * 3 + (200 / 3) * 2 + 50) / 7,
      false,
    ],
    ['N/A left out of both sums', { greeting: 'na', accuracy: 5, empathy: 'na', closing: 3 }, 100, true],
    [
      'critical at 50 is not a miss',
      { greeting: 1, accuracy: 3, empathy: 4, closing: 3 },
      (100 + 150 + 200 + 100) / 7,
      false,
    ],
    [
      'critical below 50 scores 0 whatever else',
      { greeting: 1, accuracy: 2, empathy: 4, closing: 3 },
      0,
      false,
    ],
    ['all N/A', { greeting: 'na', accuracy: 'na', empathy: 'na', closing: 'na' }, null, null],
    ['nothing rated yet', {}, null, null],
  ])('%s', (_name, ratings, score, passed) => {
    const result = scoreReview(card, ratings);
    if (score === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(score, 9);
    expect(result.passed).toBe(passed);
  });

  it('passes exactly at the threshold', () => {
    const half = { passThreshold: 50, categories: [{ id: 'a', weight: 1, scale: '3' as const }] };
    expect(scoreReview(half, { a: 2 })).toMatchObject({ score: 50, passed: true });
    expect(scoreReview({ ...half, passThreshold: 50.01 }, { a: 2 })).toMatchObject({
      score: 50,
      passed: false,
    });
  });

  it('says which categories are still unrated and what each scored', () => {
    const result = scoreReview(card, { greeting: 1, empathy: 'na' });
    expect(result.unrated).toEqual(['accuracy', 'closing']);
    expect(result.categories).toEqual([
      { id: 'greeting', score: 100 },
      { id: 'accuracy', score: null },
      { id: 'empathy', score: null },
      { id: 'closing', score: null },
    ]);
  });

  it('refuses a rating that is not on the scale', () => {
    expect(() => scoreReview(card, { closing: 4 })).toThrow(/not on the 3 scale/);
    expect(() => scoreReview(card, { greeting: 2 })).toThrow(RangeError);
    expect(() => scoreReview(card, { empathy: 2.5 })).toThrow(RangeError);
    expect(() => scoreReview(card, { accuracy: 0 })).toThrow(RangeError);
  });
});

const scale = fc.constantFrom<RatingScale>(...RATING_SCALES);
const category = fc.record({
  id: fc.uuid(),
  weight: fc.integer({ min: 1, max: 10 }),
  scale,
  critical: fc.boolean(),
});
const rated = fc
  .uniqueArray(category, { minLength: 1, maxLength: 8, selector: (c) => c.id })
  .chain((categories) =>
    fc.tuple(
      fc.constant(categories),
      fc.tuple(
        ...categories.map((c) => {
          const { min, max } = scaleRange(c.scale);
          return fc.oneof(fc.integer({ min, max }), fc.constant<'na'>('na'));
        }),
      ),
      fc.integer({ min: 0, max: 100 }),
    ),
  )
  .map(([categories, values, passThreshold]) => ({
    card: { passThreshold, categories },
    ratings: Object.fromEntries(categories.map((c, i) => [c.id, values[i]!])) as Ratings,
  }));

describe('scoreReview properties', () => {
  it('scores 0–100 when anything is rated, null only when everything is N/A', () => {
    fc.assert(
      fc.property(rated, ({ card, ratings }) => {
        const { score, passed } = scoreReview(card, ratings);
        const anyRated = Object.values(ratings).some((r) => r !== 'na');
        if (!anyRated) return score === null && passed === null;
        return score !== null && score >= 0 && score <= 100 + 1e-9 && passed === score >= card.passThreshold;
      }),
    );
  });

  it('never goes down when one rating goes up (without crossing a critical miss)', () => {
    fc.assert(
      fc.property(rated, fc.nat(), ({ card, ratings }, pick) => {
        const target = card.categories[pick % card.categories.length]!;
        const rating = ratings[target.id];
        const { max } = scaleRange(target.scale);
        if (rating === 'na' || rating === undefined || rating === max) return true;
        const before = scoreReview(card, ratings).score!;
        const after = scoreReview(card, { ...ratings, [target.id]: rating + 1 }).score!;
        return after >= before - 1e-9;
      }),
    );
  });

  it('is unchanged when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(rated, fc.integer({ min: 2, max: 9 }), ({ card, ratings }, factor) => {
        const scaled = {
          ...card,
          categories: card.categories.map((c) => ({ ...c, weight: c.weight * factor })),
        };
        const a = scoreReview(card, ratings).score;
        const b = scoreReview(scaled, ratings).score;
        return a === null ? b === null : Math.abs(a - b!) < 1e-9;
      }),
    );
  });

  it('scores 0 whenever a critical category is below 50', () => {
    fc.assert(
      fc.property(rated, ({ card, ratings }) => {
        const miss = card.categories.some((c) => {
          const r = ratings[c.id];
          if (!c.critical || r === 'na' || r === undefined) return false;
          const { min, max } = scaleRange(c.scale);
          return ((r - min) / (max - min)) * 100 < 50;
        });
        return !miss || scoreReview(card, ratings).score === 0;
      }),
    );
  });
});
