/**
 * The quality report's read over qa_reviews: the reviews submitted in a period, of some teams
 * (index qa_reviews_team_submitted: team_id, submitted_at) and optionally of one agent. Grouping
 * happens in shared/qa/report.ts, since category scores need each review's scorecard version.
 * Instants are ISO UTC text, so the period is a plain string range on both dialects.
 */
import type { ReviewStatus } from '../../../shared/qa/model';
import type { ReportedReview } from '../../../shared/qa/report';
import type { Ratings } from '../../../shared/qa/scoring';
import type { Db } from '../database';

export interface QaReportScope {
  /** null: every team (an admin without a team filter). */
  teamIds: readonly string[] | null;
  agentId: string | null;
  /** Inclusive, ISO UTC. */
  from: string;
  /** Exclusive, ISO UTC. */
  to: string;
}

/** Every review in scope, newest first; the scorecard versions they name come from queries/qa.ts. */
export async function reviewsForReport(db: Db, scope: QaReportScope): Promise<ReportedReview[]> {
  if (scope.teamIds?.length === 0) return [];
  let query = db
    .selectFrom('qa_reviews')
    .select([
      'id',
      'conversation_id',
      'team_id',
      'agent_id',
      'reviewer_id',
      'scorecard_id',
      'scorecard_version',
      'ratings',
      'score',
      'passed',
      'status',
      'submitted_at',
      'calibration_id',
    ])
    .where('submitted_at', '>=', scope.from)
    .where('submitted_at', '<', scope.to);
  if (scope.teamIds !== null) query = query.where('team_id', 'in', [...scope.teamIds]);
  if (scope.agentId !== null) query = query.where('agent_id', '=', scope.agentId);
  const rows = await query.orderBy('submitted_at', 'desc').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversation_id,
    teamId: row.team_id,
    agentId: row.agent_id,
    reviewerId: row.reviewer_id,
    scorecardId: row.scorecard_id,
    scorecardVersion: Number(row.scorecard_version),
    ratings: JSON.parse(row.ratings) as Ratings,
    score: row.score === null ? null : Number(row.score),
    passed: row.passed === null ? null : Number(row.passed) === 1,
    status: row.status as ReviewStatus,
    submittedAt: row.submitted_at,
    calibrationId: row.calibration_id ?? null,
  }));
}
