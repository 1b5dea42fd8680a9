/**
 * The KPI report on a real server (SQLite, and PostgreSQL when configured) with a controllable
 * clock: conversations with known outcomes arrive through the ingest API and are worked through
 * pushes (assign, reply, resolve, a customer writing again, a second agent taking over), surveys
 * are answered and re-rated over HTTP, then GET /api/v1/reports/kpi is read by an admin, a lead
 * of every team, a lead of one team, an agent and a reviewer: volume, first response and
 * resolution times, talk time, first-contact resolution, reopen and transfer rates, SLA hit rates,
 * CSAT counted once with its latest score, NPS, the days in the centre's time zone, the filters,
 * and typed errors for everyone else and for bad queries.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../../shared/contracts/kpiReport';
import { addTechSupportLead, connectSocket, startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, socketSync } from './socketSync';

/** Wall clock plus an offset the test sets and moves forward. */
function controllableClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set(iso: string) {
      offsetMs = Date.parse(iso) - Date.now();
    },
    advance(ms: number) {
      offsetMs += ms;
    },
  };
}

// The demo centre's calendars are in Asia/Shanghai (UTC+8): the period is 9 and 10 November there.
const FROM = '2026-11-08T16:00:00.000Z';
const TO = '2026-11-10T16:00:00.000Z';
const PERIOD = `from=${FROM}&to=${TO}`;
const MIN = 60_000;

/** Within a few seconds of `expected`: the clock also runs while the test works. */
const about = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeGreaterThanOrEqual(expected);
  expect(actual!).toBeLessThan(expected + 5);
};

