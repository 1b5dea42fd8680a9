/**
 * qa.scorecard.save / qa.assign / qa.skip / qa.review.submit. The server is the judge:
 * - scorecards are written by admins; every save is a new version, earlier ones are kept;
 * - a lead of the conversation's team, or an admin, assigns a conversation to a reviewer, never to
 *   someone who took part in it (wrote in it or holds it);
 * - the assigned reviewer submits (or skips) the review; a lead may review their team's
 *   conversations and an admin any, neither one they took part in; agents never review;
 * - the score is computed here from the ratings on the scorecard version the reviewer saw.
 */
import type { MutationArgs } from '../../../shared/contracts/sync';
import type { QaAssignment } from '../../../shared/contracts/qa';
import type { Agent, Conversation } from '../../../shared/domain/model';
import { reviewProblems, scoreReview, type Review, type Scorecard } from '../../../shared/qa';
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
  tookPart,
} from '../../db/queries/qa';
import { MutationRejected, type MutationContext, type MutationOutcome } from '../mutations/common';
import { addressFor } from '../records';
import { transcriptOf } from './transcript';

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
  return { changes: [assignmentChange(skipped, null)] };
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
  const review: Review = {
    id: args.id,
    conversationId: conversation.id,
    teamId: conversation.teamId,
    agentId: assignment ? assignment.agentId : conversation.assigneeId,
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
  return { changes };
}
