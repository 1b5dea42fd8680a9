/**
 * Alerts through real cores: a breach the server's scheduler raises lands in the lead's cache
 * (not the agent's), the lead acknowledges it offline-first through the outbox (shown at once,
 * confirmed by `alert.updated`), and the Live screen's calls answer from the cache or the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../../shared/alerts';
import { DEFAULT_ALERT_PREFERENCES } from '../../../shared/contracts/alerts';
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
    // Every negative message escalates (no cool-down), so grouping and mutes are what decide.
    stack = await startStack(backend, { bot: { sentimentAlertCooldownMs: 0 } });
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

  it('shows a conversation’s repeated negative messages as one counted alert, acknowledges several at once, and mutes', async () => {
    const stamp = Date.now();
    const angry = async (who: string, text: string) => {
      const response = await stack.server.ingest({
        channel: 'email',
        externalId: `core-triage-${who}-${stamp}-${text.length}-${Math.random()}`,
        contact: { externalId: `core-triage-${who}-${stamp}`, name: who },
        text,
      });
      return ((await response.json()) as { conversationId: string }).conversationId;
    };
    // No limit per hour here: the suite is about what the lead sees, not the budget.
    const admin = (await stack.server.login('admin@demo.switchboard')).token;
    const put = await fetch(`${stack.server.url}/api/v1/admin/alert-settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        settings: {
          ...DEFAULT_ALERT_SETTINGS,
          negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, maxPerTeamPerHour: 0 },
        },
      }),
    });
    expect(put.status).toBe(200);
    const first = await angry('何俊杰', '太差劲了，等了一个星期还没发货，气死我了');
    const second = await angry('王芳', '你们的客服态度太恶劣了，我非常生气');
    const listed = await eventually(
      () => lead.call('alerts.list', {}),
      (list) => [first, second].every((id) => list.alerts.some((item) => item.alert.conversationId === id)),
      'both negative alerts in the lead’s cache',
    );
    const ids = listed.alerts.filter((item) => [first, second].includes(item.alert.conversationId)).map((item) => item.alert.id);
    expect(ids).toHaveLength(2);
    expect(listed.alerts.find((item) => item.alert.conversationId === first)).toMatchObject({ alert: { severity: 'critical', count: 1 } });

    // Bulk acknowledge offline: shown at once, both confirmed after reconnecting.
    lead.core.goOffline();
    expect(await lead.call('alerts.acknowledgeMany', { alertIds: ids })).toEqual({ ok: true, queued: 2 });
    const local = await lead.call('alerts.list', {});
    expect(local.alerts.filter((item) => ids.includes(item.alert.id)).every((item) => item.pending && item.alert.acknowledgedAt)).toBe(true);
    expect(await lead.core.rpc.handle('alerts.mute', { conversationId: first, minutes: 60 })).toMatchObject({ ok: false, error: { code: 'offline' } });
    lead.core.goOnline();
    await eventually(
      () => lead.call('alerts.list', {}),
      (list) => list.alerts.filter((item) => ids.includes(item.alert.id)).every((item) => !item.pending && item.alert.acknowledgedAt),
      'both acknowledgements confirmed',
    );

    // A muted conversation raises nothing more; unmuted, it does again (a new card: the first was acknowledged).
    await eventually(() => lead.core.rpc.handle('alerts.mute', { conversationId: first, minutes: null }), (answer) => answer.ok, 'muted');
    expect((await lead.call('alerts.mutes', {})).mutes.map((mute) => mute.conversationId)).toContain(first);
    await angry('何俊杰', '还是没有人管，太差劲了，气死我了');
    expect(await stack.server.db.db.selectFrom('alerts').select('id').where('conversation_id', '=', first).execute()).toHaveLength(1);
    expect(await lead.call('alerts.unmute', { conversationId: first })).toEqual({ ok: true, removed: true });
    await angry('何俊杰', '太差劲了，等了一个星期还没发货，气死我了!');
    await eventually(
      () => lead.call('alerts.list', {}),
      (list) => list.alerts.filter((item) => item.alert.conversationId === first).length === 2,
      'a new alert once unmuted',
    );
    // Agents get none of this.
    expect(await stack.agentA.core.rpc.handle('alerts.acknowledgeMany', { alertIds: ids })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stack.agentA.core.rpc.handle('alerts.mutes', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps the lead’s notification choice per kind on the workstation', async () => {
    expect(await lead.call('alerts.preferences', {})).toEqual(DEFAULT_ALERT_PREFERENCES);
    const quiet = { ...DEFAULT_ALERT_PREFERENCES, negative_sentiment: { notify: false, sound: false } };
    expect(await lead.call('alerts.setPreferences', quiet)).toEqual(quiet);
    expect(await lead.call('alerts.preferences', {})).toEqual(quiet);
    expect(await lead.core.rpc.handle('alerts.setPreferences', { negative_sentiment: { notify: 'no' } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await stack.agentA.core.rpc.handle('alerts.preferences', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
