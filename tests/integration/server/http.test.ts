/** The public HTTP surface: health, login/logout, channel ingest and its error handling. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../../server/db/queries/changes';
import { countMessages, getSurvey } from '../../../server/db/queries/messages';
import { getConversationRow } from '../../../server/db/queries/conversations';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';
import { MAX_MESSAGE_CHARS, MAX_PAYLOAD_BYTES } from '../../../shared/domain/limits';
import packageJson from '../../../package.json';
import { connectSocket, startTestServer, testBackends, waitForEvent, type TestServer } from './harness';

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++n}`;

async function stored(server: TestServer) {
  const db = server.db.db;
  const count = async (table: 'contacts' | 'conversations') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    messages: await countMessages(db),
    contacts: await count('contacts'),
    conversations: await count('conversations'),
    head: await headSeq(db),
  };
}

describe.each(testBackends())('server HTTP (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('reports health with the package version', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: packageJson.version });
  });

  it('logs a demo agent in and refuses wrong credentials without saying which part was wrong', async () => {
    const { token, agent } = await server.login('Li.Na@demo.switchboard');
    expect(token.split('.')).toHaveLength(3);
    expect(agent).toMatchObject({ email: 'li.na@demo.switchboard', role: 'agent' });
    expect([...agent.teamIds].sort()).toEqual(['team-aftersales', 'team-presales']);

    const attempt = (email: string, password: string) =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    const wrongPassword = await attempt('li.na@demo.switchboard', 'nope');
    const unknownEmail = await attempt('nobody@demo.switchboard', 'switchboard');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await wrongPassword.json(), await unknownEmail.json()];
    expect(a.code).toBe('unauthorized');
    expect(a).toEqual(b);
  });

  it('ingests a message once: a repeat returns the same ids and stores nothing new', async () => {
    const body = {
      channel: 'chat',
      externalId: unique('msg'),
      contact: { externalId: unique('visitor'), name: '张伟' },
      text: '你好，我想咨询一下价格',
    };
    const first = await server.ingest(body);
    expect(first.status).toBe(202);
    const created = await first.json();
    expect(created).toMatchObject({ duplicate: false });
    const before = await stored(server);

    const again = await server.ingest(body);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ ...created, duplicate: true });
    expect(await stored(server)).toEqual(before);

    const conversation = await getConversationRow(server.db.db, created.conversationId);
    expect(conversation).toMatchObject({
      team_id: 'team-presales',
      status: 'open',
      priority: 'normal',
      message_count: 1,
    });
    expect(conversation?.last_message_preview).toBe('你好，我想咨询一下价格');
    expect(conversation?.waiting_since).not.toBeNull();
  });

  it('routes VIP customers to the VIP team with high priority and keeps email subjects', async () => {
    const vip = await (
      await server.ingest({
        channel: 'voice',
        externalId: unique('call'),
        contact: { externalId: unique('phone'), tier: 'vip' },
        text: 'call',
        call: { durationSec: 30, transcript: [{ atSec: 1, speaker: 'customer', text: 'hi' }] },
      })
    ).json();
    expect(await getConversationRow(server.db.db, vip.conversationId)).toMatchObject({
      team_id: 'team-vip',
      priority: 'high',
    });
    const call = await server.db.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', vip.messageId)
      .executeTakeFirstOrThrow();
    expect(call.kind).toBe('call');
    expect(JSON.parse(call.call_json!)).toMatchObject({ durationSec: 30 });

    const mail = await (
      await server.ingest({
        channel: 'email',
        externalId: unique('mail'),
        contact: { externalId: 'a@example.com' },
        subject: 'Refund',
        text: 'Where is my refund?',
      })
    ).json();
    expect(await getConversationRow(server.db.db, mail.conversationId)).toMatchObject({
      team_id: 'team-aftersales',
      subject: 'Refund',
    });
    const message = await server.db.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', mail.messageId)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ kind: 'email', subject: 'Refund' });
  });

  it('answers bad input with typed 4xx errors and stores nothing', async () => {
    const before = await stored(server);
    const valid = () => ({
      channel: 'chat',
      externalId: unique('msg'),
      contact: { externalId: 'err-visitor' },
      text: 'hi',
    });

    const malformed = await server.ingest('{"channel": "chat",', { channel: 'chat' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).code).toBe('invalid');

    const missingField = await server.ingest({ ...valid(), contact: {} });
    expect(missingField.status).toBe(400);
    const missingBody = await missingField.json();
    expect(missingBody.code).toBe('invalid');
    expect(missingBody.message).toContain('contact.externalId');

    const wrongChannel = await server.ingest(valid(), { channel: 'email' });
    expect(wrongChannel.status).toBe(403);
    expect((await wrongChannel.json()).code).toBe('forbidden');

    const badToken = await server.ingest(valid(), { token: 'not-a-token' });
    expect(badToken.status).toBe(401);
    expect((await badToken.json()).code).toBe('unauthorized');

    const noToken = await fetch(`${server.url}/api/v1/ingest/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(valid()),
    });
    expect(noToken.status).toBe(401);

    const longText = await server.ingest({ ...valid(), text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) });
    expect(longText.status).toBe(413);
    expect((await longText.json()).code).toBe('too_large');

    const hugeBody = await server.ingest({
      ...valid(),
      provider: 'p',
      padding: 'y'.repeat(MAX_PAYLOAD_BYTES),
    });
    expect(hugeBody.status).toBe(413);
    expect((await hugeBody.json()).code).toBe('too_large');

    const unknownRoute = await fetch(`${server.url}/api/v1/nothing`);
    expect(unknownRoute.status).toBe(404);
    expect((await unknownRoute.json()).code).toBe('not_found');

    expect(await stored(server)).toEqual(before);
  });

  it('stores survey answers and lets a later answer replace the earlier', async () => {
    const { conversationId } = await (
      await server.ingest({
        channel: 'sms',
        externalId: unique('sms'),
        contact: { externalId: '+8613800000000' },
        text: '谢谢',
      })
    ).json();
    const rate = (score: number) =>
      fetch(`${server.url}/api/v1/ingest/surveys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-sms-token' },
        body: JSON.stringify({ conversationId, kind: 'csat', score }),
      });
    expect((await rate(2)).status).toBe(202);
    expect((await rate(5)).status).toBe(202);
    expect((await getSurvey(server.db.db, conversationId, 'csat'))?.score).toBe(5);
    const unknown = await fetch(`${server.url}/api/v1/ingest/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-sms-token' },
      body: JSON.stringify({ conversationId: 'missing', kind: 'nps', score: 9 }),
    });
    expect(unknown.status).toBe(404);
    const otherChannel = await fetch(`${server.url}/api/v1/ingest/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-chat-token' },
      body: JSON.stringify({ conversationId, kind: 'csat', score: 1 }),
    });
    expect(otherChannel.status).toBe(403);
    expect(await otherChannel.json()).toMatchObject({ code: 'forbidden' });
    const outOfRange = await rate(7);
    expect(outOfRange.status).toBe(400);
    expect((await outOfRange.json()).message).toContain('CSAT score is 1 to 5');
    expect((await getSurvey(server.db.db, conversationId, 'csat'))?.score).toBe(5);
  });

  it('logout revokes the session: its socket is told and dropped, and the token no longer connects', async () => {
    const { token } = await server.login('wang.wei@demo.switchboard');
    const socket = await connectSocket(server.url, token, server);
    const revoked = waitForEvent(socket, SOCKET_EVENTS.revoked);
    const dropped = waitForEvent<string>(socket, 'disconnect');
    const response = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    await revoked;
    expect(await dropped).toBe('io server disconnect');
    await expect(connectSocket(server.url, token)).rejects.toThrow('unauthorized');
  });
});
