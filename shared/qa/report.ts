/**
 * The quality report's grouping, pure: reviews (already limited to the period, teams and agent
 * asked for) into totals by agent, team, scorecard category and ISO week, plus the drill-down
 * list. The server builds GET /api/v1/reports/qa with it; the report screen filters the
 * drill-down list with `reviewInGroup`, so a row and its reviews always agree.
 *
 * A review counts with its current score and verdict (a settled dispute's, when it was
 * rescored), whatever its status. Category scores come from the version the review was scored
 * on (its scale), names from the scorecard's newest version.
 */
import type {
  QaReport,
  QaReportCategoryRow,
  QaReportReview,
  QaReportTotals,
} from '../contracts/qaReport';
import type { Scorecard, ReviewStatus } from './model';
import { categoryScore, isOnScale, type Ratings } from './scoring';

/** What the report reads of a review. */
export interface ReportedReview {
  id: string;
  conversationId: string;
  teamId: string;
  agentId: string | null;
  reviewerId: string;
  scorecardId: string;
  scorecardVersion: number;
  ratings: Ratings;
  score: number | null;
  passed: boolean | null;
  status: ReviewStatus;
  submittedAt: string;
  /** Set when it was scored in a calibration session. */
  calibrationId?: string | null;
}

export interface ReportScorecards {
  /** The version a review was scored on (its categories' scales). */
  version(scorecardId: string, version: number): Pick<Scorecard, 'categories'> | undefined;
  /** The newest version, for names. */
  newest(scorecardId: string): Pick<Scorecard, 'name' | 'categories'> | undefined;
}

export type QaReportGroups = Pick<
  QaReport,
  'overall' | 'byAgent' | 'byTeam' | 'byCategory' | 'byWeek' | 'reviews' | 'reviewsTruncated'
>;

/**
 * Whether a review counts in quality reports: every one but calibration reviews (several
 * reviewers scoring the same conversation to align, not to judge the agent), so averages and pass
 * rates stay about agents' work.
 */
export function countsInQualityReport(review: ReportedReview): boolean {
  return !review.calibrationId;
}

/** Monday (UTC) of the ISO week an instant falls in, as YYYY-MM-DD. */
export function isoWeekStart(instant: string): string {
  const at = new Date(instant);
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - sinceMonday))
    .toISOString()
    .slice(0, 10);
}

/** Running sums of one group. */
class Tally {
  reviews = 0;
  private scoreSum = 0;
  private scored = 0;
  private passed = 0;
  private judged = 0;

  add(review: Pick<ReportedReview, 'score' | 'passed'>): void {
    this.reviews += 1;
    if (review.score !== null) {
      this.scoreSum += review.score;
      this.scored += 1;
    }
    if (review.passed !== null) {
      this.judged += 1;
      if (review.passed) this.passed += 1;
    }
  }

  totals(): QaReportTotals {
    return {
      reviews: this.reviews,
      averageScore: this.scored > 0 ? this.scoreSum / this.scored : null,
      passRate: this.judged > 0 ? this.passed / this.judged : null,
    };
  }
}

function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
}

/** Per category of the review's scorecard version: its score, null when N/A (or off its scale). */
export function reviewCategoryScores(
  review: Pick<ReportedReview, 'scorecardId' | 'scorecardVersion' | 'ratings'>,
  cards: ReportScorecards,
): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  const card = cards.version(review.scorecardId, review.scorecardVersion);
  for (const category of card?.categories ?? []) {
    const rating = review.ratings[category.id];
    // Submitted reviews rate every category; one without a rating is not counted at all.
    if (rating === undefined) continue;
    scores[category.id] =
      rating !== 'na' && isOnScale(category.scale, rating) ? categoryScore(category.scale, rating) : null;
  }
  return scores;
}

interface CategoryTally {
  scorecardId: string;
  categoryId: string;
  /** From the newest version that scored it, for a category the scorecard has since dropped. */
  scoredName: string;
  scoredVersion: number;
  reviews: number;
  sum: number;
  rated: number;
  naCount: number;
}

