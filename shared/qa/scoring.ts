/**
 * How a review is scored from its ratings; the server scores every submitted review with it and
 * the review screen shows the same total live.
 *
 * - A category's score is (rating − min) / (max − min) × 100 on its scale: `binary` is 0/1,
 *   `3`, `4` and `5` run from 1 to that many points.
 * - The review's score is the weighted mean of the rated categories; `'na'` (and a category not
 *   rated yet) is left out of both sums.
 * - A critical category scoring below 50 makes the review's score 0.
 * - Nothing rated: score and passed are both null. Otherwise passed = score ≥ passThreshold.
 */
export const RATING_SCALES = ['binary', '3', '4', '5'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

export type Rating = number | 'na';
export type Ratings = Readonly<Record<string, Rating | undefined>>;

export interface ScoredCategory {
  id: string;
  weight: number;
  scale: RatingScale;
  critical?: boolean;
}

export interface ScoredCard {
  passThreshold: number;
  categories: readonly ScoredCategory[];
}

export interface CategoryScore {
  id: string;
  /** 0–100, or null when N/A or not rated yet. */
  score: number | null;
}

export interface ReviewScore {
  /** 0–100, or null when no category is rated. */
  score: number | null;
  passed: boolean | null;
  categories: CategoryScore[];
  /** A critical category scored below 50, so the review scores 0. */
  criticalFailed: boolean;
  /** Categories with neither a rating nor N/A. */
  unrated: string[];
}

/** A critical category below this score fails the whole review. */
export const CRITICAL_FAIL_BELOW = 50;

export function scaleRange(scale: RatingScale): { min: number; max: number } {
  return scale === 'binary' ? { min: 0, max: 1 } : { min: 1, max: Number(scale) };
}

/** Whether `rating` is a point on `scale` (whole points from min to max). */
export function isOnScale(scale: RatingScale, rating: number): boolean {
  const { min, max } = scaleRange(scale);
  return Number.isInteger(rating) && rating >= min && rating <= max;
}

export function categoryScore(scale: RatingScale, rating: number): number {
  if (!isOnScale(scale, rating)) {
    const { min, max } = scaleRange(scale);
    throw new RangeError(`rating ${rating} is not on the ${scale} scale (${min}–${max})`);
  }
  const { min, max } = scaleRange(scale);
  return ((rating - min) / (max - min)) * 100;
}

export function scoreReview(card: ScoredCard, ratings: Ratings): ReviewScore {
  let weighted = 0;
  let weights = 0;
  let criticalFailed = false;
  const categories: CategoryScore[] = [];
  const unrated: string[] = [];
  for (const category of card.categories) {
    const rating = ratings[category.id];
    if (rating === undefined) unrated.push(category.id);
    if (rating === undefined || rating === 'na') {
      categories.push({ id: category.id, score: null });
      continue;
    }
    const score = categoryScore(category.scale, rating);
    categories.push({ id: category.id, score });
    weighted += score * category.weight;
    weights += category.weight;
    if (category.critical && score < CRITICAL_FAIL_BELOW) criticalFailed = true;
  }
  if (weights === 0) return { score: null, passed: null, categories, criticalFailed: false, unrated };
  const score = criticalFailed ? 0 : weighted / weights;
  return { score, passed: score >= card.passThreshold, categories, criticalFailed, unrated };
}
