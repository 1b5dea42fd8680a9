/**
 * qa.scorecard.save / qa.assign / qa.skip / qa.review.submit. The server is the judge:
 * - scorecards are written by admins; every save is a new version, earlier ones are kept;
 * - a lead of the conversation's team, or an admin, assigns a conversation to a reviewer, never to
 *   someone who took part in it (wrote in it or holds it);
 * - the assigned reviewer submits (or skips) the review; a lead may review their team's
 *   conversations and an admin any, neither one they took part in; agents never review;
 * - the score is computed here from the ratings on the scorecard version the reviewer saw;
 * - the agent whose work was reviewed acknowledges it, or disputes it once with the ratings they
 *   propose; the reviewer, a lead of the team or an admin accepts, partly accepts or rejects, and
 *   that is final. Every step is kept in the review's history;
 * - a lead of the team, or an admin, starts a calibration: several reviewers (none of whom took
 *   part) each get an assignment for the same conversation and score it blind; each submit sends the
 *   session with every score so far to the leads and to the reviewers who have submitted.
 *   Calibration reviews name no agent, so the agent never sees them and reports leave them out.
 */
import type { MutationArgs } from '../../../shared/contracts/sync';
import type { QaAssignment } from '../../../shared/contracts/qa';
import type { Agent, Conversation } from '../../../shared/domain/model';
import { randomUUID } from 'node:crypto';
import { reviewProblems, scoreReview, type Calibration, type Review, type Scorecard } from '../../../shared/qa';
import { conversationFromRow, getConversationRow } from '../../db/queries/conversations';
import { getAgent } from '../../db/queries/directory';
import {
  findAssignment,
  findReviewBy,
  getAssignment,
  getLatestScorecard,
  getReview,
  getScorecardVersion,
  insertAssignment,
  insertReview,
  insertScorecardVersion,
  saveAssignmentStatus,
  saveReviewState,
  tookPart,
} from '../../db/queries/qa';
import { MutationRejected, type MutationContext, type MutationOutcome } from '../mutations/common';
import { addressFor } from '../records';
import { sampleOfAssignment } from '../../db/queries/qaSampling';
import { replaceSampled } from './sampling';
import { transcriptOf } from './transcript';
import { getCalibration, insertCalibration } from '../../db/queries/qaCalibration';

function leadsTeamOrAdmin(actor: Agent, teamId: string): boolean {
  return actor.role === 'admin' || (actor.role === 'lead' && actor.teamIds.includes(teamId));
}

async function loadConversation(ctx: MutationContext, id: string): Promise<Conversation> {
  const row = await getConversationRow(ctx.trx, id);
  if (!row) throw new MutationRejected('not_found', `conversation ${id} does not exist`);
  return conversationFromRow(row);
}

const assignmentChange = (
  assignment: QaAssignment,
  transcript: Awaited<ReturnType<typeof transcriptOf>> | null,
) => ({
  change: { type: 'qa_assignment.updated' as const, assignment, transcript },
  ...addressFor('qa_assignment', assignment),
});

export async function saveScorecard(
  ctx: MutationContext,
  args: MutationArgs<'qa.scorecard.save'>,
): Promise<MutationOutcome> {
  if (ctx.actor.role !== 'admin') throw new MutationRejected('forbidden', 'only admins edit scorecards');
  const latest = await getLatestScorecard(ctx.trx, args.id);
  const scorecard: Scorecard = {
    id: args.id,
    version: (latest?.version ?? 0) + 1,
    ...args.fields,
    updatedBy: ctx.actor.id,
    updatedAt: ctx.now,
  };
  await insertScorecardVersion(ctx.trx, scorecard);
  return {
    changes: [{ change: { type: 'qa_scorecard.updated', scorecard }, ...addressFor('scorecard', scorecard) }],
  };
}

