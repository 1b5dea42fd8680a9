/**
 * Quality review in the cache (electron/core/sync/qaSync.ts), as the reviewer sees it: a submit
 * shows at once, a rejected one rolls back without losing the draft, a skip is shown until the
 * server answers, and a transcript stays when later updates of the assignment carry none.
 */
import { describe, expect, it } from 'vitest';
import type { QaAssignment, QaDraft } from '../../../shared/contracts/qa';
import type { Change } from '../../../shared/contracts/sync';
import type { Agent } from '../../../shared/domain/model';
import type { Scorecard } from '../../../shared/qa';
import { nextOutboxBatch, outboxCount } from '../../../electron/core/db/queries/outbox';
import {
  getCachedAssignment,
  getDraft,
  listAssignments,
  listReviews,
  reviewForAssignment,
  saveDraft,
} from '../../../electron/core/db/queries/qa';
import { applyChanges } from '../../../electron/core/sync/apply';
import { acknowledge } from '../../../electron/core/sync/outbox';
import { queueReviewSkip, queueReviewSubmit, queueReviewWrite } from '../../../electron/core/sync/qaSync';
import { conversation, openTestDb } from './fixtures';

const REVIEWER: Agent = {
  id: 'agent-qa',
  name: '周敏',
  email: 'qa@example.test',
  role: 'reviewer',
  teamIds: [],
  status: 'available',
} as Agent;
const AT = '2026-12-01T09:00:00.000Z';
const CARD: Scorecard = {
  id: 'card-1',
  version: 1,
  name: 'Chat',
  passThreshold: 80,
  archived: false,
  updatedBy: 'agent-admin',
  updatedAt: AT,
  categories: [
    {
      id: 'greeting',
      name: 'Greeting',
      guidance: '',
      weight: 1,
      scale: 'binary',
      critical: false,
      naAllowed: false,
      rootCauses: [],
    },
    {
      id: 'solution',
      name: 'Solution',
      guidance: '',
      weight: 3,
      scale: '5',
      critical: true,
      naAllowed: true,
      rootCauses: [],
    },
  ],
};
const assignment = (status: QaAssignment['status'] = 'open'): QaAssignment => ({
  id: 'as-1',
  conversationId: 'c1',
  teamId: 'team-sales',
  agentId: 'agent-me',
  reviewerId: REVIEWER.id,
  assignedBy: 'agent-lead',
  source: 'manual',
  status,
  reason: null,
  createdAt: AT,
  updatedAt: AT,
});
const DRAFT: QaDraft = {
  scorecardId: 'card-1',
  scorecardVersion: 1,
  ratings: { greeting: 1, solution: 4 },
  rootCauses: {},
  comments: [],
  summary: '',
  overruledHits: [],
};

function seeded() {
  const db = openTestDb(REVIEWER);
  const changes: Change[] = [
    { seq: 1, type: 'qa_scorecard.updated', scorecard: CARD },
    {
      seq: 2,
      type: 'qa_assignment.updated',
      assignment: assignment(),
      transcript: { conversation: conversation('c1'), contact: null, messages: [], truncated: false },
    },
  ];
  applyChanges(db, changes);
  return db;
}

