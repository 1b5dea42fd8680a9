/**
 * Quality review in the cache: scorecard versions, the reviewer's assignments (each with the
 * transcript it carried), reviews, and the reviewer's local writes (skip, submit) through the
 * outbox, shown at once and kept until the server answers.
 *
 * Invariants:
 * - A submit is filed in the outbox under `{ kind: 'qa_review', id }`, a skip under
 *   `{ kind: 'qa_assignment', id }`; the outbox row and the refreshed views are written in one
 *   transaction, before the network.
 * - A review's view = the server's snapshot, else the pending submit scored here on the cached
 *   scorecard version (the server scores it again; its snapshot replaces ours). An assignment's
 *   status = skipped while a skip is pending, done while its review exists here, else the server's.
 * - The draft of a review stays until the server's review of that assignment arrives, so a
 *   rejected submit (rolled back: the local review goes, the assignment is open again) loses no work.
 */
import type { QaDraft } from '../../../shared/contracts/qa';
import { recordKey } from '../../../shared/contracts/records';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Change, MutationArgs } from '../../../shared/contracts/sync';
import { reviewProblems, scoreReview, type Review } from '../../../shared/qa';
import type { Db } from '../db/database';
import { upsertCalibration } from '../db/queries/qaCalibrations';
import { getSessionAgent, takeMutationId } from '../db/queries/meta';
import { insertOutbox, pendingForRecord } from '../db/queries/outbox';
import {
  deleteDraft,
  getCachedAssignment,
  getScorecard,
  getServerReview,
  reviewAssignmentId,
  reviewView,
  reviewForAssignment,
  setServerAssignment,
  setServerReview,
  upsertScorecard,
  writeAssignmentView,
  writeReviewView,
} from '../db/queries/qa';

/** Scorecard versions of a page; returns the scorecard ids touched. */
export function applyScorecardChanges(db: Db, changes: readonly Change[]): string[] {
  const touched = new Set<string>();
  for (const change of changes) {
    if (change.type === 'qa_scorecard.updated' && upsertScorecard(db, change.scorecard, change.seq))
      touched.add(change.scorecard.id);
  }
  return [...touched];
}

/** Calibration sessions of a page (snapshots only: nothing of theirs waits in the outbox). */
export function applyCalibrationChanges(db: Db, changes: readonly Change[]): string[] {
  const touched: string[] = [];
  for (const change of changes)
    if (change.type === 'qa_calibration.updated' && upsertCalibration(db, change.calibration, change.seq))
      touched.push(change.calibration.id);
  return touched;
}

/** Assignments of a page; returns the ids touched. */
export function applyAssignmentChanges(db: Db, changes: readonly Change[]): string[] {
  const touched = new Set<string>();
  for (const change of changes) {
    if (change.type !== 'qa_assignment.updated') continue;
    if (setServerAssignment(db, change.assignment, change.transcript, change.seq))
      touched.add(change.assignment.id);
  }
  for (const id of touched) reapplyAssignment(db, id);
  return [...touched];
}

/** Reviews of a page; returns the ids touched. */
export function applyReviewChanges(db: Db, changes: readonly Change[]): string[] {
  const touched = new Set<string>();
  for (const change of changes) {
    if (change.type !== 'qa_review.updated' || !setServerReview(db, change.review, change.seq)) continue;
    touched.add(change.review.id);
    if (change.review.assignmentId) deleteDraft(db, change.review.assignmentId);
  }
  for (const id of touched) reapplyReview(db, id);
  return [...touched];
}

/** Rebuild an assignment's visible status from its snapshot, a pending skip and its review. */
export function reapplyAssignment(db: Db, id: string): void {
  const cached = getCachedAssignment(db, id);
  if (!cached) return;
  const skipping = pendingForRecord(db, recordKey('qa_assignment', id)).some(
    (entry) => entry.name === 'qa.skip',
  );
  const review = reviewForAssignment(db, id);
  const status = skipping ? 'skipped' : review ? 'done' : cached.assignment.status;
  writeAssignmentView(db, id, status, skipping || (review?.pending ?? false));
}

function localReview(db: Db, args: MutationArgs<'qa.review.submit'>, at: string): Review {
  const card = getScorecard(db, args.scorecardId, args.scorecardVersion);
  const assignment = args.assignmentId ? getCachedAssignment(db, args.assignmentId) : null;
  const conversation = assignment?.transcript?.conversation ?? null;
  const { score, passed } = card ? scoreReview(card, args.ratings) : { score: null, passed: null };
  return {
    id: args.id,
    conversationId: args.conversationId,
    teamId: assignment?.assignment.teamId ?? conversation?.teamId ?? '',
    agentId: assignment ? assignment.assignment.agentId : (conversation?.assigneeId ?? null),
    reviewerId: getSessionAgent(db)?.id ?? '',
    assignmentId: args.assignmentId,
    scorecardId: args.scorecardId,
    scorecardVersion: args.scorecardVersion,
    ratings: args.ratings,
    rootCauses: args.rootCauses,
    comments: args.comments,
    summary: args.summary,
    score,
    passed,
    status: 'submitted',
    submittedAt: at,
    history: [],
    overruledHits: args.overruledHits,
  };
}

