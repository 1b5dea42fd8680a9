/**
 * Sampling on a real server (SQLite, and PostgreSQL when configured), with the server's clock
 * moved by the test: a lead's daily rule draws from the conversations resolved the day before,
 * once, every email (the rule's condition) plus three at random, each sent to the reviewer with its
 * transcript; a skip with "replace" brings another conversation from the same day; a weekly rule
 * spreads the rest of the week over its reviewer and never gives a reviewer a conversation they took
 * part in. Who may edit rules, and what a bad rule gets back.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/contracts/sync';
import type { SamplingRuleInput } from '../../../shared/qa/sampling';
import { startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, QA_CREW, signInCrew, socketSync } from './socketSync';

// Sunday 29 November 2026, noon in Shanghai; the draws happen after midnight (a Monday).
const SUNDAY_NOON = Date.parse('2026-11-29T12:00:00+08:00');
const MONDAY_EARLY = Date.parse('2026-11-30T00:10:00+08:00');
const TEAM = 'team-presales';
const QUESTION = '我的订单还没到，能帮我查一下吗？';

describe.each(testBackends())('sampling (%s)', (backend) => {
  let server: TestServer;
  let clock = SUNDAY_NOON - 3 * 86_400_000; // the demo's own conversations are from days before
  const sockets: Record<'agent' | 'reviewer' | 'lead' | 'admin', Socket> = {} as never;
  const tokens: Record<keyof typeof sockets, string> = {} as never;
  const { push, pullNew } = socketSync();



  const assignmentsIn = (changes: Change[]) =>
    changes.flatMap((change) => (change.type === 'qa_assignment.updated' ? [change] : []));

  const rules = (who: keyof typeof sockets, body?: unknown) =>
    fetch(`${server.url}/api/v1/qa/sampling-rules`, {
      method: body === undefined ? 'GET' : 'PUT',
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const versionOf = (conversationId: string) => conversationVersion(server, conversationId);

  /** A conversation li.na answers (or the lead notes, when `leadNote`) and resolves. */
  const finished = async (channel: 'chat' | 'email', options: { leadNote?: boolean; resolve?: boolean } = {}) => {
    const response = await server.ingest({
      channel,
      externalId: randomUUID(),
      contact: { externalId: randomUUID(), name: '王芳', email: 'wang.fang@example.cn' },
      text: QUESTION,
      ...(channel === 'email' ? { subject: '订单查询' } : {}),
    });
    expect(response.status).toBe(202);
    const { conversationId } = (await response.json()) as { conversationId: string };
    const { team_id: routedTo } = await server.db.db
      .selectFrom('conversations')
      .select('team_id')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    if (routedTo !== TEAM) {
      const moved = await push(sockets.lead, 'conversation.transfer', {
        conversationId,
        teamId: TEAM,
        assigneeId: null,
        baseVersion: await versionOf(conversationId),
      });
      expect(moved.ok).toBe(true);
    }
    const author = options.leadNote ? sockets.lead : sockets.agent;
    const reply = await push(author, 'message.send', {
      conversationId,
      messageId: randomUUID(),
      kind: options.leadNote ? 'note' : 'text',
      text: options.leadNote ? '这单需要关注物流时效。' : '您好，我马上帮您查询。',
    });
    expect(reply.ok).toBe(true);
    if (options.resolve !== false) {
      const resolved = await push(sockets.agent, 'conversation.setStatus', {
        conversationId,
        status: 'resolved',
        baseVersion: await versionOf(conversationId),
      });
      expect(resolved.ok).toBe(true);
    }
    return conversationId;
  };

  beforeAll(async () => {
    server = await startTestServer({
      backend,
      now: () => new Date(clock),
      samplingCheckMs: 3_600_000,
      tokenTtlHours: 24 * 30, // the clock moves days ahead
    });
    await signInCrew(server, QA_CREW, tokens, sockets);
  });

  afterAll(async () => {
    await server?.cleanup();
  });

  const chats: string[] = [];
  let email = '';
  let noted = '';
  let open = '';
  const teamId = TEAM;
  const daily = (): SamplingRuleInput => ({
    id: 'daily-presales',
    name: '每日抽检 Daily sample',
    teamId,
    cycle: 'daily',
    timeZone: 'Asia/Shanghai',
    random: { mode: 'count', amount: 3 },
    conditions: [{ kind: 'channel', channels: ['email'] }],
    reviewers: [{ reviewerId: 'agent-zhou-min', goal: 10 }],
  });

  it('lets only leads and admins edit rules, and names what is wrong with a bad one', async () => {
    clock = SUNDAY_NOON;
    for (let i = 0; i < 6; i += 1) chats.push(await finished('chat'));
    email = await finished('email');
    noted = await finished('chat', { leadNote: true });
    open = await finished('chat', { resolve: false });

    expect((await rules('agent')).status).toBe(403);
    expect((await rules('reviewer', { rules: [daily()] })).status).toBe(403);
    const agentReviews = await rules('lead', {
      rules: [{ ...daily(), reviewers: [{ reviewerId: 'agent-li-na', goal: 5 }] }],
    });
    expect(agentReviews.status).toBe(400);
    expect(((await agentReviews.json()) as { message: string }).message).toContain('agents do not review');
    const badZone = await rules('lead', { rules: [{ ...daily(), timeZone: 'Mars/Olympus' }] });
    expect(badZone.status).toBe(400);
    expect(((await badZone.json()) as { message: string }).message).toContain('not a known time zone');
    const twice = await rules('lead', { rules: [daily(), daily()] });
    expect(twice.status).toBe(400);

    const saved = await rules('lead', { rules: [daily()] });
    expect(saved.status).toBe(200);
    expect(((await (await rules('admin')).json()) as { rules: { id: string }[] }).rules.map((r) => r.id)).toEqual([
      'daily-presales',
    ]);
  });

  let sampled: string[] = [];

  it('draws a cycle once, at its start: every email plus three at random, to the reviewer with the transcript', async () => {
    await pullNew(sockets.reviewer);
    // Still Sunday: the cycle drawn now samples Saturday, which had none of these.
    const sunday = await server.sampling.drawDue();
    expect(sunday.flatMap((draw) => draw.picked)).toEqual([]);

    clock = MONDAY_EARLY;
    const [draw, ...others] = await server.sampling.drawDue();
    expect(others).toEqual([]);
    expect(draw).toMatchObject({ ruleId: 'daily-presales', candidates: 8, unassigned: 0 });
    expect(draw!.picked).toHaveLength(4);
    expect(draw!.picked.filter((pick) => pick.reason === 'channel').map((pick) => pick.conversationId)).toEqual([
      email,
    ]);
    expect(draw!.picked.map((pick) => pick.conversationId)).not.toContain(open);
    expect(await server.sampling.drawDue()).toEqual([]);

    const heard = assignmentsIn(await pullNew(sockets.reviewer));
    expect(heard).toHaveLength(4);
    for (const change of heard) {
      expect(change.assignment).toMatchObject({ reviewerId: 'agent-zhou-min', source: 'sample', status: 'open' });
      expect(change.transcript?.messages.map((m) => m.text)).toContain(QUESTION);
    }
    expect(heard.find((c) => c.assignment.conversationId === email)?.assignment.reason).toBe('sample:channel');
    sampled = heard.map((change) => change.assignment.conversationId);
    // A restart of the job (a new leader) finds the cycle drawn and draws nothing.
    expect(await server.sampling.drawDue()).toEqual([]);
  });

  it('replaces a skipped sample with another conversation of the same day', async () => {
    const [first] = assignmentsIn(await pullNew(sockets.lead)).filter((c) => c.assignment.reviewerId === 'agent-zhou-min');
    expect(first).toBeDefined();
    const skipped = await push(sockets.reviewer, 'qa.skip', {
      assignmentId: first!.assignment.id,
      reason: '客户要求删除记录 Customer asked for deletion',
      replace: true,
    });
    expect(skipped.ok).toBe(true);
    const heard = assignmentsIn(await pullNew(sockets.reviewer));
    expect(heard.map((c) => c.assignment.status).sort()).toEqual(['open', 'skipped']);
    const replacement = heard.find((c) => c.assignment.status === 'open')!;
    expect(replacement.assignment).toMatchObject({ source: 'sample', reason: 'sample:replacement' });
    expect([...chats, noted]).toContain(replacement.assignment.conversationId);
    expect(sampled).not.toContain(replacement.assignment.conversationId);
    expect(replacement.transcript?.messages.length).toBeGreaterThan(0);
    sampled.push(replacement.assignment.conversationId);
  });

  it('spreads a weekly rule over the rest of the week, never to a reviewer who took part', async () => {
    const weekly: SamplingRuleInput = {
      id: 'weekly-lead',
      name: '每周复核 Weekly check',
      teamId,
      cycle: 'weekly',
      timeZone: 'Asia/Shanghai',
      random: { mode: 'percent', amount: 100 },
      reviewers: [{ reviewerId: 'agent-liu-yang', goal: 50 }],
    };
    expect((await rules('admin', { rules: [daily(), weekly] })).status).toBe(200);
    const [draw, ...others] = await server.sampling.drawDue();
    expect(others).toEqual([]);
    expect(draw!.ruleId).toBe('weekly-lead');
    const rest = [...chats, noted].filter((id) => !sampled.includes(id));
    expect(draw!.candidates).toBe(rest.length);
    const picked = draw!.picked.map((pick) => pick.conversationId);
    // The lead wrote a note in `noted`: it stays unassigned rather than go to them.
    expect(picked).not.toContain(noted);
    expect(picked.sort()).toEqual(rest.filter((id) => id !== noted).sort());
    expect(draw!.unassigned).toBe(rest.includes(noted) ? 1 : 0);
    expect(draw!.picked.every((pick) => pick.reviewerId === 'agent-liu-yang')).toBe(true);
  });
});