describe('quality review in the cache', () => {
  it('shows a submitted review at once, scored here, and marks the assignment done', () => {
    const db = seeded();
    queueReviewSubmit(db, 'as-1', DRAFT, 'rv-1');
    // (100 × 1 + 75 × 3) / 4
    expect(reviewForAssignment(db, 'as-1')).toMatchObject({
      pending: true,
      review: { id: 'rv-1', score: 81.25, passed: true },
    });
    expect(listAssignments(db)[0]).toMatchObject({ status: 'done', pending: true });
    expect(nextOutboxBatch(db, 10)[0]).toMatchObject({
      name: 'qa.review.submit',
      args: { id: 'rv-1', assignmentId: 'as-1' },
    });
    expect(() => queueReviewSubmit(db, 'as-1', DRAFT, 'rv-2')).toThrow(/finished already/);
  });

  it('refuses an incomplete review before queueing anything', () => {
    const db = seeded();
    expect(() => queueReviewSubmit(db, 'as-1', { ...DRAFT, ratings: { greeting: 1 } }, 'rv-1')).toThrow(
      'Solution is not rated',
    );
    expect(outboxCount(db)).toBe(0);
  });

  it('rolls a rejected submit back: the assignment is open again and the draft is still there', () => {
    const db = seeded();
    saveDraft(db, 'as-1', DRAFT, AT);
    queueReviewSubmit(db, 'as-1', DRAFT, 'rv-1');
    const [entry] = nextOutboxBatch(db, 10);
    acknowledge(db, [
      { mutationId: entry!.mutationId, ok: false, error: { code: 'forbidden', message: 'you took part' } },
    ]);
    expect(reviewForAssignment(db, 'as-1')).toBeNull();
    expect(listAssignments(db)[0]).toMatchObject({ status: 'open', pending: false });
    expect(getDraft(db, 'as-1')?.ratings).toEqual(DRAFT.ratings);
  });

  it("takes the server's review in place of the local one and drops the draft", () => {
    const db = seeded();
    saveDraft(db, 'as-1', DRAFT, AT);
    queueReviewSubmit(db, 'as-1', DRAFT, 'rv-1');
    const [entry] = nextOutboxBatch(db, 10);
    applyChanges(db, [
      {
        seq: 3,
        type: 'qa_review.updated',
        review: {
          id: 'rv-1',
          conversationId: 'c1',
          teamId: 'team-sales',
          agentId: 'agent-me',
          reviewerId: REVIEWER.id,
          assignmentId: 'as-1',
          scorecardId: 'card-1',
          scorecardVersion: 1,
          ratings: DRAFT.ratings,
          rootCauses: {},
          comments: [],
          summary: '',
          score: 81.25,
          passed: true,
          status: 'submitted',
          submittedAt: AT,
          history: [],
          overruledHits: [],
        },
      },
      { seq: 4, type: 'qa_assignment.updated', assignment: assignment('done'), transcript: null },
    ]);
    acknowledge(db, [{ mutationId: entry!.mutationId, ok: true, seq: 4 }]);
    expect(reviewForAssignment(db, 'as-1')).toMatchObject({ pending: false, review: { submittedAt: AT } });
    expect(listAssignments(db)[0]).toMatchObject({ status: 'done', pending: false });
    expect(getDraft(db, 'as-1')).toBeNull();
    // The later update carried no transcript; the one from the assignment stays.
    expect(getCachedAssignment(db, 'as-1')?.transcript?.conversation.id).toBe('c1');
  });

  it('shows a skip until the server answers', () => {
    const db = seeded();
    queueReviewSkip(db, 'as-1', 'wrong language');
    expect(listAssignments(db, 'skipped')).toHaveLength(1);
    expect(listAssignments(db, 'open')).toHaveLength(0);
  });

  it("shows the agent's dispute at once, and takes it back when the server refuses it", () => {
    const db = openTestDb();
    applyChanges(db, [
      {
        seq: 1,
        type: 'qa_review.updated',
        review: {
          id: 'rv-9',
          conversationId: 'c1',
          teamId: 'team-sales',
          agentId: 'agent-me',
          reviewerId: REVIEWER.id,
          assignmentId: null,
          scorecardId: 'card-1',
          scorecardVersion: 1,
          ratings: { greeting: 0, solution: 2 },
          rootCauses: {},
          comments: [],
          summary: '',
          score: 0,
          passed: false,
          status: 'submitted',
          submittedAt: AT,
          history: [],
          overruledHits: [],
        },
      },
    ]);
    queueReviewWrite(db, 'qa.review.dispute', {
      reviewId: 'rv-9',
      comment: 'I greeted',
      proposedRatings: { greeting: 1, solution: 4 },
    });
    expect(listReviews(db, 10)[0]).toMatchObject({ pending: true, review: { status: 'disputed' } });
    expect(() =>
      queueReviewWrite(db, 'qa.review.dispute', { reviewId: 'rv-9', comment: 'again', proposedRatings: {} }),
    ).toThrow(/disputed already/);
    const [entry] = nextOutboxBatch(db, 10);
    acknowledge(db, [
      { mutationId: entry!.mutationId, ok: false, error: { code: 'stale', message: 'settled' } },
    ]);
    expect(listReviews(db, 10)[0]).toMatchObject({ pending: false, review: { status: 'submitted' } });
  });
});
