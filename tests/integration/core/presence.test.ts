/**
 * Presence through the workstation core: `presence.set` goes out through the outbox as
 * `agent.setStatus`, the other agent's directory shows the new status, and `presence.get`
 * reports live load against the capacity the server holds; an auto-assigned conversation
 * raises `conversation.assignedToMe` on the core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack } from './stack';

describe.each(testBackends())('presence through the core (%s)', (backend) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(backend);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('sets my status, shows it to others, and reports load vs capacity', async () => {
    const { agentA, agentB } = stack;
    expect(await agentA.call('presence.get', {})).toMatchObject({
      status: 'offline',
      load: { chat: 0 },
      capacity: { chat: 3, email: 10, voice: 1, sms: 5, social: 5 },
    });

    await agentA.call('presence.set', { status: 'available' });
    expect((await agentA.call('presence.get', {})).status).toBe('available'); // at once, before the server answers
    await eventually(
      async () =>
        (await agentB.call('directory.get', {})).agents.find((a) => a.email === 'li.na@demo.switchboard')
          ?.status,
      (status) => status === 'available',
      'agent B sees Li Na available',
    );

    const response = await stack.server.ingest({
      channel: 'chat',
      externalId: `presence-core-${Date.now()}`,
      contact: { externalId: `presence-core-contact-${Date.now()}`, name: 'Mia Schulz' },
      text: 'Can I change my delivery address?',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    await eventually(
      () => agentA.eventsNamed('conversation.assignedToMe').map((e) => e.conversationId),
      (ids) => ids.includes(conversationId),
      'assignedToMe event on core A',
    );
    await eventually(
      async () => (await agentA.call('presence.get', {})).load.chat,
      (held) => held === 1,
      'load shows the assigned chat',
    );
  });
});
