/**
 * The quality report through real cores: a review written the usual way (admin's scorecard, the
 * lead's assignment, the reviewer's submit through the outbox) shows in the lead's `qa.report`,
 * fetched from the server with the session's token; the server's refusals pass through typed,
 * and an offline workstation says `offline` instead of showing a stale report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../server/harness';
import { chatSentForReview, publishChatCard, type QaCrew, signInQaCrew } from './qaFlow';
import { eventually, startStack, type Stack } from './stack';

describe.each(testBackends())('the quality report through the cores (%s)', (backend) => {
  let stack: Stack;
  let crew: QaCrew;

  beforeAll(async () => {
    stack = await startStack(backend);
    crew = await signInQaCrew(stack);
  });
  afterAll(() => stack?.close());

  it("answers the lead's report from the server, with a review just submitted", async () => {
    const { lead, reviewer } = crew;
    const scorecardId = await publishChatCard(crew);
    const { conversationId, assignmentId, stamp } = await chatSentForReview(stack, crew);
    const { reviewId } = await reviewer.call('qa.submit', {
      assignmentId,
      draft: { scorecardId, scorecardVersion: 1, ratings: { greeting: 1, solution: 4 }, rootCauses: {}, comments: [], summary: '' },
    });
    await eventually(
      () => reviewer.call('sync.status', {}),
      (status) => status.pending === 0,
      'the review sent',
    );

    const range = { from: new Date(stamp - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    const report = await lead.call('qa.report', { ...range, teamId: 'team-presales' });
    expect(report.teamIds).toEqual(['team-presales']);
    // (100 + 75 × 3) / 4
    expect(report.overall).toEqual({ reviews: 1, averageScore: 81.25, passRate: 1 });
    expect(report.reviews).toEqual([
      expect.objectContaining({ id: reviewId, conversationId, reviewerId: 'agent-zhou-min', score: 81.25, passed: true }),
    ]);
    expect(report.byCategory.map((row) => [row.name, row.averageScore])).toEqual([
      ['Greeting', 100],
      ['Solution', 75],
    ]);

    // The server's refusals arrive typed: an agent is forbidden, a bad period invalid.
    expect(await stack.agentA.core.rpc.handle('qa.report', range)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await lead.core.rpc.handle('qa.report', { from: 'yesterday', to: 'today' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    lead.core.goOffline();
    expect(await lead.core.rpc.handle('qa.report', range)).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
