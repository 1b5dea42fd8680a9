/** Calibration sessions: typed reads and writes, and the session as its participants see it. */
import { categoryScore, type Calibration, type CalibrationEntry, type Ratings } from '../../../shared/qa';
import type { Db, Trx } from '../database';
import { getScorecardVersion } from './qa';

export type CalibrationSession = Omit<Calibration, 'entries'>;

export async function insertCalibration(trx: Trx, session: CalibrationSession): Promise<void> {
  await trx
    .insertInto('qa_calibrations')
    .values({
      id: session.id,
      conversation_id: session.conversationId,
      team_id: session.teamId,
      agent_id: session.agentId,
      scorecard_id: session.scorecardId,
      reviewer_ids: JSON.stringify(session.reviewerIds),
      created_by: session.createdBy,
      created_at: session.createdAt,
    })
    .execute();
}

/** The session with every submitted entry, oldest first; null when there is none. */
export async function getCalibration(db: Db | Trx, id: string): Promise<Calibration | null> {
  const row = await db.selectFrom('qa_calibrations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const reviews = await db
    .selectFrom('qa_reviews')
    .select(['id', 'reviewer_id', 'scorecard_id', 'scorecard_version', 'ratings', 'score', 'passed', 'submitted_at'])
    .where('calibration_id', '=', id)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  const entries: CalibrationEntry[] = [];
  for (const review of reviews) {
    const card = await getScorecardVersion(db, review.scorecard_id, Number(review.scorecard_version));
    const ratings = JSON.parse(review.ratings) as Ratings;
    const categoryScores: Record<string, number | null> = {};
    for (const category of card?.categories ?? []) {
      const rating = ratings[category.id];
      if (rating === undefined) continue;
      categoryScores[category.id] = rating === 'na' ? null : categoryScore(category.scale, rating);
    }
    entries.push({
      reviewerId: review.reviewer_id,
      reviewId: review.id,
      scorecardVersion: Number(review.scorecard_version),
      score: review.score === null ? null : Number(review.score),
      passed: review.passed === null ? null : Number(review.passed) === 1,
      categoryScores,
      submittedAt: review.submitted_at,
    });
  }
  return {
    id: row.id,
    conversationId: row.conversation_id,
    teamId: row.team_id,
    agentId: row.agent_id,
    scorecardId: row.scorecard_id,
    reviewerIds: JSON.parse(row.reviewer_ids) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    entries,
  };
}
