/**
 * The quality report's grouping (shared/qa/report.ts) as a lead reads it: mean scores and pass
 * rates per agent, team, ISO week and scorecard category (on the scale of the version each review
 * was scored on, named after the newest version), unscored reviews left out of means, and the
 * drill-down list agreeing with the row clicked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../shared/qa/model';
import {
  isoWeekStart,
  reviewInGroup,
  summarizeQaReviews,
  type ReportScorecards,
  type ReportedReview,
} from '../../../shared/qa/report';

const category = (id: string, name: string, scale: '5' | '4' | 'binary', naAllowed = false) => ({
  id,
  name,
  guidance: '',
  weight: 1,
  scale,
  critical: false,
  naAllowed,
  rootCauses: [],
});
const card = (version: number, categories: Scorecard['categories']): Scorecard => ({
  id: 'card-chat',
  version,
  name: 'Chat quality',
  passThreshold: 80,
  categories,
  archived: false,
  updatedBy: 'agent-admin',
  updatedAt: '2026-11-01T00:00:00.000Z',
});
const V1 = card(1, [
  category('greeting', 'Greeting', 'binary'),
  category('accuracy', 'Accuracy', '5'),
  category('empathy', 'Empathy', '4', true),
]);
// Version 2 drops the greeting and renames accuracy.
const V2 = card(2, [category('accuracy', 'Accurate answer', '5'), category('empathy', 'Empathy', '4', true)]);
const cards: ReportScorecards = {
  version: (id, version) => (id === 'card-chat' ? [V1, V2][version - 1] : undefined),
  newest: (id) => (id === 'card-chat' ? V2 : undefined),
};

const review = (fields: Partial<ReportedReview> & Pick<ReportedReview, 'id' | 'submittedAt'>): ReportedReview => ({
  conversationId: `conv-${fields.id}`,
  teamId: 'team-presales',
  agentId: 'agent-li-na',
  reviewerId: 'agent-zhou-min',
  scorecardId: 'card-chat',
  scorecardVersion: 1,
  ratings: {},
  score: null,
  passed: null,
  status: 'submitted',
  ...fields,
});

const REVIEWS: ReportedReview[] = [
  // Monday 30 November 2026 and the Sunday that ends the same ISO week.
  review({
    id: 'r1',
    submittedAt: '2026-11-30T00:00:00.000Z',
    ratings: { greeting: 1, accuracy: 4, empathy: 'na' },
    score: 81.25,
    passed: true,
  }),
  review({
    id: 'r2',
    submittedAt: '2026-12-06T23:59:59.999Z',
    ratings: { greeting: 0, accuracy: 2, empathy: 1 },
    score: 0,
    passed: false,
    status: 'resolved',
  }),
  // The next week, another team and agent, scored on version 2.
  review({
    id: 'r3',
    submittedAt: '2026-12-07T00:00:00.000Z',
    teamId: 'team-vip',
    agentId: 'agent-emma-clark',
    scorecardVersion: 2,
    ratings: { accuracy: 5, empathy: 4 },
    score: 100,
    passed: true,
  }),
  // Everything N/A, nobody assigned: no score, no verdict.
  review({
    id: 'r4',
    submittedAt: '2026-12-08T10:00:00.000Z',
    teamId: 'team-vip',
    agentId: null,
    scorecardVersion: 2,
    ratings: { empathy: 'na' },
  }),
];

describe('isoWeekStart', () => {
  it.each([
    ['2026-11-30T00:00:00.000Z', '2026-11-30'],
    ['2026-12-06T23:59:59.999Z', '2026-11-30'],
    ['2026-12-07T00:00:00.000Z', '2026-12-07'],
    // Across a year end: Friday 1 January 2027 belongs to the week of Monday 28 December.
    ['2027-01-01T12:00:00.000Z', '2026-12-28'],
    // An offset instant counts by its UTC day (Monday 01:00 in Shanghai is Sunday in UTC).
    ['2026-12-07T01:00:00+08:00', '2026-11-30'],
  ])('%s → %s', (instant, monday) => {
    expect(isoWeekStart(instant)).toBe(monday);
  });
});

describe('summarizeQaReviews', () => {
  const report = summarizeQaReviews(REVIEWS, cards, 500);

  it('averages the scored reviews and counts pass rates over those with a verdict', () => {
    expect(report.overall.reviews).toBe(4);
    expect(report.overall.averageScore).toBeCloseTo((81.25 + 0 + 100) / 3, 10);
    expect(report.overall.passRate).toBeCloseTo(2 / 3, 10);
  });

  it('groups by agent (the unassigned together), team and ISO week', () => {
    expect(report.byAgent).toEqual([
      { agentId: null, reviews: 1, averageScore: null, passRate: null },
      { agentId: 'agent-emma-clark', reviews: 1, averageScore: 100, passRate: 1 },
      { agentId: 'agent-li-na', reviews: 2, averageScore: 40.625, passRate: 0.5 },
    ]);
    expect(report.byTeam).toEqual([
      { teamId: 'team-presales', reviews: 2, averageScore: 40.625, passRate: 0.5 },
      { teamId: 'team-vip', reviews: 2, averageScore: 100, passRate: 1 },
    ]);
    expect(report.byWeek).toEqual([
      { weekStart: '2026-11-30', reviews: 2, averageScore: 40.625, passRate: 0.5 },
      { weekStart: '2026-12-07', reviews: 2, averageScore: 100, passRate: 1 },
    ]);
  });

  it("scores categories on each review's own version, named and ordered by the newest", () => {
    expect(report.byCategory.map((row) => [row.categoryId, row.name, row.reviews, row.naCount])).toEqual([
      ['accuracy', 'Accurate answer', 3, 0],
      ['empathy', 'Empathy', 4, 2],
      // Dropped from version 2: last, with the name it was scored under.
      ['greeting', 'Greeting', 2, 0],
    ]);
    const average = Object.fromEntries(report.byCategory.map((row) => [row.categoryId, row.averageScore]));
    // accuracy 4/5 → 75, 2/5 → 25, 5/5 → 100; empathy 1/4 → 0, 4/4 → 100; greeting 1 → 100, 0 → 0
    expect(average.accuracy).toBeCloseTo((75 + 25 + 100) / 3, 10);
    expect(average.empathy).toBe(50);
    expect(average.greeting).toBe(50);
    expect(report.byCategory.every((row) => row.scorecardName === 'Chat quality')).toBe(true);
  });

  it('lists the newest reviews first, capped, and says when it cut', () => {
    expect(report.reviews.map((r) => r.id)).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect(report.reviewsTruncated).toBe(false);
    expect(report.reviews.find((r) => r.id === 'r1')?.categoryScores).toEqual({ greeting: 100, accuracy: 75, empathy: null });
    const capped = summarizeQaReviews(REVIEWS, cards, 2);
    expect(capped.reviews.map((r) => r.id)).toEqual(['r4', 'r3']);
    expect(capped.reviewsTruncated).toBe(true);
    // The groups still count every review.
    expect(capped.overall.reviews).toBe(4);
  });

  it('is empty, not zero, without reviews', () => {
    const empty = summarizeQaReviews([], cards, 500);
    expect(empty.overall).toEqual({ reviews: 0, averageScore: null, passRate: null });
    expect([empty.byAgent, empty.byTeam, empty.byCategory, empty.byWeek, empty.reviews]).toEqual([[], [], [], [], []]);
  });

  it('drills down to exactly the reviews a row counts', () => {
    const ids = (group: Parameters<typeof reviewInGroup>[1]) =>
      report.reviews.filter((r) => reviewInGroup(r, group)).map((r) => r.id);
    expect(ids({ by: 'agent', agentId: null })).toEqual(['r4']);
    expect(ids({ by: 'team', teamId: 'team-presales' })).toEqual(['r2', 'r1']);
    expect(ids({ by: 'week', weekStart: '2026-12-07' })).toEqual(['r4', 'r3']);
    expect(ids({ by: 'category', scorecardId: 'card-chat', categoryId: 'greeting' })).toEqual(['r2', 'r1']);
    expect(ids({ by: 'category', scorecardId: 'card-chat', categoryId: 'empathy' })).toEqual(['r4', 'r3', 'r2', 'r1']);
  });

  it('counts every review once in each grouping, whatever the reviews', () => {
    const arbitraryReview = fc.record({
      id: fc.uuid(),
      agent: fc.constantFrom('agent-li-na', 'agent-emma-clark', null),
      team: fc.constantFrom('team-presales', 'team-vip'),
      at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
      score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryReview, { maxLength: 40 }), (rows) => {
        const summary = summarizeQaReviews(
          rows.map((row) =>
            review({
              id: row.id,
              agentId: row.agent,
              teamId: row.team,
              submittedAt: new Date(row.at).toISOString(),
              score: row.score,
              passed: row.score === null ? null : row.score >= 80,
            }),
          ),
          cards,
          500,
        );
        const sum = (list: { reviews: number }[]) => list.reduce((total, row) => total + row.reviews, 0);
        expect(sum(summary.byAgent)).toBe(rows.length);
        expect(sum(summary.byTeam)).toBe(rows.length);
        expect(sum(summary.byWeek)).toBe(rows.length);
        for (const row of summary.byWeek) expect(new Date(`${row.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
        const scored = rows.filter((row) => row.score !== null).map((row) => row.score!);
        if (scored.length === 0) expect(summary.overall.averageScore).toBeNull();
        else expect(summary.overall.averageScore).toBeCloseTo(scored.reduce((a, b) => a + b, 0) / scored.length, 8);
      }),
    );
  });
});