const REVIEW_WRITE_STATUS: Partial<
  Record<string, { from: readonly Review['status'][]; to: Review['status'] }>
> = {
  'qa.review.acknowledge': { from: ['submitted'], to: 'acknowledged' },
  'qa.review.dispute': { from: ['submitted', 'acknowledged'], to: 'disputed' },
  'qa.review.resolve': { from: ['disputed'], to: 'resolved' },
};

function foldReviewWrite(review: Review, name: string): Review {
  const step = REVIEW_WRITE_STATUS[name];
  return step && step.from.includes(review.status) ? { ...review, status: step.to } : review;
}

export type ReviewWriteName = 'qa.review.acknowledge' | 'qa.review.dispute' | 'qa.review.resolve';

/** Queue an acknowledgement, a dispute or a resolution of a cached review, shown at once. */
export function queueReviewWrite<N extends ReviewWriteName>(
  db: Db,
  name: N,
  args: MutationArgs<N>,
  now = new Date(),
): void {
  db.transaction(() => {
    const current = reviewView(db, args.reviewId);
    if (!current) throw new SwitchboardError('not_found', 'This review is not here.');
    const step = REVIEW_WRITE_STATUS[name]!;
    if (!step.from.includes(current.status))
      throw new SwitchboardError('stale', `This review is ${current.status} already.`);
    insertOutbox(db, {
      mutationId: takeMutationId(db),
      name,
      args,
      record: recordKey('qa_review', args.reviewId),
      createdAt: now.toISOString(),
    });
    reapplyReview(db, args.reviewId);
  })();
}

/** Rebuild a review's view: the server's snapshot (else the pending submit) with its pending writes. */
export function reapplyReview(db: Db, id: string): void {
  const snapshot = getServerReview(db, id);
  const submit = pendingForRecord(db, recordKey('qa_review', id)).find(
    (entry) => entry.name === 'qa.review.submit',
  );
  const pending = pendingForRecord(db, recordKey('qa_review', id));
  const base =
    snapshot ??
    (submit ? localReview(db, submit.args as MutationArgs<'qa.review.submit'>, submit.createdAt) : null);
  // A pending acknowledgement, dispute or resolution shows as the status it leads to.
  const view = base && pending.reduce((review, entry) => foldReviewWrite(review, entry.name), base);
  // A rolled-back submit leaves neither view nor outbox row: the cached row still names its assignment.
  const assignmentId = view?.assignmentId ?? reviewAssignmentId(db, id);
  writeReviewView(db, id, view, pending.length > 0);
  if (assignmentId) reapplyAssignment(db, assignmentId);
}

function openAssignment(db: Db, assignmentId: string) {
  const cached = getCachedAssignment(db, assignmentId);
  if (!cached) throw new SwitchboardError('not_found', 'This review is not in your list.');
  if (
    reviewForAssignment(db, assignmentId) ||
    pendingForRecord(db, recordKey('qa_assignment', assignmentId)).length > 0
  )
    throw new SwitchboardError('stale', 'This review is finished already.');
  if (cached.assignment.status !== 'open')
    throw new SwitchboardError('stale', `This review is ${cached.assignment.status} already.`);
  return cached;
}

/**
 * Queue the submit of an assignment's review from its draft, in one transaction with the views.
 * Refuses (nothing queued) what the server would refuse for sure: an incomplete scorecard.
 */
export function queueReviewSubmit(
  db: Db,
  assignmentId: string,
  draft: QaDraft,
  reviewId: string,
  now = new Date(),
): void {
  db.transaction(() => {
    const cached = openAssignment(db, assignmentId);
    const card = getScorecard(db, draft.scorecardId, draft.scorecardVersion);
    if (!card) throw new SwitchboardError('not_found', 'The scorecard of this review is not here yet.');
    const problems = reviewProblems(card, draft.ratings, draft.rootCauses);
    if (problems.length > 0) throw new SwitchboardError('invalid', problems.join('; '));
    const args: MutationArgs<'qa.review.submit'> = {
      id: reviewId,
      conversationId: cached.assignment.conversationId,
      assignmentId,
      ...draft,
    };
    insertOutbox(db, {
      mutationId: takeMutationId(db),
      name: 'qa.review.submit',
      args,
      record: recordKey('qa_review', reviewId),
      createdAt: now.toISOString(),
    });
    reapplyReview(db, reviewId);
  })();
}

/** `replace`: the server draws another conversation of the same sampling cycle for the reviewer. */
export function queueReviewSkip(
  db: Db,
  assignmentId: string,
  reason: string,
  { replace = false, now = new Date() }: { replace?: boolean; now?: Date } = {},
): void {
  db.transaction(() => {
    openAssignment(db, assignmentId);
    insertOutbox(db, {
      mutationId: takeMutationId(db),
      name: 'qa.skip',
      args: { assignmentId, reason, replace },
      record: recordKey('qa_assignment', assignmentId),
      createdAt: now.toISOString(),
    });
    reapplyAssignment(db, assignmentId);
  })();
}
