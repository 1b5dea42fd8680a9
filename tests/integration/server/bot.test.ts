/**
 * The bot and message classification through the real ingest HTTP API (SQLite, and PostgreSQL
 * when SWITCHBOARD_TEST_DATABASE_URL is set): a knowledge-base answer delivered through the
 * connector, handoffs for "转人工" / "I want a human" / low confidence / the turn limit with the
 * reason and intent in the thread, the handoff landing in the intent's team and dispatched, no
 * double answer under duplicate ingests, a handoff surviving a node stop, and a negative message
 * raising one alert (and the priority) per cool-down.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startServer, type RunningServer } from '../../../server/app';
import { conversationFromRow, getConversationRow } from '../../../server/db/queries/conversations';
import { messageFromRow } from '../../../server/db/queries/messages';
import type { OutboundDelivery } from '../../../server/domain/connectors';
import type { BotSettings } from '../../../server/domain/bot/settings';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { type PushResponse } from '../../../shared/contracts/sync';
import type { Alert } from '../../../shared/contracts/sla';
import type { Channel, Message } from '../../../shared/domain/model';
import { connectSocket, startTestServer, testBackends, type TestServer } from './harness';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';

const BOT: Partial<BotSettings> = { channels: ['chat', 'sms', 'social'], confidenceThreshold: 0.6, maxTurns: 3 };

async function ingest(server: Pick<RunningServer, 'url'>, channel: Channel, contact: string, text: string, options: { externalId?: string; tier?: 'vip' } = {}) {
  const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS[channel]}` },
    body: JSON.stringify({
      channel,
      externalId: options.externalId ?? `m-${randomUUID()}`,
      contact: { externalId: contact, name: contact, ...(options.tier ? { tier: options.tier } : {}) },
      text,
    }),
  });
  expect(response.status).toBe(202);
  return (await response.json()) as { conversationId: string; messageId: string; duplicate: boolean };
}

async function settle(server: RunningServer): Promise<void> {
  await server.bot.idle();
  await server.routing.idle();
}

async function conversation(server: RunningServer, id: string) {
  const row = await getConversationRow(server.db.db, id);
  if (!row) throw new Error(`no conversation ${id}`);
  return conversationFromRow(row);
}

async function thread(server: RunningServer, id: string): Promise<Message[]> {
  const rows = await server.db.db.selectFrom('messages').selectAll().where('conversation_id', '=', id).orderBy('created_at').orderBy('id').execute();
  return rows.map(messageFromRow);
}

async function alertsOf(server: RunningServer, id: string): Promise<Alert[]> {
  const rows = await server.db.db.selectFrom('alerts').select('data').where('conversation_id', '=', id).execute();
  return rows.map((row) => JSON.parse(row.data) as Alert);
}

/** Signs the agent in and sets them available (they may then receive dispatched work). */
async function available(server: TestServer, email: string): Promise<void> {
  const { token } = await server.login(email);
  const socket: Socket = await connectSocket(server.url, token, server);
  const ack = (await socket.emitWithAck(SOCKET_EVENTS.push, {
    clientId: randomUUID(),
    mutations: [{ mutationId: 1, name: 'agent.setStatus', args: { status: 'available' } }],
  })) as Ack<PushResponse>;
  expect(ack.ok).toBe(true);
}

const handoffOf = (messages: Message[]) => messages.find((m) => m.detail?.kind === 'bot_handoff')?.detail;

