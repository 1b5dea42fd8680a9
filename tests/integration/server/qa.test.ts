/**
 * Quality review on a real server (SQLite, and PostgreSQL when configured): an admin's scorecard
 * versions, a lead sending a conversation to a reviewer (with its transcript), the reviewer's
 * submitted review scored by the server, and who hears of each: the reviewer, the agent whose
 * work was scored and the team's leads, never another team's agent.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QA_TRANSCRIPT_MAX_CHARS } from '../../../shared/contracts/qa';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import type { Change, PullResponse } from '../../../shared/contracts/sync';
import { connectSocket, startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, socketSync } from './socketSync';

const CARD = {
  name: '在线客服质检 Chat quality',
  passThreshold: 80,
  categories: [
    { id: 'greeting', name: '问候 Greeting', weight: 1, scale: 'binary' },
    {
      id: 'accuracy',
      name: '准确 Accuracy',
      weight: 3,
      scale: '5',
      critical: true,
      rootCauses: ['Knowledge gap', 'Process'],
    },
    { id: 'empathy', name: '同理心 Empathy', weight: 2, scale: '4', naAllowed: true },
  ],
};

describe.each(testBackends())('quality review (%s)', (backend) => {
  let server: TestServer;
  const sockets: Record<'agent' | 'otherAgent' | 'reviewer' | 'lead' | 'admin', Socket> = {} as never;
  const { push, pullNew } = socketSync();



  const ingestPresales = async (text: string) => {
    const response = await server.ingest({
      channel: 'chat',
      externalId: randomUUID(),
      contact: { externalId: randomUUID(), name: '王芳' },
      text,
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { conversationId: string }).conversationId;
  };

  beforeAll(async () => {
    server = await startTestServer({ backend });
    const emails = {
      agent: 'li.na@demo.switchboard',
      otherAgent: 'chen.jie@demo.switchboard',
      reviewer: 'zhou.min@demo.switchboard',
      lead: 'liu.yang@demo.switchboard',
      admin: 'admin@demo.switchboard',
    } as const;
    for (const [who, email] of Object.entries(emails)) {
      const socket = await connectSocket(server.url, (await server.login(email)).token, server);
      sockets[who as keyof typeof emails] = socket;
      await pullNew(socket);
    }
  });

  afterAll(async () => {
    for (const socket of Object.values(sockets)) socket?.close();
    await server?.cleanup();
  });

  const cardId = randomUUID();

  it('keeps every version of a scorecard and tells everyone of the newest', async () => {
    expect(await push(sockets.agent, 'qa.scorecard.save', { id: cardId, fields: CARD })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await push(sockets.admin, 'qa.scorecard.save', { id: cardId, fields: CARD })).ok).toBe(true);
    const seen = (await pullNew(sockets.reviewer)).filter((c) => c.type === 'qa_scorecard.updated');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ scorecard: { id: cardId, version: 1, passThreshold: 80 } });
    const refused = await push(sockets.admin, 'qa.scorecard.save', {
      id: cardId,
      fields: { ...CARD, categories: [CARD.categories[0], CARD.categories[0]] },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  let conversationId = '';
  let assignmentId = '';
  let heldReviewId = '';

  it('sends a conversation to a reviewer with its transcript, and to nobody who took part in it', async () => {
    conversationId = await ingestPresales('我的订单还没到，能帮我查一下吗？');
    expect(
      (
        await push(sockets.agent, 'message.send', {
          conversationId,
          messageId: randomUUID(),
          kind: 'text',
          text: '您好，我马上帮您查询。',
        })
      ).ok,
    ).toBe(true);
    for (const socket of Object.values(sockets)) await pullNew(socket);

    expect(
      await push(sockets.agent, 'qa.assign', {
        id: randomUUID(),
        conversationId,
        reviewerId: 'agent-zhou-min',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // li.na answered the customer: she may not review it (and agents never review anyway).
    expect(
      await push(sockets.lead, 'qa.assign', { id: randomUUID(), conversationId, reviewerId: 'agent-li-na' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });

    assignmentId = randomUUID();
    expect(
      (
        await push(sockets.lead, 'qa.assign', {
          id: assignmentId,
          conversationId,
          reviewerId: 'agent-zhou-min',
          reason: 'CSAT 1',
        })
      ).ok,
    ).toBe(true);
    const forReviewer = (await pullNew(sockets.reviewer)).filter((c) => c.type === 'qa_assignment.updated');
    expect(forReviewer).toHaveLength(1);
    const change = forReviewer[0]!;
    if (change.type !== 'qa_assignment.updated') throw new Error('unreachable');
    expect(change.assignment).toMatchObject({
      id: assignmentId,
      status: 'open',
      reviewerId: 'agent-zhou-min',
      source: 'manual',
    });
    expect(change.transcript?.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining(['我的订单还没到，能帮我查一下吗？', '您好，我马上帮您查询。']),
    );
    expect(change.transcript?.contact?.name).toBe('王芳');
    // The agent whose work is reviewed does not see the assignment; another team's agent sees nothing.
    expect((await pullNew(sockets.agent)).some((c) => c.type === 'qa_assignment.updated')).toBe(false);
    expect((await pullNew(sockets.otherAgent)).some((c) => c.type.startsWith('qa_'))).toBe(false);
    expect((await pullNew(sockets.lead)).some((c) => c.type === 'qa_assignment.updated')).toBe(true);
  });

  it('refuses an incomplete review, naming what is missing, and scores a complete one', async () => {
    const submit = (ratings: Record<string, number | 'na'>, id = randomUUID()) =>
      push(sockets.reviewer, 'qa.review.submit', {
        id,
        conversationId,
        assignmentId,
        scorecardId: cardId,
        scorecardVersion: 1,
        ratings,
        comments: [{ id: randomUUID(), messageId: null, body: '回复及时，结尾缺少致谢。' }],
      });
    const incomplete = await submit({ greeting: 1, empathy: 5 });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!incomplete.ok)
      expect(incomplete.error.message).toBe(
        '准确 Accuracy is not rated; 同理心 Empathy: 5 is not on its scale',
      );

    const reviewId = randomUUID();
    expect((await submit({ greeting: 1, accuracy: 4, empathy: 'na' }, reviewId)).ok).toBe(true);
    // (100 × 1 + 75 × 3) / 4 = 81.25 ≥ 80
    const heard = await pullNew(sockets.reviewer);
    const review = heard.find((c) => c.type === 'qa_review.updated');
    expect(review).toMatchObject({
      review: { id: reviewId, score: 81.25, passed: true, agentId: null, assignmentId },
    });
    expect(heard.find((c) => c.type === 'qa_assignment.updated')).toMatchObject({
      assignment: { status: 'done' },
      transcript: null,
    });
    // Reviewed once: a second submit for the same assignment is stale.
    expect(await submit({ greeting: 1, accuracy: 5, empathy: 4 })).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
  });

  it("tells the agent whose work was reviewed, and the team's leads, never another team", async () => {
    // A conversation li.na holds: the review is about her work.
    const held = await ingestPresales('退货流程是什么？');
    expect(
      (
        await push(sockets.lead, 'conversation.assign', {
          conversationId: held,
          assigneeId: 'agent-li-na',
          baseVersion: await conversationVersion(server, held),
        })
      ).ok,
    ).toBe(true);
    const id = randomUUID();
    expect(
      (await push(sockets.lead, 'qa.assign', { id, conversationId: held, reviewerId: 'agent-zhou-min' })).ok,
    ).toBe(true);
    for (const socket of Object.values(sockets)) await pullNew(socket);
    const reviewId = randomUUID();
    heldReviewId = reviewId;
    const result = await push(sockets.reviewer, 'qa.review.submit', {
      id: reviewId,
      conversationId: held,
      assignmentId: id,
      scorecardId: cardId,
      scorecardVersion: 1,
      ratings: { greeting: 1, accuracy: 2, empathy: 4 },
      rootCauses: { accuracy: 'Knowledge gap' },
    });
    expect(result.ok).toBe(true);
    const toAgent = (await pullNew(sockets.agent)).find((c) => c.type === 'qa_review.updated');
    // accuracy 2/5 = 25 < 50 on a critical category: the review scores 0.
    expect(toAgent).toMatchObject({
      review: { id: reviewId, agentId: 'agent-li-na', score: 0, passed: false },
    });
    expect((await pullNew(sockets.lead)).some((c) => c.type === 'qa_review.updated')).toBe(true);
    expect((await pullNew(sockets.otherAgent)).some((c) => c.type.startsWith('qa_'))).toBe(false);
  });

  it('lets the agent dispute a review once, and the reviewer settle it for good, every step kept', async () => {
    const reviewId = heldReviewId;
    // Another team's agent does not even see it; the lead may not dispute on the agent's behalf.
    expect(
      await push(sockets.otherAgent, 'qa.review.dispute', { reviewId, comment: 'x', proposedRatings: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await push(sockets.lead, 'qa.review.dispute', {
        reviewId,
        comment: 'x',
        proposedRatings: { greeting: 1, accuracy: 4, empathy: 4 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A proposal must be a complete scorecard.
    expect(
      await push(sockets.agent, 'qa.review.dispute', {
        reviewId,
        comment: '我已经说明了退货流程',
        proposedRatings: { greeting: 1 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(
      (
        await push(sockets.agent, 'qa.review.dispute', {
          reviewId,
          comment: '我已经说明了退货流程',
          proposedRatings: { greeting: 1, accuracy: 5, empathy: 4 },
        })
      ).ok,
    ).toBe(true);
    const disputed = (await pullNew(sockets.lead)).find((c) => c.type === 'qa_review.updated');
    expect(disputed).toMatchObject({ review: { status: 'disputed', score: 0 } });
    expect(
      await push(sockets.agent, 'qa.review.dispute', {
        reviewId,
        comment: 'again',
        proposedRatings: { greeting: 1, accuracy: 5, empathy: 4 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'stale' } });
    // The agent may not settle their own dispute.
    expect(await push(sockets.agent, 'qa.review.resolve', { reviewId, outcome: 'accepted' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // Partly accepted: accuracy 3 (50, not a critical miss) → (100 + 150 + 200) / 6 = 75.
    expect(
      (
        await push(sockets.reviewer, 'qa.review.resolve', {
          reviewId,
          outcome: 'partly_accepted',
          ratings: { greeting: 1, accuracy: 3, empathy: 4 },
          comment: '流程说明正确，但退款时效说错了',
        })
      ).ok,
    ).toBe(true);
    const resolved = (await pullNew(sockets.agent)).filter((c) => c.type === 'qa_review.updated').at(-1);
    if (resolved?.type !== 'qa_review.updated') throw new Error('no review update');
    expect(resolved.review).toMatchObject({
      status: 'resolved',
      score: 75,
      passed: false,
      ratings: { accuracy: 3 },
    });
    expect(resolved.review.history.map((e) => e.action)).toEqual(['disputed', 'resolved']);
    expect(resolved.review.history[1]).toMatchObject({
      by: 'agent-zhou-min',
      outcome: 'partly_accepted',
      previousScore: 0,
    });
    // Final: nobody reopens it.
    expect(await push(sockets.lead, 'qa.review.resolve', { reviewId, outcome: 'accepted' })).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect(
      await push(sockets.agent, 'qa.review.dispute', {
        reviewId,
        comment: 'again',
        proposedRatings: { greeting: 1, accuracy: 5, empathy: 4 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'stale' } });
  });

  it('sends a long thread with its newest messages only, marked as cut', async () => {
    const stamp = randomUUID();
    let threadId = '';
    for (let i = 0; i < 9; i++) {
      const response = await server.ingest({
        channel: 'email',
        externalId: `${stamp}-${i}`,
        conversationExternalId: `thread-${stamp}`,
        contact: { externalId: `long-${stamp}`, name: 'Long Thread' },
        subject: 'Order history',
        text: `${i} ${'很长的邮件'.repeat(3_800)}`,
      });
      expect(response.status).toBe(202);
      threadId = ((await response.json()) as { conversationId: string }).conversationId;
    }
    expect(
      (
        await push(sockets.lead, 'qa.assign', {
          id: randomUUID(),
          conversationId: threadId,
          reviewerId: 'agent-zhou-min',
        })
      ).ok,
    ).toBe(true);
    const change = (await pullNew(sockets.reviewer)).find(
      (c) => c.type === 'qa_assignment.updated' && c.assignment.conversationId === threadId,
    );
    if (change?.type !== 'qa_assignment.updated' || !change.transcript) throw new Error('no transcript');
    const texts = change.transcript.messages.map((m) => m.text);
    expect(change.transcript.truncated).toBe(true);
    expect(texts.length).toBeLessThan(9);
    expect(texts.reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(QA_TRANSCRIPT_MAX_CHARS);
    // The newest message is always there, the oldest went first.
    expect(texts.at(-1)?.startsWith('8 ')).toBe(true);
    expect(texts.some((text) => text.startsWith('0 '))).toBe(false);
  });

  it('never changes a past review when the scorecard is edited', async () => {
    const edited = { ...CARD, passThreshold: 95 };
    expect((await push(sockets.admin, 'qa.scorecard.save', { id: cardId, fields: edited })).ok).toBe(true);
    const versions = await server.db.db
      .selectFrom('qa_scorecards')
      .select('version')
      .where('id', '=', cardId)
      .execute();
    expect(versions.map((v) => Number(v.version)).sort()).toEqual([1, 2]);
    const reviews = await server.db.db
      .selectFrom('qa_reviews')
      .select(['scorecard_version', 'score', 'passed'])
      .execute();
    expect(reviews.map((r) => [Number(r.scorecard_version), Number(r.score), Number(r.passed)])).toEqual(
      expect.arrayContaining([
        [1, 81.25, 1],
        [1, 75, 0],
      ]),
    );
  });
});

describe.each(testBackends())("the demo centre's quality review (%s)", (backend) => {
  let server: TestServer;
  afterAll(() => server?.cleanup());

  it('gives the demo reviewer a sample to work at once, two of them reviewed already', async () => {
    server = await startTestServer({ backend, seedDemoReviews: true });
    // The first check of the sampling rules has run (or runs now): yesterday had nothing to sample.
    expect((await server.sampling.drawDue()).flatMap((draw) => draw.picked)).toEqual([]);
    const socket = await connectSocket(
      server.url,
      (await server.login('zhou.min@demo.switchboard')).token,
      server,
    );
    const ack = (await socket
      .timeout(5_000)
      .emitWithAck(SOCKET_EVENTS.pull, { cursor: 0, limit: 1_000 })) as Ack<PullResponse>;
    if (!ack.ok) throw new Error(ack.error.message);
    const latest = new Map<string, Change & { type: 'qa_assignment.updated' }>();
    for (const change of ack.data.changes)
      if (change.type === 'qa_assignment.updated') latest.set(change.assignment.id, change);
    const statuses = [...latest.values()].map((c) => c.assignment.status).sort();
    expect(statuses).toEqual(['done', 'done', 'open', 'open', 'open']);
    const reviews = ack.data.changes.filter((c) => c.type === 'qa_review.updated');
    expect(reviews.map((c) => (c.type === 'qa_review.updated' ? c.review.passed : null)).sort()).toEqual([
      false,
      true,
    ]);
    // Each assignment carried the thread: the customer's message and the agent's reply.
    const first = ack.data.changes.find((c) => c.type === 'qa_assignment.updated' && c.transcript !== null);
    if (first?.type !== 'qa_assignment.updated') throw new Error('no transcript');
    const messages = first.transcript?.messages ?? [];
    expect(messages[0]?.direction).toBe('in');
    expect(messages.some((m) => m.authorType === 'agent' && m.kind === 'text' && m.direction === 'out')).toBe(
      true,
    );
    expect(ack.data.changes.some((c) => c.type === 'qa_scorecard.updated')).toBe(true);
    socket.close();
  });
});
