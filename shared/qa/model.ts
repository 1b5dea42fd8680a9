/**
 * Quality review records: scorecards (written by admins, versioned: a saved edit is a new version,
 * and a review names the version it was scored on, so editing a scorecard never changes a past
 * review) and reviews. One zod schema each, so the server, the core and the UI agree on limits.
 */
import { z } from 'zod';
import { OverruledHitsSchema } from './autoQa';
import { RATING_SCALES, isOnScale, type Ratings } from './scoring';

const Id = z.string().min(1).max(64);

export const MAX_SCORECARD_CATEGORIES = 40;
export const MAX_ROOT_CAUSES = 12;
export const MAX_REVIEW_COMMENTS = 100;
export const MAX_REVIEW_COMMENT_CHARS = 2_000;

export const RatingScaleSchema = z.enum(RATING_SCALES);

export const ScorecardCategorySchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - or _ (1–40)'),
  name: z.string().trim().min(1).max(120),
  /** What the reviewer looks for; shown beside the rating. */
  guidance: z.string().trim().max(1_000).default(''),
  weight: z.number().positive().max(100),
  scale: RatingScaleSchema,
  /** Scoring below 50 here makes the whole review score 0. */
  critical: z.boolean().default(false),
  naAllowed: z.boolean().default(false),
  /** Choices a reviewer may pick when this category is rated low. */
  rootCauses: z.array(z.string().trim().min(1).max(80)).max(MAX_ROOT_CAUSES).default([]),
});
export type ScorecardCategory = z.infer<typeof ScorecardCategorySchema>;

/** What an admin edits. */
export const ScorecardFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    passThreshold: z.number().min(0).max(100),
    categories: z.array(ScorecardCategorySchema).min(1).max(MAX_SCORECARD_CATEGORIES),
    archived: z.boolean().default(false),
  })
  .superRefine((card, issues) => {
    const seen = new Set<string>();
    card.categories.forEach((category, index) => {
      if (seen.has(category.id))
        issues.addIssue({
          code: 'custom',
          path: ['categories', index, 'id'],
          message: `category ${category.id} appears twice`,
        });
      seen.add(category.id);
    });
  });
export type ScorecardFields = z.infer<typeof ScorecardFieldsSchema>;
export type ScorecardFieldsInput = z.input<typeof ScorecardFieldsSchema>;

export const ScorecardSchema = z.object({
  id: Id,
  /** 1 for the first save, + 1 for every edit. */
  version: z.number().int().positive(),
  name: z.string(),
  passThreshold: z.number(),
  categories: z.array(ScorecardCategorySchema),
  archived: z.boolean(),
  updatedBy: Id,
  updatedAt: z.string(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const RatingSchema = z.union([z.number().int().min(0).max(5), z.literal('na')]);
export const RatingsSchema = z.record(z.string().max(40), RatingSchema);

export const ReviewCommentSchema = z.object({
  id: Id,
  /** The message the comment is anchored to, or null for the conversation as a whole. */
  messageId: Id.nullable(),
  body: z.string().trim().min(1).max(MAX_REVIEW_COMMENT_CHARS),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

/**
 * A review's life: submitted → acknowledged by the agent, or disputed → resolved (final). The
 * agent may dispute a submitted or acknowledged review once; the reviewer, a lead of the team or
 * an admin resolves the dispute, and a resolution is never reopened.
 */
export const REVIEW_STATUSES = ['submitted', 'acknowledged', 'disputed', 'resolved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const DISPUTE_OUTCOMES = ['accepted', 'partly_accepted', 'rejected'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** One step of a review's audit trail. */
export const ReviewEventSchema = z.object({
  at: z.string(),
  by: Id,
  action: z.enum(['submitted', 'acknowledged', 'disputed', 'resolved']),
  comment: z.string().max(MAX_REVIEW_COMMENT_CHARS).default(''),
  outcome: z.enum(DISPUTE_OUTCOMES).optional(),
  /** The ratings the agent proposed (disputed) or the ones that stand (resolved). */
  ratings: z
    .record(z.string().max(40), z.union([z.number().int().min(0).max(5), z.literal('na')]))
    .optional(),
  /** The score before a resolution changed it. */
  previousScore: z.number().nullable().optional(),
});
export type ReviewEvent = z.infer<typeof ReviewEventSchema>;

export const ReviewSchema = z.object({
  id: Id,
  conversationId: Id,
  teamId: Id,
  /** Whose work is reviewed: the conversation's assignee when it was reviewed. */
  agentId: Id.nullable(),
  reviewerId: Id,
  /** The assignment it finished, or null when a lead or admin reviewed unasked. */
  assignmentId: Id.nullable(),
  scorecardId: Id,
  scorecardVersion: z.number().int().positive(),
  ratings: RatingsSchema,
  rootCauses: z.record(z.string().max(40), z.string().max(80)),
  comments: z.array(ReviewCommentSchema).max(MAX_REVIEW_COMMENTS),
  summary: z.string().max(MAX_REVIEW_COMMENT_CHARS),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  status: z.enum(REVIEW_STATUSES),
  submittedAt: z.string(),
  /** Every step after the submit, oldest first (absent from reviews written before disputes). */
  history: z.array(ReviewEventSchema).max(20).default([]),
  /** The auto-QA hits the reviewer overruled (absent from reviews written before auto-QA). */
  overruledHits: OverruledHitsSchema.default([]),
  /** The calibration session it was scored in: out of quality reports, never shown to the agent. */
  calibrationId: Id.nullable().optional(),
});
export type Review = z.infer<typeof ReviewSchema>;

/**
 * What is wrong with a review's ratings before it may be submitted, in the reviewer's terms
 * (empty when it may go): every category rated or N/A, N/A only where the scorecard allows it,
 * each rating a point on its scale, each root cause one of its category's choices.
 */
export function reviewProblems(
  card: Pick<Scorecard, 'categories'>,
  ratings: Ratings,
  rootCauses: Readonly<Record<string, string>> = {},
): string[] {
  const problems: string[] = [];
  const byId = new Map(card.categories.map((category) => [category.id, category]));
  for (const id of Object.keys(ratings))
    if (!byId.has(id)) problems.push(`${id} is not a category of this scorecard`);
  for (const category of card.categories) {
    const rating = ratings[category.id];
    if (rating === undefined) problems.push(`${category.name} is not rated`);
    else if (rating === 'na') {
      if (!category.naAllowed) problems.push(`${category.name} may not be N/A`);
    } else if (!isOnScale(category.scale, rating))
      problems.push(`${category.name}: ${rating} is not on its scale`);
  }
  for (const [id, cause] of Object.entries(rootCauses)) {
    const category = byId.get(id);
    if (!category) problems.push(`${id} is not a category of this scorecard`);
    else if (!category.rootCauses.includes(cause))
      problems.push(`${category.name}: "${cause}" is not one of its root causes`);
  }
  return problems;
}
