/**
 * sync.push batches commit together (server/domain/mutations/index.ts): each mutation keeps its
 * own result, a rejected one never undoes its neighbours, a repeat inside or across batches is
 * applied once, and the ack comes only after the commit whose pokes it follows.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_TRANSACTION_MAX } from '../../../server/domain/mutations';
import type { Poke, PushResponse } from '../../../shared/contracts/sync';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import { connectSocket, startTestServer, testBackends, type TestServer } from './harness';

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++n}`;

const push = async (socket: Socket, clientId: string, mutations: unknown[]) =>
  (await socket.emitWithAck(SOCKET_EVENTS.push, { clientId, mutations })) as Ack<PushResponse>;

const note = (mutationId: number, conversationId: string, text: string, messageId = randomUUID()) => ({
  mutationId,
  name: 'message.send',
  args: { conversationId, messageId, kind: 'note', text },
});

describe.each(testBackends())('batched sync.push (%s)', (backend) => {
  let server: TestServer;
  const sockets: Record<string, Socket> = {};

  beforeAll(async () => {
    server = await startTestServer({ backend });
    for (const who of ['li.na', 'admin']) {
      const { token } = await server.login(`${who}@demo.switchboard`);
      sockets[who] = await connectSocket(server.url, token, server);
    }
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  async function newConversation(): Promise<string> {
    const response = await server.ingest({
      channel: 'chat',
      externalId: unique('m'),
      contact: { externalId: unique('c') },
      text: '你好，我的订单还没发货',
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { conversationId: string }).conversationId;
  }

  const thread = (conversationId: string) =>
    server.db.db
      .selectFrom('messages')
      .select(['kind', 'text'])
      .where('conversation_id', '=', conversationId)
      .where('kind', '=', 'note')
      .orderBy('created_at')
      .execute();

  it('keeps the neighbours of a stale write in the same batch, and answers each in order', async () => {
    const conversationId = await newConversation();
    // Someone else moves the conversation on: version 1 from the admin's client.
    const admin = await push(sockets.admin!, randomUUID(), [
      {
        mutationId: 1,
        name: 'conversation.assign',
        args: { conversationId, assigneeId: 'agent-li-na', baseVersion: 0 },
      },
    ]);
    expect(admin.ok && admin.data.results[0]!.ok).toBe(true);

    const clientId = randomUUID();
    const batch = [
      note(1, conversationId, 'before the stale write'),
      {
        mutationId: 2,
        name: 'conversation.setPriority',
        args: { conversationId, priority: 'urgent', baseVersion: 0 },
      },
      note(3, conversationId, 'after the stale write'),
    ];
    const first = await push(sockets['li.na']!, clientId, batch);
    expect(first.ok).toBe(true);
    const results = first.ok ? first.data.results : [];
    expect(results.map((r) => [r.mutationId, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(results[1]).toMatchObject({
      ok: false,
      error: { code: 'stale' },
      conversation: { priority: 'normal', version: 1 },
    });
    expect((await thread(conversationId)).map((m) => m.text)).toEqual([
      'before the stale write',
      'after the stale write',
    ]);
    const row = await server.db.db
      .selectFrom('conversations')
      .select('priority')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row.priority).toBe('normal');

    // A resend of the whole batch (lost ack) gets the same answers and stores nothing twice.
    const again = await push(sockets['li.na']!, clientId, batch);
    expect(again.ok && again.data.results).toEqual(results);
    expect(await thread(conversationId)).toHaveLength(2);
  });

  it('applies a mutation repeated inside one batch once', async () => {
    const conversationId = await newConversation();
    const clientId = randomUUID();
    const once = note(7, conversationId, 'only once');
    const response = await push(sockets['li.na']!, clientId, [once, once]);
    const results = response.ok ? response.data.results : [];
    expect(results).toHaveLength(2);
    expect(results[1]).toEqual(results[0]);
    expect((await thread(conversationId)).map((m) => m.text)).toEqual(['only once']);
  });

  it(
    'acks a batch larger than one transaction only after every part committed and was poked',
    { timeout: 120_000 },
    async () => {
      const conversations = [await newConversation(), await newConversation()];
      const total = PUSH_TRANSACTION_MAX * 2 + 7;
      const pokes: Poke[] = [];
      const onPoke = (poke: Poke) => pokes.push(poke);
      sockets['li.na']!.on(SOCKET_EVENTS.poke, onPoke);
      const mutations = Array.from({ length: total }, (_, i) =>
        note(i + 1, conversations[i % 2]!, `batch#${i}`),
      );
      const response = await push(sockets['li.na']!, randomUUID(), mutations);
      sockets['li.na']!.off(SOCKET_EVENTS.poke, onPoke);

      const results = response.ok ? response.data.results : [];
      expect(results.every((r) => r.ok)).toBe(true);
      // Everything the ack reports is committed (readable by anyone) when the ack arrives...
      const stored = [...(await thread(conversations[0]!)), ...(await thread(conversations[1]!))];
      expect(stored).toHaveLength(total);
      // ...and the socket was already poked with every message it pushed, in push order per conversation.
      const poked = pokes
        .flatMap((poke) => poke.changes)
        .flatMap((c) => (c.type === 'message.created' ? [c.message] : []))
        // The ingest that opened each conversation may be poked after the listener is on.
        .filter((m) => m.text.startsWith('batch#'));
      for (const conversationId of conversations) {
        const texts = poked.filter((m) => m.conversationId === conversationId).map((m) => m.text);
        expect(texts).toEqual(
          mutations.filter((m) => m.args.conversationId === conversationId).map((m) => m.args.text),
        );
      }
      const lastSeq = Math.max(...results.map((r) => (r.ok ? r.seq : 0)));
      expect(Math.max(...pokes.map((p) => p.to))).toBeGreaterThanOrEqual(lastSeq);
      // Pokes cover contiguous seq ranges with no overlap, so a client's cursor can follow them.
      const ranges = pokes.map((p) => [p.from, p.to] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1]);
    },
  );
  // The failure is injected with a SQLite trigger; the rule it checks lives above the database.
  if (backend === 'sqlite')
    it('a change that fails for a passing reason holds back the ones after it, and the resend keeps the order', async () => {
      const conversationId = await newConversation();
      // A database failure on one write, and only on that one (SQLite raises inside the insert).
      await sql`CREATE TRIGGER refuse_poison BEFORE INSERT ON messages WHEN NEW.text = 'second' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`.execute(
        server.db.db,
      );
      const clientId = randomUUID();
      const batch = [
        note(1, conversationId, 'first'),
        note(2, conversationId, 'second'),
        note(3, conversationId, 'third'),
      ];
      const failed = await push(sockets['li.na']!, clientId, batch);
      const results = failed.ok ? failed.data.results : [];
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'internal', 'internal']);
      expect((await thread(conversationId)).map((m) => m.text)).toEqual(['first']);

      await sql`DROP TRIGGER refuse_poison`.execute(server.db.db);
      const resent = await push(sockets['li.na']!, clientId, batch);
      expect(resent.ok && resent.data.results.every((r) => r.ok)).toBe(true);
      expect((await thread(conversationId)).map((m) => m.text)).toEqual(['first', 'second', 'third']);
    });
});