export async function assignReview(
  ctx: MutationContext,
  args: MutationArgs<'qa.assign'>,
): Promise<MutationOutcome> {
  const conversation = await loadConversation(ctx, args.conversationId);
  if (!leadsTeamOrAdmin(ctx.actor, conversation.teamId))
    throw new MutationRejected(
      'forbidden',
      "only the team's leads and admins send its conversations for review",
    );
  const reviewer = await getAgent(ctx.trx, args.reviewerId);
  if (!reviewer || reviewer.role === 'agent')
    throw new MutationRejected('invalid', 'conversations go for review to a reviewer, a lead or an admin');
  if (await tookPart(ctx.trx, conversation.id, reviewer.id))
    throw new MutationRejected(
      'invalid',
      `${reviewer.name} took part in this conversation and may not review it`,
    );
  if (await getAssignment(ctx.trx, args.id))
    throw new MutationRejected('invalid', `assignment ${args.id} exists already`);
  if (await findAssignment(ctx.trx, reviewer.id, conversation.id))
    throw new MutationRejected('invalid', `${reviewer.name} has this conversation to review already`);
  const assignment: QaAssignment = {
    id: args.id,
    conversationId: conversation.id,
    teamId: conversation.teamId,
    agentId: conversation.assigneeId,
    reviewerId: reviewer.id,
    assignedBy: ctx.actor.id,
    source: 'manual',
    status: 'open',
    reason: args.reason || null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await insertAssignment(ctx.trx, assignment);
  return { changes: [assignmentChange(assignment, await transcriptOf(ctx.trx, conversation))] };
}

export async function startCalibration(
  ctx: MutationContext,
  args: MutationArgs<'qa.calibration.start'>,
): Promise<MutationOutcome> {
  const conversation = await loadConversation(ctx, args.conversationId);
  if (!leadsTeamOrAdmin(ctx.actor, conversation.teamId))
    throw new MutationRejected('forbidden', "only the team's leads and admins start a calibration of its conversations");
  if (new Set(args.reviewerIds).size !== args.reviewerIds.length)
    throw new MutationRejected('invalid', 'a reviewer is named twice');
  if (!(await getLatestScorecard(ctx.trx, args.scorecardId)))
    throw new MutationRejected('not_found', `scorecard ${args.scorecardId} does not exist`);
  if (await getCalibration(ctx.trx, args.id)) throw new MutationRejected('invalid', `calibration ${args.id} exists already`);
  const problems: string[] = [];
  const reviewers: Agent[] = [];
  for (const id of args.reviewerIds) {
    const reviewer = await getAgent(ctx.trx, id);
    if (!reviewer || reviewer.role === 'agent') problems.push(`${reviewer?.name ?? id} is not a reviewer, lead or admin`);
    else if (await tookPart(ctx.trx, conversation.id, reviewer.id))
      problems.push(`${reviewer.name} took part in this conversation`);
    else if (await findAssignment(ctx.trx, reviewer.id, conversation.id))
      problems.push(`${reviewer.name} has this conversation to review already`);
    else reviewers.push(reviewer);
  }
  if (problems.length > 0) throw new MutationRejected('invalid', problems.join('; '));

  const session = {
    id: args.id,
    conversationId: conversation.id,
    teamId: conversation.teamId,
    agentId: conversation.assigneeId,
    scorecardId: args.scorecardId,
    reviewerIds: reviewers.map((reviewer) => reviewer.id),
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
  };
  await insertCalibration(ctx.trx, session);
  const transcript = await transcriptOf(ctx.trx, conversation);
  const changes: MutationOutcome['changes'] = [];
  for (const reviewer of reviewers) {
    const assignment: QaAssignment = {
      id: randomUUID(),
      conversationId: conversation.id,
      teamId: conversation.teamId,
      agentId: null,
      reviewerId: reviewer.id,
      assignedBy: ctx.actor.id,
      source: 'calibration',
      status: 'open',
      reason: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      calibrationId: session.id,
    };
    await insertAssignment(ctx.trx, assignment);
    changes.push(assignmentChange(assignment, transcript));
  }
  changes.push(...calibrationChanges({ ...session, entries: [] }));
  return { changes };
}

/**
 * The session for each of its audience, one change each (a change names at most one owner): the
 * team's leads, and every reviewer who has submitted.
 */
const calibrationChanges = (calibration: Calibration): MutationOutcome['changes'] => {
  const { record, audience } = addressFor('qa_calibration', calibration);
  return audience.map((member) => ({
    change: { type: 'qa_calibration.updated' as const, calibration },
    record,
    audience: [member],
  }));
};

async function loadOwnOpenAssignment(ctx: MutationContext, id: string): Promise<QaAssignment> {
  const assignment = await getAssignment(ctx.trx, id);
  if (!assignment || assignment.reviewerId !== ctx.actor.id)
    throw new MutationRejected('not_found', `review assignment ${id} does not exist`);
  if (assignment.status !== 'open')
    throw new MutationRejected('stale', `this review is ${assignment.status} already`);
  return assignment;
}

export async function skipReview(
  ctx: MutationContext,
  args: MutationArgs<'qa.skip'>,
): Promise<MutationOutcome> {
  const assignment = await loadOwnOpenAssignment(ctx, args.assignmentId);
  const skipped: QaAssignment = { ...assignment, status: 'skipped', reason: args.reason, updatedAt: ctx.now };
  await saveAssignmentStatus(ctx.trx, skipped);
  const changes: MutationOutcome['changes'] = [assignmentChange(skipped, null)];
  const sample = args.replace ? await sampleOfAssignment(ctx.trx, assignment.id) : null;
  if (sample) {
    const replacement = await replaceSampled(ctx.trx, ctx.now, skipped, sample);
    if (replacement) changes.push(replacement);
  }
  return { changes };
}

export async function submitReview(
  ctx: MutationContext,
  args: MutationArgs<'qa.review.submit'>,
): Promise<MutationOutcome> {
  const { actor } = ctx;
  if (actor.role === 'agent') throw new MutationRejected('forbidden', 'agents do not review conversations');
  const conversation = await loadConversation(ctx, args.conversationId);
  const assignment = args.assignmentId ? await loadOwnOpenAssignment(ctx, args.assignmentId) : null;
  if (assignment && assignment.conversationId !== conversation.id)
    throw new MutationRejected('invalid', 'the assignment is for another conversation');
  if (!assignment && !leadsTeamOrAdmin(actor, conversation.teamId))
    throw new MutationRejected('forbidden', 'you may review only the conversations assigned to you');
  if (await tookPart(ctx.trx, conversation.id, actor.id))
    throw new MutationRejected('forbidden', 'you took part in this conversation and may not review it');
  if (await getReview(ctx.trx, args.id))
    throw new MutationRejected('invalid', `review ${args.id} exists already`);
  if (await findReviewBy(ctx.trx, actor.id, conversation.id))
    throw new MutationRejected('stale', 'you have reviewed this conversation already');
  const card = await getScorecardVersion(ctx.trx, args.scorecardId, args.scorecardVersion);
  if (!card)
    throw new MutationRejected(
      'not_found',
      `scorecard ${args.scorecardId} version ${args.scorecardVersion} does not exist`,
    );
  const problems = reviewProblems(card, args.ratings, args.rootCauses);
  if (problems.length > 0) throw new MutationRejected('invalid', problems.join('; '));
  const { score, passed } = scoreReview(card, args.ratings);
  const calibrationId = assignment?.calibrationId ?? null;
  const review: Review = {
    id: args.id,
    conversationId: conversation.id,
    teamId: conversation.teamId,
    agentId: calibrationId ? null : assignment ? assignment.agentId : conversation.assigneeId,
    reviewerId: actor.id,
    assignmentId: assignment?.id ?? null,
    scorecardId: card.id,
    scorecardVersion: card.version,
    ratings: args.ratings,
    rootCauses: args.rootCauses,
    comments: args.comments,
    summary: args.summary,
    score,
    passed,
    status: 'submitted',
    submittedAt: ctx.now,
    history: [],
    overruledHits: args.overruledHits,
    ...(calibrationId ? { calibrationId } : {}),
  };
  await insertReview(ctx.trx, review);
  const changes: MutationOutcome['changes'] = [
    { change: { type: 'qa_review.updated', review }, ...addressFor('qa_review', review) },
  ];
  if (assignment) {
    const done: QaAssignment = { ...assignment, status: 'done', updatedAt: ctx.now };
    await saveAssignmentStatus(ctx.trx, done);
    changes.push(assignmentChange(done, null));
  }
  const calibration = calibrationId ? await getCalibration(ctx.trx, calibrationId) : null;
  if (calibration) changes.push(...calibrationChanges(calibration));
  return { changes };
}

async function loadReview(ctx: MutationContext, id: string): Promise<Review> {
  const review = await getReview(ctx.trx, id);
  const { actor } = ctx;
  const sees =
    review &&
    (actor.role === 'admin' ||
      review.reviewerId === actor.id ||
      review.agentId === actor.id ||
      (actor.role === 'lead' && actor.teamIds.includes(review.teamId)));
  if (!review || !sees) throw new MutationRejected('not_found', `review ${id} does not exist`);
  return review;
}

async function saved(ctx: MutationContext, review: Review): Promise<MutationOutcome> {
  await saveReviewState(ctx.trx, review);
  return { changes: [{ change: { type: 'qa_review.updated', review }, ...addressFor('qa_review', review) }] };
}

export async function acknowledgeReview(
  ctx: MutationContext,
  args: MutationArgs<'qa.review.acknowledge'>,
): Promise<MutationOutcome> {
  const review = await loadReview(ctx, args.reviewId);
  if (review.agentId !== ctx.actor.id)
    throw new MutationRejected('forbidden', 'only the agent whose work was reviewed acknowledges it');
  if (review.status !== 'submitted') return { changes: [] };
  return saved(ctx, {
    ...review,
    status: 'acknowledged',
    history: [...review.history, { at: ctx.now, by: ctx.actor.id, action: 'acknowledged', comment: '' }],
  });
}

export async function disputeReview(
  ctx: MutationContext,
  args: MutationArgs<'qa.review.dispute'>,
): Promise<MutationOutcome> {
  const review = await loadReview(ctx, args.reviewId);
  if (review.agentId !== ctx.actor.id)
    throw new MutationRejected('forbidden', 'only the agent whose work was reviewed disputes it');
  if (review.status === 'disputed' || review.status === 'resolved')
    throw new MutationRejected('stale', `this review is ${review.status} already`);
  const card = await getScorecardVersion(ctx.trx, review.scorecardId, review.scorecardVersion);
  if (!card) throw new MutationRejected('not_found', 'the scorecard of this review does not exist');
  const problems = reviewProblems(card, args.proposedRatings);
  if (problems.length > 0) throw new MutationRejected('invalid', problems.join('; '));
  return saved(ctx, {
    ...review,
    status: 'disputed',
    history: [
      ...review.history,
      {
        at: ctx.now,
        by: ctx.actor.id,
        action: 'disputed',
        comment: args.comment,
        ratings: args.proposedRatings,
      },
    ],
  });
}

export async function resolveDispute(
  ctx: MutationContext,
  args: MutationArgs<'qa.review.resolve'>,
): Promise<MutationOutcome> {
  const review = await loadReview(ctx, args.reviewId);
  const { actor } = ctx;
  if (review.reviewerId !== actor.id && !leadsTeamOrAdmin(actor, review.teamId))
    throw new MutationRejected(
      'forbidden',
      "only the reviewer, the team's leads and admins settle a dispute",
    );
  if (review.status !== 'disputed')
    throw new MutationRejected(
      'stale',
      review.status === 'resolved' ? 'this dispute is settled already' : 'this review is not disputed',
    );
  const proposal =
    [...review.history].reverse().find((event) => event.action === 'disputed')?.ratings ?? review.ratings;
  const ratings =
    args.outcome === 'accepted' ? proposal : args.outcome === 'rejected' ? review.ratings : args.ratings;
  if (!ratings)
    throw new MutationRejected('invalid', 'a partly accepted dispute names the ratings that stand');
  const card = await getScorecardVersion(ctx.trx, review.scorecardId, review.scorecardVersion);
  if (!card) throw new MutationRejected('not_found', 'the scorecard of this review does not exist');
  const problems = reviewProblems(card, ratings, review.rootCauses);
  if (problems.length > 0) throw new MutationRejected('invalid', problems.join('; '));
  const { score, passed } = scoreReview(card, ratings);
  return saved(ctx, {
    ...review,
    ratings,
    score,
    passed,
    status: 'resolved',
    history: [
      ...review.history,
      {
        at: ctx.now,
        by: actor.id,
        action: 'resolved',
        comment: args.comment,
        outcome: args.outcome,
        ratings,
        previousScore: review.score,
      },
    ],
  });
}
