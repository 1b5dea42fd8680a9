/**
 * Calibration: several reviewers score the same conversation, blind, so the team can see where
 * they disagree and agree on how the scorecard is read. A lead (of the conversation's team) or an
 * admin starts a session; each reviewer gets an ordinary review assignment for it and scores it
 * in the review screen (offline too). Nobody sees a peer's ratings before submitting their own:
 * the session's results reach a reviewer only once they have submitted. Calibration reviews are
 * about the reviewers, not the agent: the agent never sees them and quality reports leave them out.
 *
 * This module is the pure part: the session's shape on the wire and the spread per category.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(64);

export const MIN_CALIBRATION_REVIEWERS = 2;
export const MAX_CALIBRATION_REVIEWERS = 10;

/** One reviewer's submitted scores in a session: the total and each category's 0–100 score (null: N/A). */
export const CalibrationEntrySchema = z.object({
  reviewerId: Id,
  reviewId: Id,
  scorecardVersion: z.number().int().positive(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  categoryScores: z.record(z.string().max(40), z.number().nullable()),
  submittedAt: z.string().max(40),
});
export type CalibrationEntry = z.infer<typeof CalibrationEntrySchema>;

export const CalibrationSchema = z.object({
  id: Id,
  conversationId: Id,
  teamId: Id,
  /** Whose work the conversation was (named for the reviewers' context; the agent is not told). */
  agentId: Id.nullable(),
  scorecardId: Id,
  reviewerIds: z.array(Id).min(MIN_CALIBRATION_REVIEWERS).max(MAX_CALIBRATION_REVIEWERS),
  createdBy: Id,
  createdAt: z.string().max(40),
  /** The reviewers who have submitted, in the order they did. */
  entries: z.array(CalibrationEntrySchema).max(MAX_CALIBRATION_REVIEWERS),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

export interface CategorySpread {
  categoryId: string;
  /** Reviewers who scored it (N/A left out). */
  scored: number;
  naCount: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** max − min, in score points (0–100): how far apart the reviewers are. */
  range: number | null;
}

/** A category's range at or above this many points is a disagreement worth talking about. */
export const CALIBRATION_DISAGREEMENT = 25;

function spreadOf(categoryId: string, values: readonly (number | null)[]): CategorySpread {
  const scored = values.filter((value): value is number => value !== null);
  if (scored.length === 0)
    return { categoryId, scored: 0, naCount: values.length, min: null, max: null, mean: null, range: null };
  const min = Math.min(...scored);
  const max = Math.max(...scored);
  return {
    categoryId,
    scored: scored.length,
    naCount: values.length - scored.length,
    min,
    max,
    mean: scored.reduce((sum, value) => sum + value, 0) / scored.length,
    range: max - min,
  };
}

/**
 * The spread per category over the submitted entries (in `categoryIds` order, then any other
 * category an entry scored), and of the total score (`categoryId` '*').
 */
export function calibrationSpread(
  entries: readonly Pick<CalibrationEntry, 'score' | 'categoryScores'>[],
  categoryIds: readonly string[] = [],
): { categories: CategorySpread[]; total: CategorySpread } {
  const ids = [...categoryIds];
  for (const entry of entries) for (const id of Object.keys(entry.categoryScores)) if (!ids.includes(id)) ids.push(id);
  return {
    categories: ids.map((id) =>
      spreadOf(
        id,
        entries.filter((entry) => id in entry.categoryScores).map((entry) => entry.categoryScores[id] ?? null),
      ),
    ),
    total: spreadOf('*', entries.map((entry) => entry.score)),
  };
}
