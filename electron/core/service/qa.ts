/**
 * qa.*: the reviewer's workspace from the cache (works offline: the assignments carry their
 * transcripts, drafts never leave this machine until submitted), and the review writes through
 * the outbox (sync/qaSync.ts). Leads and admins send conversations for review and start
 * calibrations; admins save scorecards (online: the new version shows when the server has it).
 */
import { randomUUID } from 'node:crypto';
import type { QaAssignmentRow, QaCalibrationRow, QaReviewRow } from '../../../shared/contracts/qa';
import type { Calibration } from '../../../shared/qa/calibration';
import { getConversation } from '../db/queries/conversations';
import { recordKey } from '../../../shared/contracts/records';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Agent } from '../../../shared/domain/model';
import { getAgent, getContact } from '../db/queries/directory';
import { takeMutationId } from '../db/queries/meta';
import { insertOutbox } from '../db/queries/outbox';
import {
  getCachedAssignment,
  getDraft,
  getReviewView,
  getScorecard,
  listAssignments,
  listLatestScorecards,
  listReviews,
  reviewForAssignment,
  saveDraft,
  type AssignmentListRow,
  type ReviewView,
} from '../db/queries/qa';
import { listCalibrations } from '../db/queries/qaCalibrations';
import { queueReviewSkip, queueReviewSubmit, queueReviewWrite, type ReviewWriteName } from '../sync/qaSync';
import type { CoreContext } from './context';
import { announceLocalWrite } from './localWrite';
import type { HandlersOf } from './types';

type Methods =
  | 'qa.assignments'
  | 'qa.assignment'
  | 'qa.saveDraft'
  | 'qa.submit'
  | 'qa.skip'
  | 'qa.review'
  | 'qa.acknowledge'
  | 'qa.dispute'
  | 'qa.resolve'
  | 'qa.reviews'
  | 'qa.scorecards'
  | 'qa.saveScorecard'
  | 'qa.assign'
  | 'qa.calibrations'
  | 'qa.startCalibration';

const DEFAULT_REVIEW_LIMIT = 200;
const CALIBRATION_LIST_LIMIT = 100;

function requireRole(viewer: Agent, roles: readonly Agent['role'][], what: string) {
  if (!roles.includes(viewer.role)) throw new SwitchboardError('forbidden', what);
}