describe.each(testBackends())('bot and classification (%s)', (backend) => {
  let server: TestServer;
  afterEach(async () => {
    await server.cleanup();
  });

  it('answers a knowledge-base question through the connector and keeps the conversation with the bot', async () => {
    server = await startTestServer({ backend, bot: BOT });
    await available(server, 'li.na@demo.switchboard'); // in 售前: a bot conversation is still not dispatched
    const delivered: OutboundDelivery[] = [];
    server.events.on('outbound', (delivery: OutboundDelivery) => delivered.push(delivery));
    const { conversationId } = await ingest(server, 'chat', 'kb-asker', 'What is your return policy?');
    await settle(server);

    const messages = await thread(server, conversationId);
    const answer = messages.find((m) => m.authorType === 'bot');
    expect(answer).toMatchObject({ direction: 'out', authorId: null, detail: { kind: 'bot_answer', intent: 'kb.return_policy' } });
    expect(answer!.text).toContain('7 days');
    expect(delivered.map((d) => d.message.id)).toEqual([answer!.id]);
    const after = await conversation(server, conversationId);
    expect(after).toMatchObject({ status: 'bot', assigneeId: null, waitingSince: null, lastMessageDirection: 'out' });
    expect(messages[0]!.insight).toMatchObject({ issueType: 'refund', sentiment: { label: 'neutral' } });
  });

  it.each([
    ['转人工', 'chat'],
    ['I want a human', 'sms'],
  ] as const)('hands "%s" (%s) to a person on the first turn, with the reason and intent in the thread', async (text, channel) => {
    server = await startTestServer({ backend, bot: BOT });
    const { conversationId } = await ingest(server, channel, `human-${channel}`, text);
    await settle(server);
    const messages = await thread(server, conversationId);
    expect(messages.some((m) => m.authorType === 'bot')).toBe(false);
    expect(handoffOf(messages)).toMatchObject({ kind: 'bot_handoff', reason: 'asked_for_human' });
    expect((await conversation(server, conversationId)).status).toBe('open');
  });

  it('a person who takes a conversation from the bot holds it open, and the bot stays quiet after', async () => {
    server = await startTestServer({ backend, bot: BOT });
    const { conversationId } = await ingest(server, 'chat', 'taken', 'What is your return policy?');
    await settle(server);
    const before = await conversation(server, conversationId);
    expect(before.status).toBe('bot');
    const { token, agent } = await server.login('li.na@demo.switchboard');
    const socket: Socket = await connectSocket(server.url, token, server);
    const ack = (await socket.emitWithAck(SOCKET_EVENTS.push, {
      clientId: randomUUID(),
      mutations: [{ mutationId: 1, name: 'conversation.assign', args: { conversationId, assigneeId: agent.id, baseVersion: before.version } }],
    })) as Ack<PushResponse>;
    expect(ack.ok && ack.data.results[0]!.ok).toBe(true);
    expect(await conversation(server, conversationId)).toMatchObject({ status: 'open', assigneeId: agent.id });

    await ingest(server, 'chat', 'taken', 'And can I return an opened item?');
    await settle(server);
    expect((await thread(server, conversationId)).filter((m) => m.authorType === 'bot')).toHaveLength(1);
  });

  it('hands off when it is not confident, and when the turn limit is reached', async () => {
    server = await startTestServer({ backend, bot: { ...BOT, maxTurns: 1 } });
    const unsure = await ingest(server, 'chat', 'unsure', 'What is the capital of France?');
    await settle(server);
    expect(handoffOf(await thread(server, unsure.conversationId))).toMatchObject({ reason: 'low_confidence', intent: 'product_question' });

    const chatty = await ingest(server, 'social', 'chatty', 'How do I reset my password?');
    await settle(server);
    expect((await conversation(server, chatty.conversationId)).status).toBe('bot');
    await ingest(server, 'social', 'chatty', 'Track my order please');
    await settle(server);
    const messages = await thread(server, chatty.conversationId);
    expect(messages.filter((m) => m.authorType === 'bot')).toHaveLength(1);
    expect(handoffOf(messages)).toMatchObject({ reason: 'max_turns' });
  });

  it("lands a handoff in the intent's team (VIP contacts in VIP) and dispatches it to an available agent", async () => {
    server = await startTestServer({ backend, bot: BOT });
    await available(server, 'li.na@demo.switchboard'); // 售前 + 售后

    const { conversationId } = await ingest(server, 'chat', 'refund-wanted', '我要转人工，退款一直没到账');
    await settle(server);
    const moved = await server.db.db.selectFrom('change_log').select('prev_team_id').where('record_kind', '=', 'conversation').where('record_id', '=', conversationId).where('type', '=', 'conversation.transferred').execute();
    expect(moved.map((row) => row.prev_team_id)).toEqual(['team-presales']); // a chat starts in 售前
    const after = await conversation(server, conversationId);
    expect(after).toMatchObject({ status: 'open', teamId: 'team-aftersales', assigneeId: 'agent-li-na' });
    expect(handoffOf(await thread(server, conversationId))).toMatchObject({ intent: 'refund', teamId: 'team-aftersales' });

    const vip = await ingest(server, 'chat', 'vip-customer', '我要转人工，退款一直没到账', { tier: 'vip' });
    await settle(server);
    expect((await conversation(server, vip.conversationId)).teamId).toBe('team-vip');
  });

  it('answers a message once however often the channel delivers it', async () => {
    server = await startTestServer({ backend, bot: BOT });
    const externalId = `dup-${randomUUID()}`;
    const results = await Promise.all([0, 1, 2, 3].map(() => ingest(server, 'chat', 'dup', 'Track my order please', { externalId })));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    await server.bot.sweep(0); // a sweep racing the live turn must not answer again either
    await settle(server);
    const messages = await thread(server, results[0]!.conversationId);
    expect(messages.filter((m) => m.authorType === 'bot')).toHaveLength(1);
    expect(messages.filter((m) => m.direction === 'in')).toHaveLength(1);
  });

  it('raises one negative-sentiment alert per cool-down, and the priority when configured', async () => {
    server = await startTestServer({ backend, bot: { ...BOT, raisePriorityOnNegative: true } });
    const first = await ingest(server, 'email', 'angry', '太差劲了，等了一个星期还没发货，气死我了');
    await ingest(server, 'email', 'angry', '你们的客服态度太恶劣了，我非常生气');
    await settle(server);

    const alerts = await alertsOf(server, first.conversationId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'negative_sentiment', teamId: 'team-aftersales', messageId: first.messageId });
    const after = await conversation(server, first.conversationId);
    expect(after.priority).toBe('high');
    expect(after.sentiment).toMatchObject({ label: 'negative' });
    expect(after.issueTypes).toEqual(['service_complaint', 'logistics']);
    const raised = (await thread(server, first.conversationId)).filter((m) => m.detail?.kind === 'priority_raised');
    expect(raised).toHaveLength(1);
    expect(raised[0]!.detail).toMatchObject({ from: 'normal', to: 'high' });
    const lead = await server.db.db.selectFrom('change_log').select(['data', 'leads_team_id', 'team_id']).where('type', '=', 'alert.created').where('record_kind', '=', 'alert').execute();
    const forFirst = lead.filter((row) => (JSON.parse(row.data) as { alert: { conversationId: string } }).alert.conversationId === first.conversationId);
    expect(forFirst).toHaveLength(1);
    expect(forFirst[0]).toMatchObject({ leads_team_id: expect.any(String), team_id: null }); // leads only, not the team's agents
  });

  it('leaves the priority alone unless configured to raise it', async () => {
    server = await startTestServer({ backend, bot: BOT });
    const { conversationId } = await ingest(server, 'email', 'angry-2', '你们的客服态度太恶劣了，我非常生气');
    expect(await alertsOf(server, conversationId)).toHaveLength(1);
    expect((await conversation(server, conversationId)).priority).toBe('normal');
  });
});

