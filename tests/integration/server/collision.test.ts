/**
 * Collision detection across server nodes: two servers on one PostgreSQL database share rooms
 * through the Redis adapter. An agent viewing on one node is seen by a colleague on the other
 * (in the ack's picture and in the broadcast), typing reaches across, and a disconnect on one
 * node clears the agent on the other. Runs when SWITCHBOARD_TEST_DATABASE_URL and
 * SWITCHBOARD_TEST_REDIS_URL are set; the single-node behaviour is covered through real cores in
 * tests/integration/core/collision.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationPresence } from '../../../shared/contracts/collision';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import { connectSocket, startTestServer, TEST_DATABASE_URL, TEST_REDIS_URL, waitForEvent, type TestServer } from './harness';

describe.skipIf(!TEST_DATABASE_URL || !TEST_REDIS_URL)('collision detection across nodes (postgres + redis)', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ backend: 'postgres', redis: true });
    second = await startTestServer({ backend: 'postgres', redis: true, databaseUrl: first.databaseUrl, seedDemo: false });
  });
  afterAll(async () => {
    await second?.cleanup();
    await first?.cleanup();
  });

  it('shows viewing and typing to a colleague on the other node, and clears a disconnected agent', async () => {
    const response = await first.ingest({
      channel: 'email',
      externalId: `collision-nodes-${randomUUID()}`,
      contact: { externalId: `collision-nodes-${randomUUID()}@example.com`, name: 'Amy Lee' },
      subject: 'Refund',
      text: '我的退款什么时候到账？',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    const liNa = await connectSocket(first.url, (await first.login('li.na@demo.switchboard')).token, first);
    const wangWei = await connectSocket(second.url, (await first.login('wang.wei@demo.switchboard')).token, second);
    const report = (socket: typeof liNa, viewing: boolean, typing: boolean) =>
      socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.presence, { conversationId, viewing, typing }) as Promise<Ack<ConversationPresence>>;

    expect(await report(liNa, true, false)).toMatchObject({ ok: true });
    const seen = waitForEvent<ConversationPresence>(liNa, SOCKET_EVENTS.presenceChanged, (p) =>
      p.agents.some((a) => a.agentId === 'agent-wang-wei' && a.typing),
    );
    const ack = await report(wangWei, true, true);
    expect(ack.ok && ack.data.agents.map((a) => a.agentId).sort()).toEqual(['agent-li-na', 'agent-wang-wei']);
    expect((await seen).conversationId).toBe(conversationId);

    const cleared = waitForEvent<ConversationPresence>(liNa, SOCKET_EVENTS.presenceChanged, (p) =>
      p.agents.every((a) => a.agentId !== 'agent-wang-wei'),
    );
    wangWei.close();
    expect((await cleared).agents.map((a) => a.agentId)).toEqual(['agent-li-na']);
  });
});