describe.each(testBackends())('the KPI report (%s)', (backend) => {
  let server: TestServer;
  const clock = controllableClock();
  const tokens: Record<'admin' | 'lead' | 'techLead' | 'agent' | 'reviewer', string> = {} as never;
  const sockets: Record<'lead' | 'liNa' | 'emma' | 'chenJie', Socket> = {} as never;
  const { pushOk } = socketSync();

  const report = async (token: string | null, query: string) => {
    const response = await fetch(`${server.url}/api/v1/reports/kpi?${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: (await response.json()) as KpiReport & { code?: string; message?: string } };
  };

  const started = async (channel: 'chat' | 'email' | 'voice', text: string, thread = randomUUID()) => {
    const response = await server.ingest({
      channel,
      externalId: randomUUID(),
      conversationExternalId: thread,
      contact: { externalId: `kpi-${thread}`, name: '王芳' },
      text,
      ...(channel === 'voice' ? { call: { durationSec: 184 } } : {}),
    });
    expect(response.status).toBe(202);
    return { conversationId: ((await response.json()) as { conversationId: string }).conversationId, thread };
  };
  const version = (conversationId: string) => conversationVersion(server, conversationId);
  const hand = async (conversationId: string, teamId: string, assigneeId: string) =>
    pushOk(sockets.lead, 'conversation.transfer', { conversationId, teamId, assigneeId, baseVersion: await version(conversationId) });
  const reply = (socket: Socket, conversationId: string) =>
    pushOk(socket, 'message.send', { conversationId, messageId: randomUUID(), kind: 'text', text: '您好，已为您处理。' });
  const note = (socket: Socket, conversationId: string) =>
    pushOk(socket, 'message.send', { conversationId, messageId: randomUUID(), kind: 'note', text: '内部备注' });
  const resolve = async (socket: Socket, conversationId: string) =>
    pushOk(socket, 'conversation.setStatus', { conversationId, status: 'resolved', baseVersion: await version(conversationId) });
  const rate = async (conversationId: string, kind: 'csat' | 'nps', score: number, token: string) => {
    const response = await fetch(`${server.url}/api/v1/ingest/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ conversationId, kind, score }),
    });
    expect(response.status).toBe(202);
  };

  beforeAll(async () => {
    server = await startTestServer({ backend, now: clock.now, tokenTtlHours: 24 * 30 });
    clock.set('2026-11-08T12:00:00.000Z');
    await addTechSupportLead(server, clock.now().toISOString());
    const emails = {
      admin: 'admin@demo.switchboard',
      lead: 'liu.yang@demo.switchboard',
      techLead: 'tech.lead@demo.switchboard',
      agent: 'li.na@demo.switchboard',
      reviewer: 'zhou.min@demo.switchboard',
    } as const;
    for (const [who, email] of Object.entries(emails)) tokens[who as keyof typeof emails] = (await server.login(email)).token;
    sockets.lead = await connectSocket(server.url, tokens.lead, server);
    sockets.liNa = await connectSocket(server.url, tokens.agent, server);
    sockets.emma = await connectSocket(server.url, (await server.login('emma.clark@demo.switchboard')).token, server);
    sockets.chenJie = await connectSocket(server.url, (await server.login('chen.jie@demo.switchboard')).token, server);

    // 8 November, 20:00 in Shanghai: before the period.
    const before = await started('chat', '订单什么时候发货？');
    await hand(before.conversationId, 'team-presales', 'agent-li-na');
    await reply(sockets.liNa, before.conversationId);

    // 9 November, 23:50 in Shanghai: an email nobody has answered yet (outside office hours, so
    // its SLA clock has not started and nothing here is due before the test ends).
    clock.set('2026-11-09T15:50:00.000Z');
    await started('email', '请问你们几点上班？');

    // 10 November, from 00:10 in Shanghai.
    clock.set('2026-11-09T16:10:00.000Z');
    // A: li.na answers in 2 min (a note first, which is no answer) and resolves at 10 min; the
    // customer rates 2, then re-rates 5; NPS 9.
    const a = await started('chat', '我想改一下收货地址');
    await hand(a.conversationId, 'team-presales', 'agent-li-na');
    clock.advance(1 * MIN);
    await note(sockets.liNa, a.conversationId);
    clock.advance(1 * MIN);
    await reply(sockets.liNa, a.conversationId);
    clock.advance(8 * MIN);
    await resolve(sockets.liNa, a.conversationId);
    await rate(a.conversationId, 'csat', 2, 'demo-chat-token');
    await rate(a.conversationId, 'csat', 5, 'demo-chat-token');
    await rate(a.conversationId, 'nps', 9, 'demo-chat-token');

    // B: li.na answers in 4 min and resolves at 10 min; the customer writes again 5 min later
    // (reopened), li.na answers 2 min later and resolves again 3 min after that. CSAT 3, NPS 3.
    const b = await started('chat', '优惠券用不了');
    await hand(b.conversationId, 'team-presales', 'agent-li-na');
    clock.advance(4 * MIN);
    await reply(sockets.liNa, b.conversationId);
    clock.advance(6 * MIN);
    await resolve(sockets.liNa, b.conversationId);
    clock.advance(5 * MIN);
    await started('chat', '还是不行', b.thread);
    clock.advance(2 * MIN);
    await reply(sockets.liNa, b.conversationId);
    clock.advance(3 * MIN);
    await resolve(sockets.liNa, b.conversationId);
    await rate(b.conversationId, 'csat', 3, 'demo-chat-token');
    await rate(b.conversationId, 'nps', 3, 'demo-chat-token');

    // C: an email li.na answers in 1 min, then hands to emma, who answers and resolves at 30 min.
    const c = await started('email', '发票抬头开错了');
    await hand(c.conversationId, 'team-presales', 'agent-li-na');
    clock.advance(1 * MIN);
    await reply(sockets.liNa, c.conversationId);
    await hand(c.conversationId, 'team-presales', 'agent-emma-clark');
    await reply(sockets.emma, c.conversationId);
    clock.advance(29 * MIN);
    await resolve(sockets.emma, c.conversationId);

    // D: a chat answered after 7 min, past the 5-minute live-chat target; still open.
    const d = await started('chat', '什么时候有货？');
    await hand(d.conversationId, 'team-presales', 'agent-li-na');
    clock.advance(7 * MIN);
    await reply(sockets.liNa, d.conversationId);

    // E: a 184-second phone call in tech support, answered by chen.jie after 3 min.
    const e = await started('voice', '客户来电：路由器无法联网');
    await hand(e.conversationId, 'team-techsupport', 'agent-chen-jie');
    clock.advance(3 * MIN);
    await reply(sockets.chenJie, e.conversationId);
  });

  afterAll(() => server?.cleanup());

  it('gives a lead the volume, response and resolution times of the period, overall', async () => {
    const { status, body } = await report(tokens.lead, PERIOD);
    expect(status).toBe(200);
    expect(body.timeZone).toBe('Asia/Shanghai');
    const o = body.overall;
    // The unanswered email, A, B, C, D and the call; not the chat of 8 November.
    expect(o.conversations).toBe(6);
    // Answered: A 120 s, B 240 s, C 60 s, D 420 s, E 180 s (the note does not count as an answer).
    expect(o.firstResponse.count).toBe(5);
    about(o.firstResponse.medianSec, 180);
    about(o.firstResponse.p90Sec, 420);
    // Next response: only B's customer wrote again after an answer (2 min); C's second agent
    // reply followed no customer message, so it is no wait.
    expect(o.nextResponse.count).toBe(1);
    about(o.nextResponse.medianSec, 120);
    about(o.nextResponse.p90Sec, 120);
    // Resolved: A 600 s, B 1200 s (its latest resolution), C 1800 s.
    expect(o.resolution.count).toBe(3);
    about(o.resolution.medianSec, 1200);
    about(o.resolution.p90Sec, 1800);
    // Talk time is known for the call only.
    expect(o.handleTime).toEqual({ count: 1, medianSec: 184, p90Sec: 184 });
  });

  it('counts first-contact resolution, reopens, transfers and SLA hit rates', async () => {
    const o = (await report(tokens.lead, PERIOD)).body.overall;
    expect({ resolved: o.resolved, reopened: o.reopened, handled: o.handled, transferred: o.transferred }).toEqual({
      resolved: 3,
      reopened: 1,
      handled: 5,
      transferred: 1,
    });
    // Of A, B and C only A was resolved at first contact (B reopened, C had two agents).
    expect(o.firstContactResolution).toBeCloseTo(100 / 3, 6);
    expect(o.reopenRate).toBeCloseTo(100 / 3, 6);
    expect(o.transferRate).toBeCloseTo(20, 6);
    // D's first answer came after its 5-minute target; every other first answer was in time.
    expect(o.sla.firstResponse.breached).toBe(1);
    expect(o.sla.firstResponse.met).toBe(4);
    expect(o.sla.firstResponse.hitRate).toBeCloseTo(80, 6);
    // Nothing started with the bot in this centre's test set-up.
    expect({ botStarted: o.botStarted, botContainment: o.botContainment }).toEqual({ botStarted: 0, botContainment: null });
  });

  it('counts a re-rated CSAT once, with its latest score', async () => {
    const o = (await report(tokens.lead, PERIOD)).body.overall;
    // A's current answer is 5 (was 2), B's is 3: one satisfied of two.
    expect(o.csat).toEqual({ answers: 2, score: 50 });
    // One promoter (9), one detractor (3).
    expect(o.nps).toEqual({ answers: 2, score: 0 });
  });

  it('breaks the figures down by team, agent, channel and day in the centre’s time zone', async () => {
    const { body } = await report(tokens.lead, PERIOD);
    const team = Object.fromEntries(body.byTeam.map((row) => [row.teamId, row.conversations]));
    expect(team['team-techsupport']).toBe(1);
    expect(team['team-presales']! + (team['team-aftersales'] ?? 0) + (team['team-vip'] ?? 0)).toBe(5);

    const liNa = body.byAgent.find((row) => row.agentId === 'agent-li-na')!;
    expect(liNa.conversations).toBe(3); // A, B, D (C is emma's now)
    expect(liNa.csat).toEqual({ answers: 2, score: 50 });
    const emma = body.byAgent.find((row) => row.agentId === 'agent-emma-clark')!;
    expect(emma.transferred).toBe(1);
    expect(body.byAgent.find((row) => row.agentId === null)?.conversations).toBe(1);

    const channels = Object.fromEntries(body.byChannel.map((row) => [row.channel, row.conversations]));
    expect(channels).toEqual({ chat: 3, email: 2, voice: 1 });

    expect(body.byDay.map((row) => [row.day, row.conversations])).toEqual([
      ['2026-11-09', 1],
      ['2026-11-10', 5],
    ]);
    // Tags are whatever the classifier said; each tagged conversation counts in each of its tags.
    for (const row of body.byTag) expect(row.conversations).toBeLessThanOrEqual(6);
  });

  it('narrows to one agent, one channel or one tag', async () => {
    const chat = (await report(tokens.lead, `${PERIOD}&channel=chat&agentId=agent-li-na`)).body;
    expect(chat.overall.conversations).toBe(3);
    expect(chat.channel).toBe('chat');
    expect(chat.agentId).toBe('agent-li-na');
    const all = (await report(tokens.lead, PERIOD)).body;
    const tag = all.byTag[0];
    if (tag) {
      const tagged = (await report(tokens.lead, `${PERIOD}&tag=${encodeURIComponent(tag.tag)}`)).body;
      expect(tagged.overall.conversations).toBe(tag.conversations);
      expect(tagged.tag).toBe(tag.tag);
    }
    expect((await report(tokens.lead, `${PERIOD}&tag=no-such-tag`)).body.overall.conversations).toBe(0);
  });

  it('gives a lead of one team that team only, and an admin every team', async () => {
    const tech = await report(tokens.techLead, PERIOD);
    expect(tech.status).toBe(200);
    expect(tech.body.teamIds).toEqual(['team-techsupport']);
    expect(tech.body.overall.conversations).toBe(1);
    expect(tech.body.overall.handleTime.medianSec).toBe(184);
    expect((await report(tokens.techLead, `${PERIOD}&teamId=team-presales`)).status).toBe(403);

    const admin = await report(tokens.admin, PERIOD);
    expect(admin.status).toBe(200);
    expect(admin.body.overall.conversations).toBe(6);
    expect((await report(tokens.admin, `${PERIOD}&teamId=team-techsupport`)).body.overall.conversations).toBe(1);
    expect((await report(tokens.admin, `${PERIOD}&teamId=no-such-team`)).status).toBe(404);
  });

  it('refuses agents and reviewers before reading the query, and names bad parameters', async () => {
    for (const token of [tokens.agent, tokens.reviewer]) {
      const refused = await report(token, 'from=garbage');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    expect((await report(null, PERIOD)).status).toBe(401);
    const backwards = await report(tokens.lead, `from=${TO}&to=${FROM}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('invalid');
    const tooLong = await report(tokens.lead, 'from=2025-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toContain('366 days');
    const channel = await report(tokens.lead, `${PERIOD}&channel=fax`);
    expect(channel.status).toBe(400);
    expect(channel.body.message).toContain('channel');
  });
});

describe.each(testBackends())('bot containment in the KPI report (%s)', (backend) => {
  let server: TestServer;
  afterAll(() => server?.cleanup());

  it('counts a conversation the bot answered alone as contained, and one handed to a person as not', async () => {
    server = await startTestServer({ backend, bot: { channels: ['chat'], confidenceThreshold: 0.6, maxTurns: 3 } });
    const from = new Date(Date.now() - 60_000).toISOString();
    const ingest = async (text: string) => {
      const response = await server.ingest({ channel: 'chat', externalId: randomUUID(), contact: { externalId: randomUUID() }, text });
      return ((await response.json()) as { conversationId: string }).conversationId;
    };
    await ingest('What is your return policy?');
    const handedOff = await ingest('转人工');
    await server.bot.idle();
    await server.routing.idle();
    const liNa = await connectSocket(server.url, (await server.login('li.na@demo.switchboard')).token, server);
    await socketSync().pushOk(liNa, 'message.send', { conversationId: handedOff, messageId: randomUUID(), kind: 'text', text: '您好，我是李娜。' });

    const lead = (await server.login('liu.yang@demo.switchboard')).token;
    const to = new Date(Date.now() + 60_000).toISOString();
    const response = await fetch(`${server.url}/api/v1/reports/kpi?from=${from}&to=${to}&channel=chat`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    const { overall } = (await response.json()) as KpiReport;
    expect(overall.conversations).toBe(2);
    expect({ started: overall.botStarted, contained: overall.botContained, rate: overall.botContainment }).toEqual({
      started: 2,
      contained: 1,
      rate: 50,
    });
    // The handed-off one was answered by a person; the contained one never waited for one.
    expect(overall.firstResponse.count).toBe(1);
    expect(overall.handled).toBe(1);
  });
});
