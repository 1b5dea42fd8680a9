/**
 * Quality review on the wire: the scorecard, assignment and review changes and the `qa.*`
 * mutations merged into shared/contracts/sync.ts. Kept here so the sync table grows by one spread
 * line each.
 *
 * A review assignment carries the conversation's transcript when it is made (`transcript`), so a
 * reviewer holds everything they were asked to review in the local cache and can work offline;
 * later updates of the same assignment (done, skipped) carry none.
 */
import { z } from 'zod';
import { ContactSchema, ConversationSchema, MessageSchema } from '../domain/model';
import {
  DISPUTE_OUTCOMES,
  MAX_REVIEW_COMMENTS,
  MAX_REVIEW_COMMENT_CHARS,
  RatingsSchema,
  ReviewCommentSchema,
  ReviewSchema,
  ScorecardFieldsSchema,
  ScorecardSchema,
} from '../qa/model';
import { AutoQaResultSchema, OverruledHitsSchema } from '../qa/autoQa';
import { SamplingRulesBodySchema } from '../qa/sampling';
import { CalibrationSchema, MAX_CALIBRATION_REVIEWERS, MIN_CALIBRATION_REVIEWERS } from '../qa/calibration';

const Seq = z.number().int().nonnegative();
const Id = z.string().min(1).max(64);

/** The newest messages an assignment's transcript carries; `truncated` says older ones were left out. */
export const QA_TRANSCRIPT_MAX_MESSAGES = 300;
/** And at most this much message text (so a long email thread stays a change of well under a megabyte). */
export const QA_TRANSCRIPT_MAX_CHARS = 150_000;

export const QA_ASSIGNMENT_STATUSES = ['open', 'done', 'skipped'] as const;
export const QA_ASSIGNMENT_SOURCES = ['manual', 'sample', 'calibration'] as const;

export const QaAssignmentSchema = z.object({
  id: Id,
  conversationId: Id,
  teamId: Id,
  /** Whose work is to be reviewed: the conversation's assignee when it was assigned for review. */
  agentId: Id.nullable(),
  reviewerId: Id,
  assignedBy: Id,
  source: z.enum(QA_ASSIGNMENT_SOURCES),
  status: z.enum(QA_ASSIGNMENT_STATUSES),
  /** Why it was skipped, or why it was sent for review. */
  reason: z.string().max(500).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The calibration session it belongs to (source `calibration`); absent otherwise. */
  calibrationId: Id.nullable().optional(),
});
export type QaAssignment = z.infer<typeof QaAssignmentSchema>;

export const QaTranscriptSchema = z.object({
  conversation: ConversationSchema,
  contact: ContactSchema.nullable(),
  messages: z.array(MessageSchema).max(QA_TRANSCRIPT_MAX_MESSAGES),
  truncated: z.boolean(),
  /** What auto-QA found when the assignment was made (absent from older servers; null: not evaluated). */
  autoQa: AutoQaResultSchema.nullable().optional(),
});
export type QaTranscript = z.infer<typeof QaTranscriptSchema>;

export const QaChangeSchemas = [
  z.object({ seq: Seq, type: z.literal('qa_scorecard.updated'), scorecard: ScorecardSchema }),
  z.object({
    seq: Seq,
    type: z.literal('qa_assignment.updated'),
    assignment: QaAssignmentSchema,
    transcript: QaTranscriptSchema.nullable(),
  }),
  z.object({ seq: Seq, type: z.literal('qa_review.updated'), review: ReviewSchema }),
  z.object({ seq: Seq, type: z.literal('qa_calibration.updated'), calibration: CalibrationSchema }),
] as const;

