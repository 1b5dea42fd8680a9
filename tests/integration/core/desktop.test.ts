/**
 * What the desktop shell hears from a real core against a real server: the badge (unread
 * conversations of the signed-in agent and the nearest SLA deadline) follows the inbox, the
 * preferences a tray switch changes come back to the shell, "Assign to me" from a notification
 * goes through the outbox like a click in the window, and the updater learns when a restart
 * would lose an unsent reply. The parent port of the utilityProcess is a fake; the rest is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreToShell, ShellToCore } from '../../../shared/contracts/shell';
import { serveParentPort } from '../../../electron/core/host/utilityEntry';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from './stack';

let externalSeq = 0;

async function ingestChat(stack: Stack, text: string): Promise<string> {
  externalSeq += 1;
  const response = await stack.server.ingest({
    channel: 'chat',
    externalId: `desktop-it-${Date.now()}-${externalSeq}`,
    contact: { externalId: `desktop-customer-${Date.now()}-${externalSeq}`, name: `访客 ${externalSeq}` },
    text,
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { conversationId: string }).conversationId;
}

function shellOf(agent: TestAgent) {
  const posted: CoreToShell[] = [];
  let deliver: (event: { data: unknown; ports: never[] }) => void = () => {};
  serveParentPort(agent.core, {
    on: (_event, handler) => void (deliver = handler),
    postMessage: (message) => posted.push(message as CoreToShell),
  });
  return {
    posted,
    send: (message: ShellToCore | Record<string, unknown>) => deliver({ data: message, ports: [] }),
    events: <N extends string>(name: N) =>
      posted.filter((m): m is Extract<CoreToShell, { type: 'event' }> => m.type === 'event' && m.name === name),
  };
}

describe.each(testBackends())('the desktop shell and the core (%s)', (backend) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(backend);
  });
  afterAll(() => stack?.close());

  it('counts the agent’s unread conversations on the badge, and drops one when it is read', async () => {
    const { agentA } = stack;
    const shell = shellOf(agentA);
    await eventually(() => shell.events('desktop.badgeChanged'), (e) => e.length > 0, 'the badge at start-up');
    const before = (await agentA.call('desktop.badge', {})).unread;

    const id = await ingestChat(stack, '我的订单还没发货，能帮忙查一下吗？');
    await eventually(() => agentA.call('conversation.get', { conversationId: id }), (d) => d !== null, 'the conversation on A');
    await agentA.call('conversation.assign', { conversationId: id, assigneeId: 'agent-li-na' });
    const counted = await eventually(
      () => shell.events('desktop.badgeChanged'),
      (e) => e.some((m) => m.name === 'desktop.badgeChanged' && m.payload.unread === before + 1),
      'the badge counting the new conversation',
    );
    expect(counted.at(-1)!.payload).toMatchObject({ unread: before + 1 });

    await agentA.call('conversation.markRead', { conversationId: id });
    await eventually(
      () => agentA.call('desktop.badge', {}),
      (badge) => badge.unread === before,
      'the badge after reading it',
    );
    await eventually(
      () => shell.events('desktop.badgeChanged').at(-1),
      (last) => last?.name === 'desktop.badgeChanged' && last.payload.unread === before,
      'the shell told about it',
    );
  });

  it('keeps a tray switch in the cache and tells the shell and every window', async () => {
    const { agentB } = stack;
    const shell = shellOf(agentB);
    shell.send({ type: 'setPreferences', changes: { doNotDisturb: true, language: 'zh-CN' } });
    await eventually(
      () => shell.events('desktop.preferencesChanged'),
      (e) => e.some((m) => m.name === 'desktop.preferencesChanged' && m.payload.doNotDisturb),
      'preferences relayed to the shell',
    );
    expect(await agentB.call('desktop.preferences', {})).toEqual({ language: 'zh-CN', doNotDisturb: true, openAtLogin: false });
    expect(agentB.eventsNamed('desktop.preferencesChanged').at(-1)).toMatchObject({ doNotDisturb: true });
    // A malformed switch is ignored and changes nothing.
    shell.send({ type: 'setPreferences', changes: { doNotDisturb: 'yes' } });
    shell.send({ type: 'setPreferences', changes: { theme: 'dark' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await agentB.call('desktop.preferences', {})).toEqual({ language: 'zh-CN', doNotDisturb: true, openAtLogin: false });
    await agentB.call('desktop.setPreferences', { doNotDisturb: false, language: 'en' });
  });

  it('assigns a conversation from a notification through the outbox and opens it in the window', async () => {
    const lead = await stack.addAgent('liu.yang@demo.switchboard');
    const shell = shellOf(lead);
    const id = await ingestChat(stack, 'VIP 客户，急！');
    await eventually(() => lead.call('conversation.get', { conversationId: id }), (d) => d !== null, 'the conversation on the lead');
    shell.send({ type: 'assignToMe', conversationId: id });
    await eventually(
      () => lead.eventsNamed('desktop.openConversation'),
      (e) => e.some((open) => open.conversationId === id),
      'the window asked to show it',
    );
    await eventually(
      () => stack.agentA.call('conversation.get', { conversationId: id }),
      (d) => d?.conversation.assigneeId === 'agent-liu-yang',
      'the assignment seen by another agent (through the server)',
    );
    shell.send({ type: 'open', conversationId: 'x'.repeat(65) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lead.eventsNamed('desktop.openConversation').every((open) => open.conversationId.length <= 64)).toBe(true);
  });

  it('tells the updater a restart would lose an unsent reply', async () => {
    const { agentA } = stack;
    const shell = shellOf(agentA);
    const answer = async (requestId: number) => {
      shell.send({ type: 'busyQuery', requestId });
      return eventually(
        () => shell.posted.find((m) => m.type === 'busy' && m.requestId === requestId),
        (m) => m !== undefined,
        `busy answer ${requestId}`,
      );
    };
    expect(await answer(1)).toEqual({ type: 'busy', requestId: 1, busy: false, reason: null });
    await agentA.call('desktop.reportDraft', { unsent: true });
    expect(await answer(2)).toEqual({ type: 'busy', requestId: 2, busy: true, reason: 'draft' });
    await agentA.call('desktop.reportDraft', { unsent: false });
    expect(await answer(3)).toMatchObject({ busy: false });
  });
});
