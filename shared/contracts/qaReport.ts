/**
 * Quality-review reports on the wire: GET /api/v1/reports/qa (leads and admins) and the core's
 * `qa.report` call that proxies it, merged into shared/contracts/rpc.ts. The grouping itself is
 * shared/qa/report.ts.
 */
import { z } from 'zod';
import { REVIEW_STATUSES } from '../qa/model';

const Id = z.string().min(1).max(64);
const Instant = z.string().min(1).max(40);
const Count = z.number().int().nonnegative();
/** 0–100; null when nothing in the row was scored. */
const Score = z.number().min(0).max(100).nullable();
/** 0..1; null when nothing in the row has a pass or fail. */
const Rate = z.number().min(0).max(1).nullable();

/** At most this many reviews come back for drill-down (newest first); the groups count them all. */
export const QA_REPORT_REVIEWS_MAX = 500;
export const QA_REPORT_MAX_DAYS = 366;

/** GET /api/v1/reports/qa query. `from` inclusive, `to` exclusive (submitted_at); at most 366 days apart. */
export const QaReportQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    teamId: Id.optional(),
    agentId: Id.optional(),
  })
  .refine((query) => Date.parse(query.from) < Date.parse(query.to), {
    message: '`from` must be before `to`',
    path: ['to'],
  })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= QA_REPORT_MAX_DAYS * 86_400_000, {
    message: `the period may be at most ${QA_REPORT_MAX_DAYS} days`,
    path: ['to'],
  });
export type QaReportQuery = z.infer<typeof QaReportQuerySchema>;

/** What every group row says: how many reviews, their mean score and their pass rate. */
export const QaReportTotalsSchema = z.object({
  reviews: Count,
  /** Mean of the reviews' current scores (after any dispute), scored reviews only. */
  averageScore: Score,
  /** passed / (passed + not passed); reviews without a verdict (all N/A) are left out. */
  passRate: Rate,
});
export type QaReportTotals = z.infer<typeof QaReportTotalsSchema>;

export const QaReportAgentRowSchema = QaReportTotalsSchema.extend({
  /** null: the conversation had no assignee when it was reviewed. */
  agentId: Id.nullable(),
});
export const QaReportTeamRowSchema = QaReportTotalsSchema.extend({ teamId: Id });
export const QaReportWeekRowSchema = QaReportTotalsSchema.extend({
  /** Monday of the ISO week, UTC, as YYYY-MM-DD. */
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export const QaReportCategoryRowSchema = z.object({
  scorecardId: Id,
  /** Names from the scorecard's newest version (a renamed category shows its new name). */
  scorecardName: z.string(),
  categoryId: z.string().max(40),
  name: z.string(),
  /** Reviews whose scorecard version had this category (rated or N/A). */
  reviews: Count,
  /** Mean category score, (rating − min) / (max − min) × 100, of the rated ones; null when all were N/A. */
  averageScore: Score,
  naCount: Count,
});
export type QaReportAgentRow = z.infer<typeof QaReportAgentRowSchema>;
export type QaReportTeamRow = z.infer<typeof QaReportTeamRowSchema>;
export type QaReportWeekRow = z.infer<typeof QaReportWeekRowSchema>;
export type QaReportCategoryRow = z.infer<typeof QaReportCategoryRowSchema>;

/** One review for drill-down, with its category scores (null: N/A) so a category row can filter it. */
export const QaReportReviewSchema = z.object({
  id: Id,
  conversationId: Id,
  teamId: Id,
  agentId: Id.nullable(),
  reviewerId: Id,
  scorecardId: Id,
  score: Score,
  passed: z.boolean().nullable(),
  status: z.enum(REVIEW_STATUSES),
  submittedAt: Instant,
  categoryScores: z.record(z.string().max(40), z.number().min(0).max(100).nullable()),
});
export type QaReportReview = z.infer<typeof QaReportReviewSchema>;

export const QaReportSchema = z.object({
  from: Instant,
  to: Instant,
  /** The teams the report covers (a lead's own, or the one asked for; every team for an admin). */
  teamIds: z.array(Id),
  agentId: Id.nullable(),
  overall: QaReportTotalsSchema,
  byAgent: z.array(QaReportAgentRowSchema),
  byTeam: z.array(QaReportTeamRowSchema),
  byCategory: z.array(QaReportCategoryRowSchema),
  /** Oldest week first; weeks without reviews are left out. */
  byWeek: z.array(QaReportWeekRowSchema),
  /** Newest first, at most QA_REPORT_REVIEWS_MAX. */
  reviews: z.array(QaReportReviewSchema).max(QA_REPORT_REVIEWS_MAX),
  /** More reviews matched than `reviews` holds. */
  reviewsTruncated: z.boolean(),
});
export type QaReport = z.infer<typeof QaReportSchema>;

export const QaReportRpcContract = {
  /** Proxy of GET /api/v1/reports/qa (needs the server; `offline` when unreachable). */
  'qa.report': {
    input: z.object({ from: Instant, to: Instant, teamId: Id.optional(), agentId: Id.optional() }),
    output: QaReportSchema,
  },
} as const;
