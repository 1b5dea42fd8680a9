/**
 * Calibration on a real server (SQLite, and PostgreSQL when configured): a lead asks two reviewers
 * to score the same finished conversation. Each gets an ordinary assignment with the transcript;
 * neither sees the other's scores before submitting their own (the session reaches a reviewer only
 * once they have submitted), the lead sees the session fill in, and the spread per category is
 * what the reviewers gave. The agent hears nothing of it, and the quality report leaves it out.
 * Who may start one, and what a bad one gets back.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/contracts/sync';
import { calibrationSpread, type Calibration } from '../../../shared/qa';
import { writeTransaction } from '../../../server/db/database';
import { startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, QA_CREW, signInCrew, socketSync } from './socketSync';

const CARD = {
  name: 'Calibration card',
  passThreshold: 80,
  categories: [
    { id: 'greeting', name: 'Greeting', weight: 1, scale: 'binary' },
    { id: 'solution', name: 'Solution', weight: 3, scale: '5' },
  ],
};

describe.each(testBackends())('calibration (%s)', (backend) => {
  let server: TestServer;
  const crew = { ...QA_CREW, second: 'sun.li@demo.switchboard' } as const;
  const sockets = {} as Record<keyof typeof crew, Socket>;
  const tokens = {} as Record<keyof typeof crew, string>;
  const { push, pushOk, pullNew } = socketSync();
  const cardId = randomUUID();
  let conversationId = '';

  const calibrationsIn = (changes: Change[]) =>
    changes.flatMap((change) => (change.type === 'qa_calibration.updated' ? [change.calibration] : []));

  beforeAll(async () => {
    server = await startTestServer({ backend });
    await signInCrew(server, crew, tokens, sockets);
    await pushOk(sockets.admin, 'qa.scorecard.save', { id: cardId, fields: CARD });
    const response = await server.ingest({
      channel: 'chat',
      externalId: randomUUID(),
      contact: { externalId: randomUUID(), name: '赵磊' },
      text: '我想改一下收货地址',
    });
    ({ conversationId } = (await response.json()) as { conversationId: string });
    const teamId = (
      await server.db.db.selectFrom('conversations').select('team_id').where('id', '=', conversationId).executeTakeFirstOrThrow()
    ).team_id;
    if (teamId !== 'team-presales')
      await pushOk(sockets.lead, 'conversation.transfer', {
        conversationId,
        teamId: 'team-presales',
        assigneeId: null,
        baseVersion: await conversationVersion(server, conversationId),
      });
    await pushOk(sockets.agent, 'conversation.assign', {
      conversationId,
      assigneeId: 'agent-li-na',
      baseVersion: await conversationVersion(server, conversationId),
    });
    await pushOk(sockets.agent, 'message.send', { conversationId, messageId: randomUUID(), kind: 'text', text: '好的，已为您修改。' });
    await pushOk(sockets.agent, 'conversation.setStatus', {
      conversationId,
      status: 'resolved',
      baseVersion: await conversationVersion(server, conversationId),
    });
    for (const socket of Object.values(sockets)) await pullNew(socket);
  });

  afterAll(async () => {
    await server?.cleanup();
  });

  const start = (who: keyof typeof crew, reviewerIds: string[], id: string = randomUUID()) =>
    push(sockets[who], 'qa.calibration.start', { id, conversationId, scorecardId: cardId, reviewerIds });

  it('lets only the team’s leads and admins start one, with reviewers who did not take part', async () => {
    const byAgent = await start('agent', ['agent-zhou-min', 'agent-sun-li']);
    expect(byAgent.ok).toBe(false);
    const byReviewer = await start('reviewer', ['agent-zhou-min', 'agent-sun-li']);
    expect(byReviewer.ok).toBe(false);
    const withAgent = await start('lead', ['agent-zhou-min', 'agent-li-na']);
    expect(withAgent).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(withAgent.ok ? '' : withAgent.error.message).toContain('李娜');
    const twice = await start('lead', ['agent-zhou-min', 'agent-zhou-min']);
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const alone = await start('lead', ['agent-zhou-min']);
    expect(alone.ok).toBe(false);
  });

  let calibrationId = '';
  const assignmentOf: Record<string, string> = {};

  it('gives each reviewer an assignment with the transcript, and the agent nothing', async () => {
    calibrationId = randomUUID();
    expect((await start('lead', ['agent-zhou-min', 'agent-sun-li'], calibrationId)).ok).toBe(true);
    for (const who of ['reviewer', 'second'] as const) {
      const heard = (await pullNew(sockets[who])).flatMap((c) => (c.type === 'qa_assignment.updated' ? [c] : []));
      expect(heard).toHaveLength(1);
      expect(heard[0]!.assignment).toMatchObject({ source: 'calibration', calibrationId, agentId: null, status: 'open' });
      expect(heard[0]!.transcript?.messages.map((m) => m.text)).toContain('好的，已为您修改。');
      assignmentOf[who] = heard[0]!.assignment.id;
      // Nobody has submitted: a reviewer hears nothing of the session yet.
      expect(calibrationsIn(await pullNew(sockets[who]))).toEqual([]);
    }
    const lead = calibrationsIn(await pullNew(sockets.lead));
    expect(lead.at(-1)).toMatchObject({ id: calibrationId, reviewerIds: ['agent-zhou-min', 'agent-sun-li'], entries: [] });
    expect(await pullNew(sockets.agent)).toEqual([]);
  });

  const submit = (who: 'reviewer' | 'second', ratings: Record<string, number | 'na'>) =>
    pushOk(sockets[who], 'qa.review.submit', {
      id: randomUUID(),
      conversationId,
      assignmentId: assignmentOf[who],
      scorecardId: cardId,
      scorecardVersion: 1,
      ratings,
    });

  it('keeps it blind: a reviewer sees the others’ scores only once they have submitted their own', async () => {
    await submit('reviewer', { greeting: 1, solution: 5 });
    const first = calibrationsIn(await pullNew(sockets.reviewer));
    expect(first.at(-1)!.entries.map((entry) => entry.reviewerId)).toEqual(['agent-zhou-min']);
    // The second reviewer, still scoring, hears neither the session nor the first review.
    const meanwhile = await pullNew(sockets.second);
    expect(calibrationsIn(meanwhile)).toEqual([]);
    expect(meanwhile.filter((c) => c.type === 'qa_review.updated')).toEqual([]);

    await submit('second', { greeting: 0, solution: 3 });
    const both = calibrationsIn(await pullNew(sockets.second)).at(-1)!;
    expect(both.entries.map((entry) => entry.reviewerId)).toEqual(['agent-zhou-min', 'agent-sun-li']);
    // The first reviewer now sees the second's scores too, and so does the lead.
    expect(calibrationsIn(await pullNew(sockets.reviewer)).at(-1)!.entries).toHaveLength(2);
    const session: Calibration = calibrationsIn(await pullNew(sockets.lead)).at(-1)!;
    expect(session.entries).toHaveLength(2);

    const spread = calibrationSpread(session.entries, ['greeting', 'solution']);
    expect(spread.categories).toMatchObject([
      { categoryId: 'greeting', min: 0, max: 100, range: 100 },
      { categoryId: 'solution', min: 50, max: 100, range: 50 },
    ]);
    // 1/1 and 5/5 → 100; 0/1 and 3/5 → (0 + 50 × 3) / 4 = 37.5
    expect(spread.total).toMatchObject({ min: 37.5, max: 100 });
    expect(await pullNew(sockets.agent)).toEqual([]);
  });

  it('leaves calibration reviews out of the quality report', async () => {
    const now = Date.now();
    const report = await fetch(
      `${server.url}/api/v1/reports/qa?from=${new Date(now - 86_400_000).toISOString()}&to=${new Date(now + 86_400_000).toISOString()}`,
      { headers: { authorization: `Bearer ${tokens.lead}` } },
    );
    expect(report.status).toBe(200);
    const body = (await report.json()) as { overall: { reviews: number }; reviews: { conversationId: string }[] };
    expect(body.reviews.map((review) => review.conversationId)).not.toContain(conversationId);
    // Two reviews exist for the conversation, both marked as calibration.
    const rows = await writeTransaction(server.db, (trx) =>
      trx.selectFrom('qa_reviews').select(['calibration_id', 'agent_id']).where('conversation_id', '=', conversationId).execute(),
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.calibration_id === calibrationId && row.agent_id === null)).toBe(true);
  });
});
