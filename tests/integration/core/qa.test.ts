/**
 * Quality review through real cores: a lead sends a conversation to the reviewer, whose cache
 * receives it with its transcript and the admin's scorecard; the reviewer scores it offline
 * (draft kept, submit shown at once as pending with the local score) and, when the server is
 * back, the review lands exactly once with the server's score, and the draft is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaDraft } from '../../../shared/contracts/qa';
import { testBackends } from '../server/harness';
import { chatSentForReview, publishChatCard, type QaCrew, signInQaCrew } from './qaFlow';
import { eventually, startStack, type Stack } from './stack';

describe.each(testBackends())('quality review through the cores (%s)', (backend) => {
  let stack: Stack;
  let crew: QaCrew;

  beforeAll(async () => {
    stack = await startStack(backend);
    crew = await signInQaCrew(stack);
  });
  afterAll(() => stack?.close());

  it("puts a conversation sent for review in the reviewer's cache, transcript and scorecard included", async () => {
    const { lead, reviewer } = crew;
    const scorecardId = await publishChatCard(crew);
    const { assignmentId } = await chatSentForReview(stack, crew, '抽检');
    const list = await reviewer.call('qa.assignments', { status: 'open' });
    const row = list.assignments.find((r) => r.assignment.id === assignmentId)!;
    expect(row).toMatchObject({ contactName: '赵敏', channel: 'chat', status: 'open', pending: false });
    expect(row.messageCount).toBeGreaterThanOrEqual(1);
    const opened = await reviewer.call('qa.assignment', { assignmentId });
    expect(opened.transcript?.messages.map((m) => m.text)).toContain('发票开错了，怎么重开？');
    expect(opened.scorecard?.id).toBe(scorecardId);
    expect(opened.draft).toBeNull();

    // Offline: the draft is kept and the submit shows at once, pending, with the local score.
    await stack.stopServer();
    await eventually(
      () => reviewer.call('sync.status', {}),
      (s) => s.state === 'offline',
      'reviewer offline',
    );
    const draft: QaDraft = {
      scorecardId,
      scorecardVersion: 1,
      ratings: { greeting: 1, solution: 4 },
      rootCauses: {},
      comments: [{ id: 'c-1', messageId: opened.transcript!.messages[0]!.id, body: '问题理解准确。' }],
      summary: '',
      overruledHits: [],
    };
    await reviewer.call('qa.saveDraft', { assignmentId, draft: { ...draft, ratings: { greeting: 1 } } });
    expect((await reviewer.call('qa.assignment', { assignmentId })).draft?.ratings).toEqual({ greeting: 1 });
    await expect(
      reviewer.call('qa.submit', { assignmentId, draft: { ...draft, ratings: { greeting: 1 } } }),
    ).rejects.toThrow(/invalid Solution is not rated/);
    const { reviewId } = await reviewer.call('qa.submit', { assignmentId, draft });
    const local = await reviewer.call('qa.assignment', { assignmentId });
    expect(local.row).toMatchObject({ status: 'done', pending: true, score: 81.25 });
    expect(local.review).toMatchObject({
      pending: true,
      review: { id: reviewId, score: 81.25, passed: true },
    });
    await expect(reviewer.call('qa.submit', { assignmentId, draft })).rejects.toThrow(/stale/);

    await stack.restartServer();
    const landed = await eventually(
      () => reviewer.call('qa.assignment', { assignmentId }),
      (got) => got.review?.pending === false && got.row.pending === false,
      'the review confirmed by the server',
    );
    expect(landed.review?.review).toMatchObject({
      id: reviewId,
      score: 81.25,
      passed: true,
      reviewerId: 'agent-zhou-min',
    });
    expect(landed.draft).toBeNull();
    expect((await reviewer.call('sync.status', {})).pending).toBe(0);
    const leadSees = await eventually(
      () => lead.call('qa.reviews', {}),
      (result) => result.reviews.some((r) => r.review.id === reviewId),
      'the review in the lead cache',
    );
    expect(leadSees.reviews.find((r) => r.review.id === reviewId)).toMatchObject({
      scorecardName: 'Chat quality',
      reviewerName: expect.any(String),
    });
  });
});