export function qaHandlers(ctx: CoreContext): HandlersOf<Methods> {
  const nameOf = (id: string | null) => (id ? (getAgent(ctx.db, id)?.name ?? null) : null);

  const rowOf = (row: AssignmentListRow): QaAssignmentRow => ({
    ...row,
    agentName: nameOf(row.assignment.agentId),
    score: reviewForAssignment(ctx.db, row.assignment.id)?.review.score ?? null,
  });

  const reviewRowOf = ({ review, pending }: ReviewView): QaReviewRow => ({
    review,
    pending,
    scorecardName: getScorecard(ctx.db, review.scorecardId, review.scorecardVersion)?.name ?? null,
    reviewerName: nameOf(review.reviewerId),
    agentName: nameOf(review.agentId),
  });

  const calibrationRowOf = (calibration: Calibration): QaCalibrationRow => {
    const conversation = getConversation(ctx.db, calibration.conversationId);
    const contact = conversation ? getContact(ctx.db, conversation.contactId) : null;
    const card = listLatestScorecards(ctx.db).find((candidate) => candidate.id === calibration.scorecardId);
    return {
      calibration,
      // A reviewer holds the conversation only as their assignment's transcript.
      contactName:
        contact?.name ??
        listAssignments(ctx.db).find((row) => row.assignment.conversationId === calibration.conversationId)?.contactName ??
        null,
      agentName: nameOf(calibration.agentId),
      reviewerNames: Object.fromEntries(calibration.reviewerIds.map((id) => [id, nameOf(id) ?? id])),
      categories: (card?.categories ?? []).map(({ id, name }) => ({ id, name })),
    };
  };

  const queue = (
    name: 'qa.scorecard.save' | 'qa.assign' | 'qa.calibration.start',
    args: Record<string, unknown>,
    record: ReturnType<typeof recordKey>,
  ) => {
    ctx.db.transaction(() =>
      insertOutbox(ctx.db, {
        mutationId: takeMutationId(ctx.db),
        name,
        args,
        record,
        createdAt: new Date().toISOString(),
      }),
    )();
    announceLocalWrite(ctx, [record]);
  };

  const reviewWrite = <N extends ReviewWriteName>(
    name: N,
    args: Parameters<typeof queueReviewWrite<N>>[2],
  ) => {
    ctx.viewer();
    queueReviewWrite(ctx.db, name, args);
    announceLocalWrite(ctx, [recordKey('qa_review', args.reviewId)]);
    return { ok: true as const };
  };

  return {
    'qa.assignments': async ({ status }) => {
      ctx.viewer();
      const all = listAssignments(ctx.db);
      const counts = { open: 0, done: 0, skipped: 0 };
      for (const row of all) counts[row.status] += 1;
      return { assignments: all.filter((row) => !status || row.status === status).map(rowOf), counts };
    },
    'qa.assignment': async ({ assignmentId }) => {
      ctx.viewer();
      const cached = getCachedAssignment(ctx.db, assignmentId);
      const row = listAssignments(ctx.db).find((candidate) => candidate.assignment.id === assignmentId);
      if (!cached || !row) throw new SwitchboardError('not_found', 'This review is not in your list.');
      const draft = getDraft(ctx.db, assignmentId);
      const review = reviewForAssignment(ctx.db, assignmentId);
      const scorecard = review
        ? getScorecard(ctx.db, review.review.scorecardId, review.review.scorecardVersion)
        : draft
          ? getScorecard(ctx.db, draft.scorecardId, draft.scorecardVersion)
          : (listLatestScorecards(ctx.db).find((card) => !card.archived) ?? null);
      return {
        row: rowOf(row),
        transcript: cached.transcript,
        scorecard,
        draft,
        review: review ? reviewRowOf(review) : null,
      };
    },
    'qa.saveDraft': async ({ assignmentId, draft }) => {
      ctx.viewer();
      if (!getCachedAssignment(ctx.db, assignmentId))
        throw new SwitchboardError('not_found', 'This review is not in your list.');
      saveDraft(ctx.db, assignmentId, draft, new Date().toISOString());
      return { ok: true as const };
    },
    'qa.submit': async ({ assignmentId, draft }) => {
      requireRole(ctx.viewer(), ['reviewer', 'lead', 'admin'], 'Agents do not review conversations.');
      saveDraft(ctx.db, assignmentId, draft, new Date().toISOString());
      const reviewId = randomUUID();
      queueReviewSubmit(ctx.db, assignmentId, draft, reviewId);
      announceLocalWrite(ctx, [recordKey('qa_review', reviewId), recordKey('qa_assignment', assignmentId)]);
      return { reviewId };
    },
    'qa.skip': async ({ assignmentId, reason, replace }) => {
      ctx.viewer();
      queueReviewSkip(ctx.db, assignmentId, reason, { replace });
      announceLocalWrite(ctx, [recordKey('qa_assignment', assignmentId)]);
      return { ok: true as const };
    },
    'qa.review': async ({ reviewId }) => {
      ctx.viewer();
      const found = getReviewView(ctx.db, reviewId);
      if (!found) throw new SwitchboardError('not_found', 'This review is not here.');
      return {
        row: reviewRowOf(found),
        scorecard: getScorecard(ctx.db, found.review.scorecardId, found.review.scorecardVersion),
      };
    },
    'qa.acknowledge': async (args) => reviewWrite('qa.review.acknowledge', args),
    'qa.dispute': async (args) => reviewWrite('qa.review.dispute', args),
    'qa.resolve': async (args) => reviewWrite('qa.review.resolve', args),
    'qa.reviews': async ({ limit }) => {
      ctx.viewer();
      return { reviews: listReviews(ctx.db, limit ?? DEFAULT_REVIEW_LIMIT).map(reviewRowOf) };
    },
    'qa.scorecards': async () => {
      ctx.viewer();
      return { scorecards: listLatestScorecards(ctx.db) };
    },
    'qa.saveScorecard': async ({ id, fields }) => {
      requireRole(ctx.viewer(), ['admin'], 'Only admins edit scorecards.');
      const scorecardId = id ?? randomUUID();
      queue('qa.scorecard.save', { id: scorecardId, fields }, recordKey('scorecard', scorecardId));
      return { id: scorecardId };
    },
    'qa.assign': async ({ conversationId, reviewerId, reason }) => {
      requireRole(
        ctx.viewer(),
        ['lead', 'admin'],
        "Only the team's leads and admins send conversations for review.",
      );
      const assignmentId = randomUUID();
      queue(
        'qa.assign',
        { id: assignmentId, conversationId, reviewerId, reason },
        recordKey('qa_assignment', assignmentId),
      );
      return { assignmentId };
    },
    'qa.calibrations': async () => {
      ctx.viewer();
      return { calibrations: listCalibrations(ctx.db, CALIBRATION_LIST_LIMIT).map(calibrationRowOf) };
    },
    'qa.startCalibration': async ({ conversationId, scorecardId, reviewerIds }) => {
      requireRole(ctx.viewer(), ['lead', 'admin'], "Only the team's leads and admins start a calibration.");
      const calibrationId = randomUUID();
      queue(
        'qa.calibration.start',
        { id: calibrationId, conversationId, scorecardId, reviewerIds },
        recordKey('qa_calibration', calibrationId),
      );
      return { calibrationId };
    },
  };
}
