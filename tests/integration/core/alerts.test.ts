/**
 * Alerts through real cores: a breach the server's scheduler raises lands in the lead's cache
 * (not the agent's), the lead acknowledges it offline-first through the outbox (shown at once,
 * confirmed by `alert.updated`), and the Live screen's calls answer from the cache or the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaPolicyRecord } from '../../../shared/sla/policies';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from './stack';

// A 3-second first-response target on chat, so a breach arrives during the test.
const POLICIES: SlaPolicyRecord[] = [
  { id: 'fast-chat', name: 'Fast chat', match: { channels: ['chat'] }, calendarId: 'cal-24x7', firstResponseMin: 0.05 },
  { id: 'rest', name: 'Rest', match: {}, calendarId: 'cal-office', firstResponseMin: 120 },
];

describe.each(testBackends())('alerts through the cores (%s)', (backend) => {
  let stack: Stack;
  let lead: TestAgent;

  beforeAll(async () => {
    stack = await startStack(backend);
    lead = await stack.addAgent('liu.yang@demo.switchboard');
    await stack.putSlaPolicies(POLICIES);
  });
  afterAll(() => stack?.close());

  it('stores a breach alert for the lead, and acknowledges it through the outbox', async () => {
    const stamp = Date.now();
    const response = await stack.server.ingest({
      channel: 'chat',
      externalId: `core-alert-${stamp}`,
      contact: { externalId: `core-alert-contact-${stamp}`, name: '孙丽' },
      text: '人呢？',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };

    const listed = await eventually(
      () => lead.call('alerts.list', {}),
      (list) => list.alerts.some((item) => item.alert.conversationId === conversationId),
      'the breach alert in the lead’s cache',
    );
    const item = listed.alerts.find((entry) => entry.alert.conversationId === conversationId)!;
    expect(item).toMatchObject({ contactName: '孙丽', pending: false, alert: { kind: 'sla_breached', acknowledgedAt: null } });
    expect(listed.unacknowledged).toBeGreaterThanOrEqual(1);
    // Agents never hold alerts, and may not ask for them.
    expect(await stack.agentA.core.rpc.handle('alerts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Acknowledge while offline: shown at once as pending, confirmed after reconnecting.
    const before = listed.unacknowledged;
    lead.core.goOffline();
    await lead.call('alerts.acknowledge', { alertId: item.alert.id });
    const local = await lead.call('alerts.list', {});
    expect(local.unacknowledged).toBe(before - 1);
    expect(local.alerts.find((entry) => entry.alert.id === item.alert.id)).toMatchObject({
      pending: true,
      alert: { acknowledgedBy: 'agent-liu-yang' },
    });
    // Unacknowledged first: the acknowledged one sorts after every open one.
    const order = local.alerts.map((entry) => Boolean(entry.alert.acknowledgedAt));
    expect(order).toEqual([...order].sort((a, b) => Number(a) - Number(b)));
    expect(lead.eventsNamed('data.changed').some((e) => (e.records ?? []).some((r) => r.kind === 'alert' && r.id === item.alert.id))).toBe(true);

    // The server needs the network: the live.* proxies say so plainly.
    expect(await lead.core.rpc.handle('live.teamRouting', { teamId: 'team-presales' })).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });

    lead.core.goOnline();
    const confirmed = await eventually(
      () => lead.call('alerts.list', {}),
      (list) => list.alerts.some((entry) => entry.alert.id === item.alert.id && !entry.pending && entry.alert.acknowledgedAt),
      'the acknowledgement confirmed by the server',
    );
    expect(confirmed.alerts.find((entry) => entry.alert.id === item.alert.id)).toMatchObject({
      acknowledgedByName: '刘洋 Liu Yang',
      alert: { acknowledgedBy: 'agent-liu-yang' },
    });
    const stored = await stack.server.db.db.selectFrom('alerts').select('data').where('id', '=', item.alert.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.data)).toMatchObject({ acknowledgedBy: 'agent-liu-yang' });
  });

  it('answers the Live screen’s queue, routing and report calls', async () => {
    const { teams } = await lead.call('live.queues', {});
    expect(teams.map((team) => team.teamId).sort()).toEqual(['team-aftersales', 'team-presales', 'team-techsupport', 'team-vip']);
    const presales = teams.find((team) => team.teamId === 'team-presales')!;
    expect(presales.atRisk).toBeGreaterThanOrEqual(1); // the breached chat above is still open
    const view = await lead.call('live.teamRouting', { teamId: 'team-presales' });
    expect(view.agents.map((agent) => agent.id)).toContain('agent-li-na');
    const now = Date.now();
    const report = await lead.call('live.slaReport', {
      from: new Date(now - 86_400_000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
    });
    expect(report.rows.some((row) => row.teamId === 'team-presales' && row.target === 'firstResponse' && row.breached >= 1)).toBe(true);
    // Server error codes pass through the proxy unchanged.
    expect(await lead.core.rpc.handle('live.slaReport', { from: 'yesterday', to: 'today' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await lead.core.rpc.handle('live.teamRouting', { teamId: 'team-nope' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