describe.each(testBackends())('bot work across a node stop (%s)', (backend) => {
  it('a handoff the stopped node never made is made by the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-bot-restart-'));
    const first = backend === 'postgres' ? await startTestServer({ backend, bot: BOT }) : null;
    const options = {
      port: 0,
      host: '127.0.0.1',
      tokenSecret: 'bot-restart-secret',
      logger: false,
      env: {},
      bot: BOT,
      ...(first ? { databaseUrl: first.databaseUrl } : { dataDir }),
    };
    const node = first ?? (await startServer({ ...options, seedDemo: true }));
    let restarted: RunningServer | null = null;
    try {
      // The node's bot stops as in a crash: the message is committed, no decision is.
      await node.bot.close();
      const { conversationId } = await ingest(node, 'chat', 'left-behind', '转人工');
      expect((await conversation(node, conversationId)).status).toBe('bot');
      await node.close();

      restarted = await startServer({ ...options, seedDemo: false });
      await settle(restarted);
      await restarted.bot.idle();
      expect((await conversation(restarted, conversationId)).status).toBe('open');
      expect(handoffOf(await thread(restarted, conversationId))).toMatchObject({ reason: 'asked_for_human' });
    } finally {
      await restarted?.close();
      if (first) await first.cleanup();
      else await node.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
