/**
 * Auto-QA on a real server (SQLite, and PostgreSQL when configured): an admin sets the rules; every
 * conversation an agent resolves is evaluated after the fact, each hit naming the message that
 * fired it; a reviewer sent the conversation finds the hits in the assignment (offline with the
 * transcript); a conversation reopened and resolved again is judged again; sampling takes every
 * conversation a chosen rule flagged, and every one whose customer gave a low CSAT (their latest
 * answer). Who may read and edit the rules, and what a bad rule gets back.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/contracts/sync';
import { STARTER_AUTO_QA_RULES, type AutoQaResult } from '../../../shared/qa';
import type { SamplingRuleInput } from '../../../shared/qa/sampling';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, QA_CREW, signInCrew, socketSync } from './socketSync';

// Wednesday 2 December 2026, noon in Shanghai; the sampling draw happens after midnight.
const WEDNESDAY_NOON = Date.parse('2026-12-02T12:00:00+08:00');
const THURSDAY_EARLY = Date.parse('2026-12-03T00:10:00+08:00');
const TEAM = 'team-presales';

describe.each(testBackends())('auto-QA (%s)', (backend) => {
  let server: TestServer;
  let clock = WEDNESDAY_NOON;
  const sockets: Record<'agent' | 'reviewer' | 'lead' | 'admin', Socket> = {} as never;
  const tokens: Record<keyof typeof sockets, string> = {} as never;
  const { pushOk, pullNew } = socketSync();

  const autoRules = (who: keyof typeof sockets, body?: unknown) =>
    fetch(`${server.url}/api/v1/qa/auto-rules`, {
      method: body === undefined ? 'GET' : 'PUT',
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const resultOf = async (conversationId: string) => {
    const row = await server.db.db
      .selectFrom('qa_auto_results')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row
      ? { version: Number(row.conversation_version), hits: JSON.parse(row.hits) as AutoQaResult['hits'] }
      : null;
  };

  /** A chat the customer opens, li.na answers with `replies` and resolves; its id and the reply ids. */
  const conversation = async (replies: string[]) => {
    const response = await server.ingest({
      channel: 'chat',
      externalId: randomUUID(),
      contact: { externalId: randomUUID(), name: '陈静' },
      text: '我的订单还没到，能帮我查一下吗？',
    });
    expect(response.status).toBe(202);
    const { conversationId } = (await response.json()) as { conversationId: string };
    const routed = await server.db.db
      .selectFrom('conversations')
      .select('team_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    if (routed.team_id !== TEAM)
      await pushOk(sockets.lead, 'conversation.transfer', {
        conversationId,
        teamId: TEAM,
        assigneeId: null,
        baseVersion: await conversationVersion(server, conversationId),
      });
    const replyIds: string[] = [];
    for (const text of replies) {
      clock += 20_000; // the thread's order is its messages' times
      const messageId = randomUUID();
      await pushOk(sockets.agent, 'message.send', { conversationId, messageId, kind: 'text', text });
      replyIds.push(messageId);
    }
    await pushOk(sockets.agent, 'conversation.setStatus', {
      conversationId,
      status: 'resolved',
      baseVersion: await conversationVersion(server, conversationId),
    });
    return { conversationId, replyIds };
  };

  beforeAll(async () => {
    server = await startTestServer({
      backend,
      now: () => new Date(clock),
      samplingCheckMs: 3_600_000,
      autoQaCheckMs: 3_600_000,
      tokenTtlHours: 24 * 30,
    });
    await signInCrew(server, QA_CREW, tokens, sockets);
  });

  afterAll(async () => {
    await server?.cleanup();
  });

  it('lets admins edit the rules, leads and reviewers read them, agents neither; a bad rule is named', async () => {
    expect((await autoRules('agent')).status).toBe(403);
    expect((await autoRules('lead', { rules: STARTER_AUTO_QA_RULES })).status).toBe(403);
    expect((await autoRules('reviewer', { rules: STARTER_AUTO_QA_RULES })).status).toBe(403);
    const bad = await autoRules('admin', {
      rules: [{ id: 'slow', kind: 'slow_reply', name: { 'zh-CN': '慢', en: 'Slow' }, seconds: 2 }],
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('rules.0.seconds');

    expect((await autoRules('admin', { rules: STARTER_AUTO_QA_RULES })).status).toBe(200);
    for (const who of ['lead', 'reviewer'] as const) {
      const read = await autoRules(who);
      expect(read.status).toBe(200);
      const { rules } = (await read.json()) as { rules: { id: string }[] };
      expect(rules.map((rule) => rule.id)).toEqual(STARTER_AUTO_QA_RULES.map((rule) => rule.id));
    }
  });

  let rude: Awaited<ReturnType<typeof conversation>>;
  let polite: Awaited<ReturnType<typeof conversation>>;

  it('evaluates every resolved conversation after the fact, each hit naming its message', async () => {
    rude = await conversation(['这个不归我管，你自己看物流', '嗯']);
    polite = await conversation([
      '您好，我是客服李娜，马上帮您查询。',
      '已经为您催件，明天送到。还有什么可以帮您？',
    ]);
    // The job judges them after the fact (soon after the resolve, or now when asked; runs never overlap).
    await server.autoQa.evaluateDue();

    const rudeResult = await resultOf(rude.conversationId);
    const byRule = new Map(rudeResult!.hits.map((hit) => [hit.ruleId, hit]));
    expect([...byRule.keys()].sort()).toEqual(['closing', 'forbidden', 'greeting']);
    expect(byRule.get('greeting')).toMatchObject({ messageId: rude.replyIds[0], categoryId: 'greeting' });
    expect(byRule.get('forbidden')).toMatchObject({ messageId: rude.replyIds[0], evidence: '不归我管' });
    expect(byRule.get('closing')).toMatchObject({ messageId: rude.replyIds[1], excerpt: '嗯' });
    expect((await resultOf(polite.conversationId))!.hits).toEqual([]);

    // Evaluated once: a second pass finds nothing new.
    expect((await server.autoQa.evaluateDue()).evaluated).toBe(0);
  });

  it('gives a reviewer the hits with the assignment, named in both languages', async () => {
    await pullNew(sockets.reviewer);
    await pushOk(sockets.lead, 'qa.assign', {
      id: randomUUID(),
      conversationId: rude.conversationId,
      reviewerId: 'agent-zhou-min',
      reason: '服务禁语 Forbidden phrase',
    });
    const heard = (await pullNew(sockets.reviewer)).flatMap((change: Change) =>
      change.type === 'qa_assignment.updated' && change.assignment.conversationId === rude.conversationId
        ? [change]
        : [],
    );
    expect(heard).toHaveLength(1);
    const hits = heard[0]!.transcript?.autoQa?.hits ?? [];
    const forbidden = hits.find((hit) => hit.ruleId === 'forbidden');
    expect(forbidden).toMatchObject({ ruleName: { 'zh-CN': '服务禁语', en: 'Forbidden phrases' } });
    // The hit points at a message the reviewer holds.
    expect(heard[0]!.transcript?.messages.map((message) => message.id)).toContain(forbidden!.messageId);
  });

  it('judges a conversation again when it is reopened and resolved again', async () => {
    const before = await resultOf(polite.conversationId);
    await pushOk(sockets.agent, 'conversation.setStatus', {
      conversationId: polite.conversationId,
      status: 'open',
      baseVersion: await conversationVersion(server, polite.conversationId),
    });
    clock += 20_000;
    await pushOk(sockets.agent, 'message.send', {
      conversationId: polite.conversationId,
      messageId: randomUUID(),
      kind: 'text',
      text: 'Calm down, it is not my problem.',
    });
    // Open again: not judged while it is being worked.
    expect((await server.autoQa.evaluateDue()).evaluated).toBe(0);
    await pushOk(sockets.agent, 'conversation.setStatus', {
      conversationId: polite.conversationId,
      status: 'resolved',
      baseVersion: await conversationVersion(server, polite.conversationId),
    });
    await server.autoQa.evaluateDue();
    const after = await resultOf(polite.conversationId);
    expect(after!.version).toBeGreaterThan(before!.version);
    expect(after!.hits.filter((hit) => hit.ruleId === 'forbidden').map((hit) => hit.evidence)).toEqual([
      'not my problem',
    ]);
  });

  it('samples what a chosen rule flagged and what the customer rated low, nothing else', async () => {
    const unhappy = await conversation(['您好，已为您登记，请耐心等待。谢谢！']);
    const rate = (score: number) =>
      fetch(`${server.url}/api/v1/ingest/surveys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}`, 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: unhappy.conversationId, kind: 'csat', score }),
      });
    expect((await rate(4)).status).toBe(202);
    expect((await rate(1)).status).toBe(202); // re-rated: the latest answer counts
    const happy = await conversation(['您好，已为您登记。谢谢！']);
    expect(
      (
        await fetch(`${server.url}/api/v1/ingest/surveys`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ conversationId: happy.conversationId, kind: 'csat', score: 5 }),
        })
      ).status,
    ).toBe(202);
    await server.autoQa.evaluateDue();

    const rule: SamplingRuleInput = {
      id: 'flags-presales',
      name: '智能质检复核 Auto-QA check',
      teamId: TEAM,
      cycle: 'daily',
      timeZone: 'Asia/Shanghai',
      random: { mode: 'count', amount: 0 },
      conditions: [{ kind: 'auto_qa_flag', ruleIds: ['forbidden'] }, { kind: 'csat_low' }],
      reviewers: [{ reviewerId: 'agent-zhou-min', goal: 20 }],
    };
    const saved = await fetch(`${server.url}/api/v1/qa/sampling-rules`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.lead}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [rule] }),
    });
    expect(saved.status).toBe(200);

    clock = THURSDAY_EARLY;
    const [draw] = await server.sampling.drawDue();
    const picked = new Map(draw!.picked.map((pick) => [pick.conversationId, pick.reason]));
    // `rude` is already with a reviewer, so it is not drawn again.
    expect(picked.get(polite.conversationId)).toBe('auto_qa_flag');
    expect(picked.get(unhappy.conversationId)).toBe('csat_low');
    expect(picked.has(happy.conversationId)).toBe(false);
    expect(picked.size).toBe(2);
  });
});