const byKey = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/** Reviews in any order → the report's groups; `reviewsMax` caps the drill-down list only. */
export function summarizeQaReviews(
  input: readonly ReportedReview[],
  cards: ReportScorecards,
  reviewsMax: number,
): QaReportGroups {
  const reviews = input.filter(countsInQualityReport);
  const overall = new Tally();
  const agents = new Map<string | null, Tally>();
  const teams = new Map<string, Tally>();
  const weeks = new Map<string, Tally>();
  const categories = new Map<string, CategoryTally>();
  const listed: QaReportReview[] = [];

  const newestFirst = [...reviews].sort(
    (a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id),
  );
  for (const review of newestFirst) {
    overall.add(review);
    tallyOf(agents, review.agentId).add(review);
    tallyOf(teams, review.teamId).add(review);
    tallyOf(weeks, isoWeekStart(review.submittedAt)).add(review);
    const categoryScores = reviewCategoryScores(review, cards);
    const scoredOn = cards.version(review.scorecardId, review.scorecardVersion);
    for (const [categoryId, score] of Object.entries(categoryScores)) {
      const key = `${review.scorecardId}\u0000${categoryId}`;
      const scoredName = scoredOn?.categories.find((category) => category.id === categoryId)?.name ?? categoryId;
      let tally = categories.get(key);
      if (!tally) {
        tally = {
          scorecardId: review.scorecardId,
          categoryId,
          scoredName,
          scoredVersion: review.scorecardVersion,
          reviews: 0,
          sum: 0,
          rated: 0,
          naCount: 0,
        };
        categories.set(key, tally);
      } else if (review.scorecardVersion > tally.scoredVersion) {
        tally.scoredName = scoredName;
        tally.scoredVersion = review.scorecardVersion;
      }
      tally.reviews += 1;
      if (score === null) tally.naCount += 1;
      else {
        tally.sum += score;
        tally.rated += 1;
      }
    }
    if (listed.length < reviewsMax)
      listed.push({
        id: review.id,
        conversationId: review.conversationId,
        teamId: review.teamId,
        agentId: review.agentId,
        reviewerId: review.reviewerId,
        scorecardId: review.scorecardId,
        score: review.score,
        passed: review.passed,
        status: review.status,
        submittedAt: review.submittedAt,
        categoryScores,
      });
  }

  const byCategory: Array<QaReportCategoryRow & { order: number }> = [...categories.values()].map((tally) => {
    const newest = cards.newest(tally.scorecardId);
    const index = newest?.categories.findIndex((category) => category.id === tally.categoryId) ?? -1;
    return {
      scorecardId: tally.scorecardId,
      scorecardName: newest?.name ?? tally.scorecardId,
      categoryId: tally.categoryId,
      name: index >= 0 ? newest!.categories[index]!.name : tally.scoredName,
      reviews: tally.reviews,
      averageScore: tally.rated > 0 ? tally.sum / tally.rated : null,
      naCount: tally.naCount,
      // Categories dropped from the newest version go after the ones it still has.
      order: index >= 0 ? index : Number.MAX_SAFE_INTEGER,
    };
  });
  byCategory.sort(
    (a, b) =>
      a.scorecardName.localeCompare(b.scorecardName) ||
      a.scorecardId.localeCompare(b.scorecardId) ||
      a.order - b.order ||
      a.categoryId.localeCompare(b.categoryId),
  );

  return {
    overall: overall.totals(),
    byAgent: [...agents]
      .sort(([a], [b]) => byKey(a, b))
      .map(([agentId, tally]) => ({ agentId, ...tally.totals() })),
    byTeam: [...teams].sort(([a], [b]) => byKey(a, b)).map(([teamId, tally]) => ({ teamId, ...tally.totals() })),
    byCategory: byCategory.map(({ order, ...row }) => (void order, row)),
    byWeek: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, tally]) => ({ weekStart, ...tally.totals() })),
    reviews: listed,
    reviewsTruncated: reviews.length > listed.length,
  };
}

/** A row of the report the drill-down list is narrowed to. */
export type QaReportGroup =
  | { by: 'agent'; agentId: string | null }
  | { by: 'team'; teamId: string }
  | { by: 'week'; weekStart: string }
  | { by: 'category'; scorecardId: string; categoryId: string };

/** Whether a listed review belongs to the group a row stands for (a category: rated or N/A in it). */
export function reviewInGroup(review: QaReportReview, group: QaReportGroup): boolean {
  switch (group.by) {
    case 'agent':
      return review.agentId === group.agentId;
    case 'team':
      return review.teamId === group.teamId;
    case 'week':
      return isoWeekStart(review.submittedAt) === group.weekStart;
    case 'category':
      return review.scorecardId === group.scorecardId && Object.hasOwn(review.categoryScores, group.categoryId);
  }
}
