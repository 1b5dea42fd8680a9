/**
 * Scorecards as an admin writes them and what a reviewer is told before submitting
 * (shared/qa/model.ts): duplicate categories and bad scales are refused with the field named,
 * and a review may go only when every category is rated on its scale or N/A where allowed.
 */
import { describe, expect, it } from 'vitest';
import { ScorecardFieldsSchema, reviewProblems, type ScorecardCategory } from '../../../shared/qa';

const category = (id: string, extra: Partial<ScorecardCategory> = {}) =>
  ScorecardFieldsSchema.parse({
    name: 'x',
    passThreshold: 80,
    categories: [{ id, name: id, weight: 1, scale: '5', ...extra }],
  }).categories[0]!;

describe('scorecard fields', () => {
  it('fills the defaults an admin leaves out', () => {
    expect(category('greeting')).toEqual({
      id: 'greeting',
      name: 'greeting',
      guidance: '',
      weight: 1,
      scale: '5',
      critical: false,
      naAllowed: false,
      rootCauses: [],
    });
  });

  it('refuses a category listed twice, naming it', () => {
    const result = ScorecardFieldsSchema.safeParse({
      name: 'Chat',
      passThreshold: 80,
      categories: [
        { id: 'greeting', name: 'Greeting', weight: 1, scale: 'binary' },
        { id: 'greeting', name: 'Greeting again', weight: 1, scale: '3' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['categories', 1, 'id'],
      message: 'category greeting appears twice',
    });
  });

  it('refuses an unknown scale, a zero weight and a threshold over 100', () => {
    const bad = (patch: object) =>
      ScorecardFieldsSchema.safeParse({
        name: 'Chat',
        passThreshold: 80,
        categories: [{ id: 'a', name: 'A', weight: 1, scale: '5' }],
        ...patch,
      }).success;
    expect(bad({ categories: [{ id: 'a', name: 'A', weight: 1, scale: '10' }] })).toBe(false);
    expect(bad({ categories: [{ id: 'a', name: 'A', weight: 0, scale: '5' }] })).toBe(false);
    expect(bad({ passThreshold: 101 })).toBe(false);
    expect(bad({})).toBe(true);
  });
});

describe('review problems', () => {
  const card = {
    categories: [
      category('greeting', { name: 'Greeting', scale: 'binary' }),
      category('solution', { name: 'Solution', naAllowed: true, rootCauses: ['Knowledge gap', 'Process'] }),
    ],
  };

  it('lets a complete review go', () => {
    expect(reviewProblems(card, { greeting: 1, solution: 'na' })).toEqual([]);
    expect(reviewProblems(card, { greeting: 0, solution: 2 }, { solution: 'Process' })).toEqual([]);
  });

  it('names what is missing or wrong', () => {
    expect(reviewProblems(card, { solution: 6 })).toEqual([
      'Greeting is not rated',
      'Solution: 6 is not on its scale',
    ]);
    expect(reviewProblems(card, { greeting: 'na', solution: 3, tone: 2 })).toEqual([
      'tone is not a category of this scorecard',
      'Greeting may not be N/A',
    ]);
    expect(reviewProblems(card, { greeting: 1, solution: 1 }, { solution: 'Bad luck' })).toEqual([
      'Solution: "Bad luck" is not one of its root causes',
    ]);
  });
});