export const QaMutationArgsSchemas = {
  /** An admin saves a scorecard: a new one is version 1, every later save one version more. */
  'qa.scorecard.save': z.object({ id: Id, fields: ScorecardFieldsSchema }),
  /** A lead of the conversation's team, or an admin, asks a reviewer to review a conversation. */
  'qa.assign': z.object({
    id: z.uuid(),
    conversationId: Id,
    reviewerId: Id,
    reason: z.string().trim().max(500).optional(),
  }),
  /** A lead of the conversation's team, or an admin, asks several reviewers to score it blind. */
  'qa.calibration.start': z.object({
    id: z.uuid(),
    conversationId: Id,
    /** The scorecard they score on (its newest version when each one starts). */
    scorecardId: Id,
    reviewerIds: z.array(Id).min(MIN_CALIBRATION_REVIEWERS).max(MAX_CALIBRATION_REVIEWERS),
  }),
  /** The reviewer drops an assignment with a reason. */
  /** `replace`: draw another conversation from the same sampling cycle for the reviewer. */
  'qa.skip': z.object({
    assignmentId: Id,
    reason: z.string().trim().min(1).max(500),
    replace: z.boolean().default(false),
  }),
  /** The agent whose work was reviewed has read it. */
  'qa.review.acknowledge': z.object({ reviewId: Id }),
  /** The agent whose work was reviewed disputes it once, with a comment and the ratings they propose. */
  'qa.review.dispute': z.object({
    reviewId: Id,
    comment: z.string().trim().min(1).max(MAX_REVIEW_COMMENT_CHARS),
    proposedRatings: RatingsSchema,
  }),
  /** The reviewer, a lead of the team or an admin settles a dispute; final. */
  'qa.review.resolve': z.object({
    reviewId: Id,
    outcome: z.enum(DISPUTE_OUTCOMES),
    /** For `partly_accepted`: the ratings that stand (accepted takes the proposal, rejected keeps the review's). */
    ratings: RatingsSchema.optional(),
    comment: z.string().trim().max(MAX_REVIEW_COMMENT_CHARS).default(''),
  }),
  /** A finished review, scored by the server on the scorecard version the reviewer saw. */
  'qa.review.submit': z.object({
    id: z.uuid(),
    conversationId: Id,
    assignmentId: Id.nullable(),
    scorecardId: Id,
    scorecardVersion: z.number().int().positive(),
    ratings: RatingsSchema,
    rootCauses: z.record(z.string().max(40), z.string().max(80)).default({}),
    comments: z.array(ReviewCommentSchema).max(MAX_REVIEW_COMMENTS).default([]),
    summary: z.string().trim().max(MAX_REVIEW_COMMENT_CHARS).default(''),
    overruledHits: OverruledHitsSchema.default([]),
  }),
} as const;

/** A review being written: kept in the local cache only, until it is submitted. */
export const QaDraftSchema = z.object({
  scorecardId: Id,
  scorecardVersion: z.number().int().positive(),
  ratings: RatingsSchema,
  rootCauses: z.record(z.string().max(40), z.string().max(80)),
  comments: z.array(ReviewCommentSchema).max(MAX_REVIEW_COMMENTS),
  summary: z.string().max(MAX_REVIEW_COMMENT_CHARS),
  /** Auto-QA hits the reviewer overruled (absent from drafts written before auto-QA). */
  overruledHits: OverruledHitsSchema.default([]),
});
export type QaDraft = z.infer<typeof QaDraftSchema>;

const Ok = z.object({ ok: z.literal(true) });
const AssignmentStatusSchema = z.enum(QA_ASSIGNMENT_STATUSES);

/** A row of the reviewer's list: the assignment as the cache shows it, with what the transcript says. */
export const QaAssignmentRowSchema = z.object({
  assignment: QaAssignmentSchema,
  /** The status shown: a skip or submit still in the outbox already counts. */
  status: AssignmentStatusSchema,
  pending: z.boolean(),
  channel: z.string().nullable(),
  subject: z.string().nullable(),
  contactName: z.string().nullable(),
  agentName: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  messageCount: z.number().int().nonnegative(),
  /** The review's score once submitted (here or on the server). */
  score: z.number().nullable(),
});
export type QaAssignmentRow = z.infer<typeof QaAssignmentRowSchema>;

export const QaReviewRowSchema = z.object({
  review: ReviewSchema,
  pending: z.boolean(),
  scorecardName: z.string().nullable(),
  reviewerName: z.string().nullable(),
  agentName: z.string().nullable(),
});
export type QaReviewRow = z.infer<typeof QaReviewRowSchema>;

