/**
 * Survey KPIs: CSAT from the 1–5 "how satisfied were you" answer, NPS from the 0–10 "how likely
 * are you to recommend us" answer. Both are percentages, unrounded, and `null` when nobody
 * answered (no answers is no score, not 0).
 *
 * An answer off its scale (outside it, or not a whole point) is a RangeError naming the value:
 * surveys store whole points only, so such a value is a bug upstream, and folding it into a
 * score would hide it.
 */

/** CSAT answers from this point up count as satisfied. */
export const CSAT_SATISFIED_MIN = 4;
/** NPS answers from this point up are promoters. */
export const NPS_PROMOTER_MIN = 9;
/** NPS answers up to this point are detractors; 7 and 8 are passives. */
export const NPS_DETRACTOR_MAX = 6;

function assertPoint(score: number, min: number, max: number, survey: string): void {
  if (typeof score !== 'number' || !Number.isInteger(score) || score < min || score > max) {
    throw new RangeError(`${survey} answer ${String(score)} is not a whole point from ${min} to ${max}`);
  }
}

/** % of answers (1–5) that are 4 or 5, 0–100. `null` for no answers. */
export function csat(scores: readonly number[]): number | null {
  let satisfied = 0;
  for (const score of scores) {
    assertPoint(score, 1, 5, 'CSAT');
    if (score >= CSAT_SATISFIED_MIN) satisfied += 1;
  }
  return scores.length === 0 ? null : (satisfied / scores.length) * 100;
}

/**
 * % promoters (9–10) minus % detractors (0–6) over all answers 0–10, so −100 to 100; passives
 * (7–8) count in the total only. `null` for no answers.
 */
export function nps(scores: readonly number[]): number | null {
  let promoters = 0;
  let detractors = 0;
  for (const score of scores) {
    assertPoint(score, 0, 10, 'NPS');
    if (score >= NPS_PROMOTER_MIN) promoters += 1;
    else if (score <= NPS_DETRACTOR_MAX) detractors += 1;
  }
  return scores.length === 0 ? null : ((promoters - detractors) / scores.length) * 100;
}
