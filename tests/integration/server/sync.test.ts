/** Live sync over Socket.IO: handshake, pull paging and visibility, pokes, push and its rules. */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headSeq } from '../../../server/db/queries/changes';
import type { OutboundDelivery } from '../../../server/domain/connectors';
import type { Change, Poke, PullResponse, PushResponse } from '../../../shared/contracts/sync';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import {
  connectSocket,
  startTestServer,
  testBackends,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  waitForEvent,
  type TestServer,
} from './harness';

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++n}`;

async function ingestChat(server: TestServer, channel = 'chat', extra: Record<string, unknown> = {}) {
  const response = await server.ingest({
    channel,
    externalId: unique('m'),
    contact: { externalId: unique('c') },
    text: 'hello',
    ...extra,
  });
  expect(response.status).toBe(202);
  return (await response.json()) as { conversationId: string; messageId: string };
}

async function pullAll(socket: Socket, limit: number) {
  const changes: Change[] = [];
  let cursor = 0;
  for (;;) {
    const ack = (await socket.emitWithAck(SOCKET_EVENTS.pull, { cursor, limit })) as Ack<PullResponse>;
    if (!ack.ok) throw new Error(ack.error.message);
    changes.push(...ack.data.changes);
    expect(ack.data.cursor).toBeGreaterThanOrEqual(cursor);
    cursor = ack.data.cursor;
    if (!ack.data.hasMore) return { changes, cursor };
  }
}

const push = async (socket: Socket, clientId: string, mutations: unknown[]) =>
  (await socket.emitWithAck(SOCKET_EVENTS.push, { clientId, mutations })) as Ack<PushResponse>;

const touches = (change: Change, conversationId: string) =>
  ('conversation' in change && change.conversation.id === conversationId) ||
  ('message' in change && change.message.conversationId === conversationId);

describe.each(testBackends())('server sync (%s)', (backend) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const sockets: Record<string, Socket> = {};

  beforeAll(async () => {
    server = await startTestServer({ backend });
    for (const who of ['li.na', 'wang.wei', 'admin', 'zhou.min']) {
      tokens[who] = (await server.login(`${who}@demo.switchboard`)).token;
      sockets[who] = await connectSocket(server.url, tokens[who], server);
    }
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it('refuses a handshake without a token or with a bad one', async () => {
    await expect(connectSocket(server.url, undefined)).rejects.toThrow('unauthorized');
    await expect(connectSocket(server.url, 'not.a.jwt')).rejects.toThrow('unauthorized');
    const forged = `${tokens['li.na']!.slice(0, -4)}AAAA`;
    await expect(connectSocket(server.url, forged)).rejects.toThrow('unauthorized');
  });

  it('pulls every visible change in seq order, page by page, and the cursor passes invisible ones', async () => {
    const presales = await ingestChat(server, 'chat'); // 售前: li.na yes, wang.wei no
    await ingestChat(server, 'email'); // 售后: both
    // Concurrent writers still produce a gap-free log in commit order.
    await Promise.all(Array.from({ length: 8 }, (_, i) => ingestChat(server, i % 2 ? 'sms' : 'social')));
    const head = await headSeq(server.db.db);

    const all = await pullAll(sockets.admin!, 3);
    expect(all.cursor).toBe(head);
    expect(all.changes.map((c) => c.seq)).toEqual(Array.from({ length: head }, (_, i) => i + 1));

    const wang = await pullAll(sockets['wang.wei']!, 2);
    expect(wang.cursor).toBe(head);
    expect(wang.changes.some((c) => touches(c, presales.conversationId))).toBe(false);
    expect(wang.changes.some((c) => c.type === 'agent.updated')).toBe(true);
    const seqs = wang.changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    const li = await pullAll(sockets['li.na']!, 500);
    expect(li.changes.filter((c) => touches(c, presales.conversationId)).map((c) => c.type)).toEqual([
      'conversation.created',
      'message.created',
    ]);

    const reviewer = await pullAll(sockets['zhou.min']!, 1000);
    // Directory changes only (teams, agents, SLA policies and calendars).
    const directory = ['team.updated', 'agent.updated', 'sla_policy.updated', 'business_calendar.updated'];
    expect(reviewer.changes.every((c) => directory.includes(c.type))).toBe(true);
    expect(reviewer.cursor).toBe(head);
  });

  it('pokes the rooms that may see a commit, after it commits, and no one else', async () => {
    const liPoke = waitForEvent<Poke>(sockets['li.na']!, SOCKET_EVENTS.poke, (p) =>
      p.changes.some((c) => c.type === 'conversation.created'),
    );
    const wangPokes: Poke[] = [];
    sockets['wang.wei']!.on(SOCKET_EVENTS.poke, (p: Poke) => wangPokes.push(p));
    const chat = await ingestChat(server, 'chat');
    const poke = await liPoke;
    expect(poke.changes.map((c) => c.type)).toEqual([
      'contact.updated',
      'conversation.created',
      'message.created',
    ]);
    expect(poke.to - poke.from).toBe(2);
    expect(poke.changes.map((c) => c.seq)).toEqual([poke.from, poke.from + 1, poke.to]);
    expect(poke.to).toBeLessThanOrEqual(await headSeq(server.db.db));

    // Pokes to one socket arrive in commit order, so once wang.wei sees the later email commit
    // he would already have seen the chat one had it been sent to him.
    const wangEmail = waitForEvent<Poke>(sockets['wang.wei']!, SOCKET_EVENTS.poke, (p) =>
      p.changes.some((c) => c.type === 'conversation.created'),
    );
    await ingestChat(server, 'email');
    await wangEmail;
    expect(wangPokes.some((p) => p.changes.some((c) => touches(c, chat.conversationId)))).toBe(false);
    sockets['wang.wei']!.off(SOCKET_EVENTS.poke);
  });

  it('applies a reply once even when it is pushed twice, and delivers it once', async () => {
    const { conversationId } = await ingestChat(server);
    const deliveries: OutboundDelivery[] = [];
    server.events.on('outbound', (d: OutboundDelivery) => deliveries.push(d));
    const clientId = randomUUID();
    const messageId = randomUUID();
    const reply = {
      mutationId: 1,
      name: 'message.send',
      args: { conversationId, messageId, kind: 'text', text: '您好，请问有什么可以帮您？' },
    };
    const first = await push(sockets['li.na']!, clientId, [reply]);
    const second = await push(sockets['li.na']!, clientId, [reply]);
    expect(first.ok && first.data.results[0]).toMatchObject({ mutationId: 1, ok: true });
    expect(second).toEqual(first);

    const rows = await server.db.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows.filter((m) => m.id === messageId)).toHaveLength(1);
    expect(rows.find((m) => m.id === messageId)).toMatchObject({
      direction: 'out',
      kind: 'text',
      author_type: 'agent',
      author_id: 'agent-li-na',
    });
    const conversation = await server.db.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(conversation.waiting_since).toBeNull();
    expect(conversation.last_message_direction).toBe('out');
    expect(deliveries.map((d) => d.message.id)).toEqual([messageId]);
    const recorded = await server.db.db
      .selectFrom('outbound_deliveries')
      .selectAll()
      .where('message_id', '=', messageId)
      .execute();
    expect(recorded).toHaveLength(1);

    const note = await push(sockets['li.na']!, clientId, [
      {
        mutationId: 2,
        name: 'message.send',
        args: { conversationId, messageId: randomUUID(), kind: 'note', text: 'VIP?' },
      },
    ]);
    expect(note.ok && note.data.results[0]!.ok).toBe(true);
    expect(deliveries).toHaveLength(1);
    server.events.removeAllListeners('outbound');
  });

  it('rejects a stale assignment with the current conversation, but not the same client’s own streak', async () => {
    const { conversationId } = await ingestChat(server);
    const mine = randomUUID();
    const theirs = randomUUID();
    const take = await push(sockets['li.na']!, mine, [
      {
        mutationId: 1,
        name: 'conversation.assign',
        args: { conversationId, assigneeId: 'agent-li-na', baseVersion: 0 },
      },
      // Sent before the first was acknowledged, so still based on version 0: same client, accepted.
      {
        mutationId: 2,
        name: 'conversation.setPriority',
        args: { conversationId, priority: 'urgent', baseVersion: 0 },
      },
    ]);
    expect(take.ok && take.data.results.map((r) => r.ok)).toEqual([true, true]);

    const stale = await push(sockets.admin!, theirs, [
      {
        mutationId: 1,
        name: 'conversation.assign',
        args: { conversationId, assigneeId: null, baseVersion: 0 },
      },
    ]);
    const result = stale.ok ? stale.data.results[0] : undefined;
    expect(result).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(result && !result.ok && result.conversation).toMatchObject({
      id: conversationId,
      version: 2,
      assigneeId: 'agent-li-na',
      priority: 'urgent',
    });

    const thread = await server.db.db
      .selectFrom('messages')
      .select(['kind', 'text', 'detail_json'])
      .where('conversation_id', '=', conversationId)
      .execute();
    const took = thread.find((m) => m.kind === 'system' && m.text.includes('took the conversation'));
    // The detail lets each window word the line in its own language.
    expect(JSON.parse(took?.detail_json ?? 'null')).toEqual({ kind: 'assigned', action: 'took', by: '李娜 Li Na', to: '李娜 Li Na' });
  });

  it('answers unknown events and invalid payloads with typed error acks', async () => {
    const socket = sockets['li.na']!;
    expect(await socket.emitWithAck('conversation.delete', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_event' },
    });
    expect(await socket.emitWithAck(SOCKET_EVENTS.pull, { cursor: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await socket.emitWithAck(SOCKET_EVENTS.push, { clientId: 'nope', mutations: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const badArgs = await push(socket, randomUUID(), [
      { mutationId: 1, name: 'message.send', args: { conversationId: 'x' } },
    ]);
    expect(badArgs.ok && badArgs.data.results[0]).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const tooLong = await push(socket, randomUUID(), [
      {
        mutationId: 1,
        name: 'message.send',
        args: { conversationId: 'x', messageId: randomUUID(), kind: 'text', text: 'x'.repeat(20_001) },
      },
    ]);
    expect(tooLong.ok && tooLong.data.results[0]).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('forbids acting on another team’s conversation and assigning someone else as an agent', async () => {
    const { conversationId } = await ingestChat(server, 'chat'); // 售前
    const clientId = randomUUID();
    const wang = await push(sockets['wang.wei']!, clientId, [
      {
        mutationId: 1,
        name: 'message.send',
        args: { conversationId, messageId: randomUUID(), kind: 'text', text: 'hi' },
      },
      {
        mutationId: 2,
        name: 'conversation.setStatus',
        args: { conversationId, status: 'resolved', baseVersion: 0 },
      },
    ]);
    expect(wang.ok && wang.data.results.map((r) => !r.ok && r.error.code)).toEqual([
      'forbidden',
      'forbidden',
    ]);
    const li = await push(sockets['li.na']!, randomUUID(), [
      {
        mutationId: 1,
        name: 'conversation.assign',
        args: { conversationId, assigneeId: 'agent-wang-wei', baseVersion: 0 },
      },
    ]);
    expect(li.ok && li.data.results[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reviewer = await push(sockets['zhou.min']!, randomUUID(), [
      {
        mutationId: 1,
        name: 'conversation.setPriority',
        args: { conversationId, priority: 'low', baseVersion: 0 },
      },
    ]);
    expect(reviewer.ok && reviewer.data.results[0]).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const unchanged = await server.db.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(Number(unchanged.version)).toBe(0);
  });

  it('tells both the old and the new team about a transfer', async () => {
    const { conversationId } = await ingestChat(server, 'chat'); // 售前: li.na
    const toNewTeam = waitForEvent<Poke>(sockets['wang.wei']!, SOCKET_EVENTS.poke, (p) =>
      p.changes.some((c) => c.type === 'conversation.transferred'),
    );
    const toOldTeam = waitForEvent<Poke>(sockets['li.na']!, SOCKET_EVENTS.poke, (p) =>
      p.changes.some((c) => c.type === 'conversation.transferred'),
    );
    const result = await push(sockets['li.na']!, randomUUID(), [
      {
        mutationId: 1,
        name: 'conversation.transfer',
        args: { conversationId, teamId: 'team-techsupport', assigneeId: null, baseVersion: 0 },
      },
    ]);
    expect(result.ok && result.data.results[0]!.ok).toBe(true);
    const [newTeam, oldTeam] = await Promise.all([toNewTeam, toOldTeam]);
    expect(newTeam.changes.map((c) => c.type)).toEqual(['conversation.transferred', 'message.created']);
    expect(oldTeam.changes[0]).toMatchObject({ conversation: { teamId: 'team-techsupport', version: 1 } });
    const missing = await push(sockets['wang.wei']!, randomUUID(), [
      {
        mutationId: 1,
        name: 'conversation.transfer',
        args: { conversationId, teamId: 'team-nope', assigneeId: null, baseVersion: 1 },
      },
    ]);
    expect(missing.ok && missing.data.results[0]).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reopens a resolved conversation when the customer writes again', async () => {
    const thread = unique('thread');
    const contact = { externalId: unique('returning') };
    const { conversationId } = await ingestChat(server, 'chat', { conversationExternalId: thread, contact });
    const resolved = await push(sockets['li.na']!, randomUUID(), [
      {
        mutationId: 1,
        name: 'conversation.setStatus',
        args: { conversationId, status: 'resolved', baseVersion: 0 },
      },
    ]);
    expect(resolved.ok && resolved.data.results[0]!.ok).toBe(true);
    const reopened = waitForEvent<Poke>(sockets['li.na']!, SOCKET_EVENTS.poke, (p) =>
      p.changes.some(
        (c) =>
          c.type === 'conversation.status_changed' &&
          c.conversation.id === conversationId &&
          c.conversation.status === 'open',
      ),
    );
    const again = await ingestChat(server, 'chat', { conversationExternalId: thread, contact });
    expect(again.conversationId).toBe(conversationId);
    const poke = await reopened;
    expect(poke.changes.map((c) => c.type)).toEqual(['conversation.status_changed', 'message.created']);
    expect(poke.changes[0]).toMatchObject({ conversation: { version: 2, messageCount: 2, status: 'open' } });
  });
});

// Several nodes: two servers on one PostgreSQL database share rooms through Redis.
if (TEST_DATABASE_URL && TEST_REDIS_URL) {
  describe('server sync across nodes (postgres + redis)', () => {
    let first: TestServer;
    let second: TestServer;
    beforeAll(async () => {
      first = await startTestServer({ backend: 'postgres', redis: true });
      second = await startTestServer({
        backend: 'postgres',
        redis: true,
        databaseUrl: first.databaseUrl,
        seedDemo: false,
      });
    });
    afterAll(async () => {
      await second?.cleanup();
      await first?.cleanup();
    });

    it('pokes a socket on one node for a message ingested on the other', async () => {
      const { token } = await first.login('li.na@demo.switchboard');
      const socket = await connectSocket(second.url, token, second);
      const poke = waitForEvent<Poke>(socket, SOCKET_EVENTS.poke, (p) =>
        p.changes.some((c) => c.type === 'conversation.created'),
      );
      const { conversationId } = await ingestChat(first, 'chat');
      expect((await poke).changes.some((c) => touches(c, conversationId))).toBe(true);
    });
  });
}
