/**
 * Customer surveys on a real server (SQLite, and PostgreSQL when configured): resolving a
 * conversation sends the customer a rating invitation through the conversation's channel, in the
 * customer's language, once within the resend window; voice calls are not surveyed; an answer
 * shows in the thread for the agents, a later answer replaces it with the earlier kept in the
 * history; answers from the wrong channel, for unknown conversations or off the scale are refused
 * and change nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundDelivery } from '../../../server/domain/connectors';
import { surveyAnswers } from '../../../server/db/queries/surveys';
import { getSurvey } from '../../../server/db/queries/messages';
import type { Change } from '../../../shared/contracts/sync';
import type { Message } from '../../../shared/domain/model';
import { connectSocket, startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, socketSync } from './socketSync';

describe.each(testBackends())('customer surveys (%s)', (backend) => {
  let server: TestServer;
  let lead: Socket;
  const { pushOk, pullNew } = socketSync();
  const delivered: OutboundDelivery[] = [];

  beforeAll(async () => {
    server = await startTestServer({ backend, surveys: { channels: ['chat', 'email', 'sms', 'social'] } });
    server.events.on('outbound', (delivery: OutboundDelivery) => delivered.push(delivery));
    lead = await connectSocket(server.url, (await server.login('liu.yang@demo.switchboard')).token, server);
    await pullNew(lead);
  });
  afterAll(() => server?.cleanup());

  const started = async (channel: 'chat' | 'voice' | 'sms', text: string, conversationExternalId = randomUUID()) => {
    const response = await server.ingest({
      channel,
      externalId: randomUUID(),
      conversationExternalId,
      contact: { externalId: `survey-${conversationExternalId}`, name: '陈静' },
      text,
      ...(channel === 'voice' ? { call: { durationSec: 60 } } : {}),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { conversationId: string }).conversationId;
  };

  const resolve = async (conversationId: string) => {
    await pushOk(lead, 'conversation.setStatus', {
      conversationId,
      status: 'resolved',
      baseVersion: await conversationVersion(server, conversationId),
    });
    await server.surveys.idle();
  };

  const messagesIn = (changes: Change[], conversationId: string): Message[] =>
    changes.flatMap((change) =>
      change.type === 'message.created' && change.message.conversationId === conversationId ? [change.message] : [],
    );

  const answer = (conversationId: string, body: object, token = 'demo-chat-token') =>
    fetch(`${server.url}/api/v1/ingest/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ conversationId, ...body }),
    });

  it('asks the customer for a rating in their language when the conversation is resolved, once', async () => {
    const external = randomUUID();
    const conversationId = await started('chat', '订单什么时候发货？', external);
    await resolve(conversationId);

    const invitations = delivered.filter((d) => d.conversation.id === conversationId);
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.message.detail).toEqual({ kind: 'survey_sent', surveys: ['csat'] });
    expect(invitations[0]!.message.text).toContain('请为本次服务打分');
    expect(invitations[0]!.contact.name).toBe('陈静');

    const seen = messagesIn(await pullNew(lead), conversationId);
    expect(seen.map((m) => m.detail?.kind)).toContain('survey_sent');

    // The customer writes again (the conversation reopens), the agent resolves it again: not asked twice.
    await started('chat', '好的，收到了', external);
    await resolve(conversationId);
    expect(delivered.filter((d) => d.conversation.id === conversationId)).toHaveLength(1);
  });

  it('asks an English-writing customer in English, and never surveys a phone call', async () => {
    const chat = await started('chat', 'Where is my parcel?');
    await resolve(chat);
    expect(delivered.find((d) => d.conversation.id === chat)?.message.text).toContain('How satisfied were you');

    const call = await started('voice', '客户来电询问退货');
    await resolve(call);
    expect(delivered.filter((d) => d.conversation.id === call)).toHaveLength(0);
  });

  it('shows an answer in the thread and keeps the earlier one when the customer re-rates', async () => {
    const conversationId = await started('chat', '退款还没到账');
    await resolve(conversationId);
    await pullNew(lead);

    expect((await answer(conversationId, { kind: 'csat', score: 2, comment: '  等太久了 ' })).status).toBe(202);
    expect((await answer(conversationId, { kind: 'csat', score: 4 })).status).toBe(202);

    const lines = messagesIn(await pullNew(lead), conversationId).map((m) => m.detail);
    expect(lines).toEqual([
      { kind: 'survey_answered', survey: 'csat', score: 2, previousScore: null, comment: '等太久了' },
      { kind: 'survey_answered', survey: 'csat', score: 4, previousScore: 2, comment: null },
    ]);
    expect((await getSurvey(server.db.db, conversationId, 'csat'))?.score).toBe(4);
    expect((await surveyAnswers(server.db.db, conversationId)).map((row) => Number(row.score))).toEqual([2, 4]);
    // An answer is not the customer writing: the conversation stays resolved.
    const row = await server.db.db.selectFrom('conversations').select('status').where('id', '=', conversationId).executeTakeFirstOrThrow();
    expect(row.status).toBe('resolved');
  });

  it('refuses answers from another channel, for unknown conversations and off the scale, storing nothing', async () => {
    const conversationId = await started('chat', '发票怎么开？');
    const wrongChannel = await answer(conversationId, { kind: 'csat', score: 1 }, 'demo-sms-token');
    expect(wrongChannel.status).toBe(403);
    expect(await wrongChannel.json()).toMatchObject({ code: 'forbidden' });
    expect((await answer('no-such-conversation', { kind: 'csat', score: 3 })).status).toBe(404);
    const offScale = await answer(conversationId, { kind: 'nps', score: 11 });
    expect(offScale.status).toBe(400);
    expect(await offScale.json()).toMatchObject({ code: 'invalid' });
    expect(await surveyAnswers(server.db.db, conversationId)).toEqual([]);
    expect(messagesIn(await pullNew(lead), conversationId).some((m) => m.detail?.kind === 'survey_answered')).toBe(false);
  });
});
