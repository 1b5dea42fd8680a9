/** Quality review: typed reads and writes of scorecards, assignments and reviews (all of its SQL lives here). */
import type { Selectable } from 'kysely';
import type { QaAssignment } from '../../../shared/contracts/qa';
import type { Review, Scorecard, ScorecardCategory } from '../../../shared/qa/model';
import type { Db, Trx } from '../database';
import type { QaAssignmentsTable, QaReviewsTable, QaScorecardsTable } from '../schemaQa';

function scorecardFromRow(row: Selectable<QaScorecardsTable>): Scorecard {
  return {
    id: row.id,
    version: Number(row.version),
    name: row.name,
    passThreshold: Number(row.pass_threshold),
    categories: JSON.parse(row.categories) as ScorecardCategory[],
    archived: Number(row.archived) === 1,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** The newest version of a scorecard. */
export async function getLatestScorecard(db: Db | Trx, id: string): Promise<Scorecard | null> {
  const row = await db
    .selectFrom('qa_scorecards')
    .selectAll()
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? scorecardFromRow(row) : null;
}

export async function getScorecardVersion(
  db: Db | Trx,
  id: string,
  version: number,
): Promise<Scorecard | null> {
  const row = await db
    .selectFrom('qa_scorecards')
    .selectAll()
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? scorecardFromRow(row) : null;
}

export async function insertScorecardVersion(trx: Trx, card: Scorecard): Promise<void> {
  await trx
    .insertInto('qa_scorecards')
    .values({
      id: card.id,
      version: card.version,
      name: card.name,
      pass_threshold: card.passThreshold,
      categories: JSON.stringify(card.categories),
      archived: card.archived ? 1 : 0,
      updated_by: card.updatedBy,
      updated_at: card.updatedAt,
    })
    .execute();
}

function assignmentFromRow(row: Selectable<QaAssignmentsTable>): QaAssignment {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    teamId: row.team_id,
    agentId: row.agent_id,
    reviewerId: row.reviewer_id,
    assignedBy: row.assigned_by,
    source: row.source as QaAssignment['source'],
    status: row.status as QaAssignment['status'],
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.calibration_id ? { calibrationId: row.calibration_id } : {}),
  };
}

function assignmentToRow(assignment: QaAssignment): QaAssignmentsTable {
  return {
    id: assignment.id,
    conversation_id: assignment.conversationId,
    team_id: assignment.teamId,
    agent_id: assignment.agentId,
    reviewer_id: assignment.reviewerId,
    assigned_by: assignment.assignedBy,
    source: assignment.source,
    status: assignment.status,
    reason: assignment.reason,
    created_at: assignment.createdAt,
    updated_at: assignment.updatedAt,
    calibration_id: assignment.calibrationId ?? null,
  };
}

export async function getAssignment(db: Db | Trx, id: string): Promise<QaAssignment | null> {
  const row = await db.selectFrom('qa_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? assignmentFromRow(row) : null;
}

export async function findAssignment(
  db: Db | Trx,
  reviewerId: string,
  conversationId: string,
): Promise<QaAssignment | null> {
  const row = await db
    .selectFrom('qa_assignments')
    .selectAll()
    .where('reviewer_id', '=', reviewerId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row ? assignmentFromRow(row) : null;
}

/** `sample` names the sampling rule and cycle a sampled assignment came from. */
export async function insertAssignment(
  trx: Trx,
  assignment: QaAssignment,
  sample?: { ruleId: string; cycleStart: string },
): Promise<void> {
  await trx
    .insertInto('qa_assignments')
    .values({
      ...assignmentToRow(assignment),
      sample_rule_id: sample?.ruleId ?? null,
      sample_cycle_start: sample?.cycleStart ?? null,
    })
    .execute();
}

export async function saveAssignmentStatus(trx: Trx, assignment: QaAssignment): Promise<void> {
  await trx
    .updateTable('qa_assignments')
    .set({ status: assignment.status, reason: assignment.reason, updated_at: assignment.updatedAt })
    .where('id', '=', assignment.id)
    .execute();
}

function reviewFromRow(row: Selectable<QaReviewsTable>): Review {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    teamId: row.team_id,
    agentId: row.agent_id,
    reviewerId: row.reviewer_id,
    assignmentId: row.assignment_id,
    scorecardId: row.scorecard_id,
    scorecardVersion: Number(row.scorecard_version),
    ratings: JSON.parse(row.ratings) as Review['ratings'],
    rootCauses: JSON.parse(row.root_causes) as Review['rootCauses'],
    comments: JSON.parse(row.comments) as Review['comments'],
    summary: row.summary,
    score: row.score === null ? null : Number(row.score),
    passed: row.passed === null ? null : Number(row.passed) === 1,
    status: row.status as Review['status'],
    submittedAt: row.submitted_at,
    history: JSON.parse(row.history) as Review['history'],
    overruledHits: row.overruled_hits ? (JSON.parse(row.overruled_hits) as string[]) : [],
    ...(row.calibration_id ? { calibrationId: row.calibration_id } : {}),
  };
}

export async function getReview(db: Db | Trx, id: string): Promise<Review | null> {
  const row = await db.selectFrom('qa_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? reviewFromRow(row) : null;
}

export async function findReviewBy(
  db: Db | Trx,
  reviewerId: string,
  conversationId: string,
): Promise<Review | null> {
  const row = await db
    .selectFrom('qa_reviews')
    .selectAll()
    .where('reviewer_id', '=', reviewerId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row ? reviewFromRow(row) : null;
}

export async function insertReview(trx: Trx, review: Review): Promise<void> {
  await trx
    .insertInto('qa_reviews')
    .values({
      id: review.id,
      conversation_id: review.conversationId,
      team_id: review.teamId,
      agent_id: review.agentId,
      reviewer_id: review.reviewerId,
      assignment_id: review.assignmentId,
      scorecard_id: review.scorecardId,
      scorecard_version: review.scorecardVersion,
      ratings: JSON.stringify(review.ratings),
      root_causes: JSON.stringify(review.rootCauses),
      comments: JSON.stringify(review.comments),
      summary: review.summary,
      score: review.score,
      passed: review.passed === null ? null : review.passed ? 1 : 0,
      status: review.status,
      submitted_at: review.submittedAt,
      history: JSON.stringify(review.history),
      overruled_hits: JSON.stringify(review.overruledHits),
      calibration_id: review.calibrationId ?? null,
    })
    .execute();
}

/** A review's state after an acknowledgement, a dispute or a resolution. */
export async function saveReviewState(trx: Trx, review: Review): Promise<void> {
  await trx
    .updateTable('qa_reviews')
    .set({
      ratings: JSON.stringify(review.ratings),
      score: review.score,
      passed: review.passed === null ? null : review.passed ? 1 : 0,
      status: review.status,
      history: JSON.stringify(review.history),
    })
    .where('id', '=', review.id)
    .execute();
}

/** Whether `agentId` took part in the conversation: wrote a message or note in it, or holds it. */
export async function tookPart(db: Db | Trx, conversationId: string, agentId: string): Promise<boolean> {
  const wrote = await db
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('author_type', '=', 'agent')
    .where('author_id', '=', agentId)
    .limit(1)
    .executeTakeFirst();
  if (wrote) return true;
  const held = await db
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', conversationId)
    .where('assignee_id', '=', agentId)
    .executeTakeFirst();
  return held !== undefined;
}

/** The newest `limit` messages of a conversation, oldest first, and whether older ones exist. */
export async function transcriptMessages(db: Db | Trx, conversationId: string, limit: number) {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).reverse(), truncated: rows.length > limit };
}
