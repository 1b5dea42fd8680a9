/**
 * The quality report on a real server (SQLite, and PostgreSQL when configured): reviews written
 * through pushes (a lead reviewing unasked, an agent disputing, the lead settling it), dated into
 * two ISO weeks, then GET /api/v1/reports/qa read by an admin, a lead of every team, a lead of
 * one team, an agent and a reviewer: averages and pass rates per agent, team, category and week,
 * the current score of a settled review, and typed errors for everyone else and for bad queries.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaReport } from '../../../shared/contracts/qaReport';
import { addTechSupportLead, connectSocket, startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, socketSync } from './socketSync';

const CARD = {
  name: '在线客服质检 Chat quality',
  passThreshold: 80,
  categories: [
    { id: 'greeting', name: '问候 Greeting', weight: 1, scale: 'binary' },
    { id: 'accuracy', name: '准确 Accuracy', weight: 3, scale: '5', critical: true },
    { id: 'empathy', name: '同理心 Empathy', weight: 2, scale: '4', naAllowed: true },
  ],
};
const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-11-16T00:00:00.000Z';
const PERIOD = `from=${FROM}&to=${TO}`;

describe.each(testBackends())('the quality report (%s)', (backend) => {
  let server: TestServer;
  const tokens: Record<'admin' | 'lead' | 'techLead' | 'agent' | 'reviewer', string> = {} as never;
  const sockets: Record<'admin' | 'lead' | 'agent', Socket> = {} as never;
  const { pushOk } = socketSync();
  const cardId = randomUUID();

  const report = async (token: string | null, query: string) => {
    const response = await fetch(`${server.url}/api/v1/reports/qa?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as QaReport & { code?: string } };
  };

  const version = (conversationId: string) => conversationVersion(server, conversationId);

  /** A chat (售前) held by `assigneeId`, moved to `teamId` first when given, reviewed by the lead. */
  const reviewed = async (
    assigneeId: string,
    ratings: Record<string, number | 'na'>,
    submittedAt: string | null,
    teamId?: string,
  ) => {
    const response = await server.ingest({
      channel: 'chat',
      externalId: randomUUID(),
      contact: { externalId: randomUUID(), name: '王芳' },
      text: '我的订单还没到，能帮我查一下吗？',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    if (teamId)
      await pushOk(sockets.lead, 'conversation.transfer', {
        conversationId,
        teamId,
        assigneeId,
        baseVersion: await version(conversationId),
      });
    else
      await pushOk(sockets.lead, 'conversation.assign', {
        conversationId,
        assigneeId,
        baseVersion: await version(conversationId),
      });
    const id = randomUUID();
    await pushOk(sockets.lead, 'qa.review.submit', {
      id,
      conversationId,
      assignmentId: null,
      scorecardId: cardId,
      scorecardVersion: 1,
      ratings,
    });
    // Reviews are stamped with the server's clock; date them into the weeks the report reads.
    if (submittedAt)
      await server.db.db.updateTable('qa_reviews').set({ submitted_at: submittedAt }).where('id', '=', id).execute();
    return { id, conversationId };
  };

  let disputed = '';

  beforeAll(async () => {
    server = await startTestServer({ backend });
    // A lead of tech support only.
    await addTechSupportLead(server, new Date().toISOString());
    const emails = {
      admin: 'admin@demo.switchboard',
      lead: 'liu.yang@demo.switchboard',
      techLead: 'tech.lead@demo.switchboard',
      agent: 'li.na@demo.switchboard',
      reviewer: 'zhou.min@demo.switchboard',
    } as const;
    for (const [who, email] of Object.entries(emails)) tokens[who as keyof typeof emails] = (await server.login(email)).token;
    sockets.admin = await connectSocket(server.url, tokens.admin, server);
    sockets.lead = await connectSocket(server.url, tokens.lead, server);
    sockets.agent = await connectSocket(server.url, tokens.agent, server);

    await pushOk(sockets.admin, 'qa.scorecard.save', { id: cardId, fields: CARD });
    // Week of Monday 2 November: li.na passes one (81.25) and fails one on the critical category (0).
    await reviewed('agent-li-na', { greeting: 1, accuracy: 4, empathy: 'na' }, '2026-11-02T09:00:00.000Z');
    disputed = (await reviewed('agent-li-na', { greeting: 0, accuracy: 2, empathy: 1 }, '2026-11-08T23:30:00.000Z')).id;
    // Week of Monday 9 November: chen.jie in tech support, full marks.
    await reviewed('agent-chen-jie', { greeting: 1, accuracy: 5, empathy: 4 }, '2026-11-09T00:00:00.000Z', 'team-techsupport');
    // Today: outside the period.
    await reviewed('agent-emma-clark', { greeting: 1, accuracy: 1, empathy: 1 }, null);

    // li.na disputes the failed one and the lead accepts her ratings: it is rescored.
    await pushOk(sockets.agent, 'qa.review.dispute', {
      reviewId: disputed,
      comment: '我核实过订单状态',
      proposedRatings: { greeting: 1, accuracy: 4, empathy: 3 },
    });
    await pushOk(sockets.lead, 'qa.review.resolve', { reviewId: disputed, outcome: 'accepted' });
    // A renamed category after the reviews: the report shows the newest name.
    await pushOk(sockets.admin, 'qa.scorecard.save', {
      id: cardId,
      fields: {
        ...CARD,
        categories: CARD.categories.map((c) => (c.id === 'accuracy' ? { ...c, name: '解答准确 Accurate answer' } : c)),
      },
    });
  });

  afterAll(() => server?.cleanup());

  // (100 + 75 × 3 + 66.67 × 2) / 6 once the dispute was accepted.
  const settled = (100 + 75 * 3 + (200 / 3) * 2) / 6;
  // qa_reviews.score is `real`: single precision on PostgreSQL, so stored scores agree to ~7 digits.
  const STORED = 4;

  it('gives an admin every team: averages and pass rates per agent, team and week', async () => {
    const { status, body } = await report(tokens.admin, PERIOD);
    expect(status).toBe(200);
    expect(body.teamIds).toEqual(expect.arrayContaining(['team-presales', 'team-techsupport', 'team-vip']));
    expect(body.overall.reviews).toBe(3);
    expect(body.overall.averageScore).toBeCloseTo((81.25 + settled + 100) / 3, STORED);
    expect(body.overall.passRate).toBeCloseTo(2 / 3, 10);

    const agents = Object.fromEntries(body.byAgent.map((row) => [row.agentId, row]));
    expect(Object.keys(agents).sort()).toEqual(['agent-chen-jie', 'agent-li-na']);
    expect(agents['agent-li-na']).toMatchObject({ reviews: 2, passRate: 0.5 });
    expect(agents['agent-li-na']!.averageScore).toBeCloseTo((81.25 + settled) / 2, STORED);
    expect(agents['agent-chen-jie']).toEqual({ agentId: 'agent-chen-jie', reviews: 1, averageScore: 100, passRate: 1 });

    expect(body.byTeam.map((row) => [row.teamId, row.reviews, row.passRate])).toEqual([
      ['team-presales', 2, 0.5],
      ['team-techsupport', 1, 1],
    ]);
    expect(body.byWeek.map((row) => [row.weekStart, row.reviews, row.passRate])).toEqual([
      ['2026-11-02', 2, 0.5],
      ['2026-11-09', 1, 1],
    ]);
  });

  it('scores each category on its scale, names it after the newest version, and counts N/A', async () => {
    const { body } = await report(tokens.admin, PERIOD);
    expect(body.byCategory.map((row) => [row.categoryId, row.name, row.reviews, row.naCount])).toEqual([
      ['greeting', '问候 Greeting', 3, 0],
      ['accuracy', '解答准确 Accurate answer', 3, 0],
      ['empathy', '同理心 Empathy', 3, 1],
    ]);
    const average = Object.fromEntries(body.byCategory.map((row) => [row.categoryId, row.averageScore]));
    expect(average.greeting).toBe(100);
    expect(average.accuracy).toBeCloseTo((75 + 75 + 100) / 3, 6);
    expect(average.empathy).toBeCloseTo((200 / 3 + 100) / 2, 6);
  });

  it('lists the reviews for drill-down with their current score and status', async () => {
    const { body } = await report(tokens.admin, PERIOD);
    expect(body.reviews.map((r) => r.submittedAt)).toEqual([
      '2026-11-09T00:00:00.000Z',
      '2026-11-08T23:30:00.000Z',
      '2026-11-02T09:00:00.000Z',
    ]);
    expect(body.reviewsTruncated).toBe(false);
    const settledReview = body.reviews.find((r) => r.id === disputed);
    expect(settledReview).toMatchObject({ agentId: 'agent-li-na', reviewerId: 'agent-liu-yang', status: 'resolved', passed: false });
    expect(settledReview!.score).toBeCloseTo(settled, STORED);
    expect(settledReview!.categoryScores).toMatchObject({ greeting: 100, accuracy: 75 });

    const liNa = await report(tokens.admin, `${PERIOD}&agentId=agent-li-na`);
    expect(liNa.body.agentId).toBe('agent-li-na');
    expect(liNa.body.reviews.map((r) => r.agentId)).toEqual(['agent-li-na', 'agent-li-na']);
  });

  it('limits a lead to their own teams: another team is 403', async () => {
    const own = await report(tokens.techLead, PERIOD);
    expect(own.status).toBe(200);
    expect(own.body.teamIds).toEqual(['team-techsupport']);
    expect(own.body.overall).toEqual({ reviews: 1, averageScore: 100, passRate: 1 });
    expect(own.body.byAgent.map((row) => row.agentId)).toEqual(['agent-chen-jie']);
    // li.na's reviews are in 售前: this lead sees none of them, even asking for her.
    expect((await report(tokens.techLead, `${PERIOD}&agentId=agent-li-na`)).body.overall.reviews).toBe(0);

    const refused = await report(tokens.techLead, `${PERIOD}&teamId=team-presales`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');

    const presales = await report(tokens.lead, `${PERIOD}&teamId=team-presales`);
    expect(presales.status).toBe(200);
    expect(presales.body.teamIds).toEqual(['team-presales']);
    expect(presales.body.overall.reviews).toBe(2);
  });

  it('refuses agents and reviewers before reading the query, and bad queries with 400', async () => {
    for (const token of [tokens.agent, tokens.reviewer]) {
      expect((await report(token, PERIOD)).status).toBe(403);
      expect((await report(token, 'from=yesterday')).body.code).toBe('forbidden');
    }
    expect((await report(null, PERIOD)).status).toBe(401);
    expect((await report(tokens.admin, 'from=yesterday&to=today')).body.code).toBe('invalid');
    expect((await report(tokens.admin, `from=${TO}&to=${FROM}`)).status).toBe(400);
    expect((await report(tokens.admin, 'from=2025-01-01T00:00:00Z&to=2026-06-01T00:00:00Z')).status).toBe(400);
    expect((await report(tokens.admin, `${PERIOD}&teamId=team-nowhere`)).status).toBe(404);
  });
});
