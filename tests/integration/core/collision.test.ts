/**
 * Collision detection through two real cores and one real server: viewing and typing reach the
 * other agent of the same team, typing lapses without a refresh, a disconnect clears the agent,
 * a reconnect brings them back, and an agent of another team is refused and hears nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPING_TTL_MS, type ConversationPresenceAgent } from '../../../shared/contracts/collision';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import { connectSocket, testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from './stack';

/** The newest `collision.changed` picture an agent's windows were told for a conversation. */
function latest(agent: TestAgent, conversationId: string): ConversationPresenceAgent[] | undefined {
  const pictures = agent.eventsNamed('collision.changed').filter((e) => e.conversationId === conversationId);
  return pictures[pictures.length - 1]?.agents;
}

describe.each(testBackends())('collision detection through the core (%s)', (backend) => {
  let stack: Stack;
  let conversationId: string;
  beforeAll(async () => {
    stack = await startStack(backend);
    // 售后: li.na (A) and wang.wei (B) both belong to it; chen.jie does not.
    const response = await stack.server.ingest({
      channel: 'email',
      externalId: `collision-${randomUUID()}`,
      contact: { externalId: `collision-${randomUUID()}@example.com`, email: 'amy@example.com', name: 'Amy Lee' },
      subject: 'Refund',
      text: '我的退款什么时候到账？',
    });
    expect(response.status).toBe(202);
    conversationId = ((await response.json()) as { conversationId: string }).conversationId;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows viewing and typing to the other agent of the team, and lets typing lapse', async () => {
    const { agentA, agentB } = stack;
    expect((await agentA.call('collision.set', { conversationId, viewing: true, typing: false })).agents).toEqual([]);

    const seenByB = await agentB.call('collision.set', { conversationId, viewing: true, typing: false });
    expect(seenByB.agents).toMatchObject([{ agentId: 'agent-li-na', name: '李娜 Li Na', viewing: true, typing: false }]);
    await eventually(
      () => latest(agentA, conversationId),
      (agents) => agents?.length === 1 && agents[0]!.agentId === 'agent-wang-wei' && agents[0]!.viewing && !agents[0]!.typing,
      'A sees B viewing',
    );

    await agentB.call('collision.set', { conversationId, viewing: true, typing: true });
    await eventually(
      () => latest(agentA, conversationId),
      (agents) => agents?.[0]?.typing === true,
      'A sees B typing',
    );
    // No refresh: the lease lapses, B is still there but no longer typing.
    await eventually(
      () => latest(agentA, conversationId),
      (agents) => agents?.length === 1 && agents[0]!.viewing && agents[0]!.typing === false,
      'B’s typing lapses',
      TYPING_TTL_MS + 10_000,
    );
    // A never sees itself.
    for (const e of agentA.eventsNamed('collision.changed')) expect(e.agents.map((a) => a.agentId)).not.toContain('agent-li-na');
  });

  it('clears an agent who disconnects and shows them again after they reconnect', async () => {
    const { agentA, agentB } = stack;
    agentB.core.goOffline();
    await eventually(() => latest(agentA, conversationId), (agents) => agents?.length === 0, 'B gone for A');
    // Offline, B's windows are told there is nobody to show.
    await eventually(() => latest(agentB, conversationId), (agents) => agents?.length === 0, 'B shows nobody offline');
    expect((await agentB.call('collision.set', { conversationId, viewing: true, typing: false })).agents).toEqual([]);

    agentB.core.goOnline();
    await eventually(
      () => latest(agentA, conversationId),
      (agents) => agents?.some((a) => a.agentId === 'agent-wang-wei' && a.viewing) === true,
      'B back for A after reconnect',
    );
    await eventually(
      () => latest(agentB, conversationId),
      (agents) => agents?.some((a) => a.agentId === 'agent-li-na') === true,
      'B sees A again after reconnect',
    );

    await agentB.call('collision.set', { conversationId, viewing: false, typing: false });
    await eventually(() => latest(agentA, conversationId), (agents) => agents?.length === 0, 'B closed the conversation');
  });

  it('refuses an agent of another team, who hears nothing and is shown to nobody', async () => {
    const { agentA } = stack;
    const other = await stack.addAgent('chen.jie@demo.switchboard');
    const before = agentA.eventsNamed('collision.changed').length;

    await expect(other.call('collision.set', { conversationId, viewing: true, typing: true })).rejects.toThrow(/forbidden/);
    const { token } = await stack.server.login('chen.jie@demo.switchboard');
    const socket = await connectSocket(stack.url, token, stack.server);
    const heard: unknown[] = [];
    socket.on(SOCKET_EVENTS.presenceChanged, (payload: unknown) => heard.push(payload));
    const ack = (await socket
      .timeout(5_000)
      .emitWithAck(SOCKET_EVENTS.presence, { conversationId, viewing: true, typing: false })) as Ack<unknown>;
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Something does happen in the conversation meanwhile: A types. The outsider must not hear it.
    await agentA.call('collision.set', { conversationId, viewing: true, typing: true });
    await agentA.call('collision.set', { conversationId, viewing: true, typing: false });
    await stack.agentB.call('collision.set', { conversationId, viewing: true, typing: false });
    await eventually(
      () => latest(agentA, conversationId),
      (agents) => agents?.some((a) => a.agentId === 'agent-wang-wei') === true,
      'A sees B rejoin',
    );
    expect(heard).toEqual([]);
    expect(other.eventsNamed('collision.changed')).toEqual([]);
    for (const e of agentA.eventsNamed('collision.changed').slice(before))
      expect(e.agents.map((a) => a.agentId)).not.toContain('agent-chen-jie');
  });
});