export const QA_REVIEW_LIST_MAX = 500;

/** A calibration session as the Quality screen lists it, with the names the cache knows. */
export const QaCalibrationRowSchema = z.object({
  calibration: CalibrationSchema,
  contactName: z.string().nullable(),
  agentName: z.string().nullable(),
  /** Reviewer id → name. */
  reviewerNames: z.record(z.string(), z.string()),
  /** The scorecard's categories (its newest version here), in order. */
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type QaCalibrationRow = z.infer<typeof QaCalibrationRowSchema>;

/** The server's sampling-rules route behind `qa.samplingRules.get` (GET) and `.put` (PUT). */
export const QA_SAMPLING_RULES_PATH = '/api/v1/qa/sampling-rules';

export const QaRpcContract = {
  /**
   * Sampling rules, proxied to the server with the session token (leads: their teams' rules;
   * admins: all). Nothing is cached: the Sampling tab edits what the server holds.
   */
  'qa.samplingRules.get': { input: z.object({}).strict(), output: SamplingRulesBodySchema },
  'qa.samplingRules.put': { input: SamplingRulesBodySchema, output: SamplingRulesBodySchema },
  'qa.assignments': {
    input: z.object({ status: AssignmentStatusSchema.optional() }),
    output: z.object({
      assignments: z.array(QaAssignmentRowSchema),
      counts: z.object({ open: z.number().int(), done: z.number().int(), skipped: z.number().int() }),
    }),
  },
  'qa.assignment': {
    input: z.object({ assignmentId: Id }),
    output: z.object({
      row: QaAssignmentRowSchema,
      transcript: QaTranscriptSchema.nullable(),
      /** The version the draft was started on, else the newest one not archived. */
      scorecard: ScorecardSchema.nullable(),
      draft: QaDraftSchema.extend({ updatedAt: z.string() }).nullable(),
      review: QaReviewRowSchema.nullable(),
    }),
  },
  'qa.saveDraft': { input: z.object({ assignmentId: Id, draft: QaDraftSchema }), output: Ok },
  'qa.submit': {
    input: z.object({ assignmentId: Id, draft: QaDraftSchema }),
    output: z.object({ reviewId: z.string() }),
  },
  'qa.skip': { input: QaMutationArgsSchemas['qa.skip'], output: Ok },
  'qa.review': {
    input: z.object({ reviewId: Id }),
    output: z.object({ row: QaReviewRowSchema, scorecard: ScorecardSchema.nullable() }),
  },
  'qa.acknowledge': { input: QaMutationArgsSchemas['qa.review.acknowledge'], output: Ok },
  'qa.dispute': { input: QaMutationArgsSchemas['qa.review.dispute'], output: Ok },
  'qa.resolve': { input: QaMutationArgsSchemas['qa.review.resolve'], output: Ok },
  'qa.reviews': {
    input: z.object({ limit: z.number().int().positive().max(QA_REVIEW_LIST_MAX).optional() }),
    output: z.object({ reviews: z.array(QaReviewRowSchema) }),
  },
  'qa.scorecards': {
    input: z.object({}).strict(),
    output: z.object({ scorecards: z.array(ScorecardSchema) }),
  },
  'qa.saveScorecard': {
    input: z.object({ id: Id.optional(), fields: ScorecardFieldsSchema }),
    output: z.object({ id: z.string() }),
  },
  'qa.assign': {
    input: z.object({ conversationId: Id, reviewerId: Id, reason: z.string().trim().max(500).optional() }),
    output: z.object({ assignmentId: z.string() }),
  },
  /** Calibration sessions this viewer may see (a reviewer: once they submitted their scores), newest first. */
  'qa.calibrations': {
    input: z.object({}).strict(),
    output: z.object({ calibrations: z.array(QaCalibrationRowSchema) }),
  },
  'qa.startCalibration': {
    input: QaMutationArgsSchemas['qa.calibration.start'].omit({ id: true }),
    output: z.object({ calibrationId: z.string() }),
  },
} as const;
