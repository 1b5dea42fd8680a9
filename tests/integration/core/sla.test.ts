/**
 * SLA through real cores: policies reach the cache through the change log, inbox rows carry the
 * countdown input and sort / filter by due instant, and when the server's scheduler fires, the
 * assignee's core and the team lead's core each emit `sla.alerted` (the native notification).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaPolicyRecord } from '../../../shared/sla/policies';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from './stack';

// A 6-second first-response target on chat (warning 3 s before), so the test sees both notices.
const POLICIES: SlaPolicyRecord[] = [
  {
    id: 'fast-chat',
    name: 'Fast chat',
    match: { channels: ['chat'] },
    calendarId: 'cal-24x7',
    firstResponseMin: 0.1,
    warnBeforeMin: 0.05,
  },
  { id: 'rest', name: 'Rest', match: {}, calendarId: 'cal-office', firstResponseMin: 120 },
];

describe.each(testBackends())('SLA through the cores (%s)', (backend) => {
  let stack: Stack;
  let lead: TestAgent;
  let teammate: TestAgent;

  beforeAll(async () => {
    stack = await startStack(backend);
    lead = await stack.addAgent('liu.yang@demo.switchboard');
    teammate = await stack.addAgent('emma.clark@demo.switchboard'); // 售前 too, but does not hold it
    await stack.putSlaPolicies(POLICIES);
  });
  afterAll(() => stack?.close());

  it('warns and breaches on the assignee’s core, escalates on the lead’s, and keeps rows due-sorted', async () => {
    const { agentA } = stack;
    const stamp = Date.now();
    const response = await stack.server.ingest({
      channel: 'chat',
      externalId: `core-sla-${stamp}`,
      contact: { externalId: `core-sla-contact-${stamp}`, name: '赵雷' },
      text: '订单什么时候发货？',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    await eventually(
      () => agentA.call('conversation.get', { conversationId }),
      (detail) => detail !== null,
      'conversation on A',
    );
    await agentA.call('conversation.assign', {
      conversationId,
      assigneeId: (await agentA.call('session.get', {}))!.agent.id,
    });

    const page = await agentA.call('inbox.list', {
      scope: 'myTeams',
      sort: 'dueSoonest',
      slaFilter: 'breachingWithin30m',
      offset: 0,
      limit: 50,
    });
    const row = page.rows.find((r) => r.id === conversationId);
    expect(row?.sla).toMatchObject({ policyId: 'fast-chat', policy: { firstResponseMin: 0.1 } });
    expect(page.rows[0]?.id).toBe(conversationId); // the newest 6-second target is the soonest due

    const mine = (kind: string) => (e: { conversationId: string; kind: string }) =>
      e.conversationId === conversationId && e.kind === kind;
    const warned = await eventually(
      () => agentA.eventsNamed('sla.alerted'),
      (events) => events.some(mine('warning')),
      'warning on A',
    );
    expect(warned.find(mine('warning'))).toMatchObject({ target: 'firstResponse', contactName: '赵雷' });
    await eventually(
      () => agentA.eventsNamed('sla.alerted'),
      (events) => events.some(mine('breached')),
      'breach on A',
    );
    const escalated = await eventually(
      () => lead.eventsNamed('sla.alerted'),
      (events) => events.some(mine('breached')),
      'alert on lead',
    );
    expect(escalated.find(mine('breached'))).toMatchObject({ target: 'firstResponse', contactName: '赵雷' });
    // A teammate who sees the conversation but does not hold it is not paged.
    const teammateSees = await teammate.call('conversation.get', { conversationId });
    expect(teammateSees).not.toBeNull();
    expect(teammate.eventsNamed('sla.alerted').some((e) => e.conversationId === conversationId)).toBe(false);
  });
});
