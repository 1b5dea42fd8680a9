/**
 * Alert triage on a real server (SQLite, and PostgreSQL when configured): a second negative
 * message joins the conversation's open alert instead of making a new card, severities, the
 * admin's settings (whole GET/PUT, 400 naming fields, 403 for others, thresholds, kinds off,
 * rate limit per team and hour), mutes, and the low-survey alert with "reopen on low score".
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/alerts';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';
import type { Alert } from '../../../shared/contracts/sla';
import type { Change, Poke } from '../../../shared/contracts/sync';
import type { Channel, Message } from '../../../shared/domain/model';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { connectSocket, startTestServer, testBackends, type TestServer } from './harness';

const ANGRY = '太差劲了，等了一个星期还没发货，气死我了';
const ANGRIER = '你们的客服态度太恶劣了，我非常生气';
const MILD = 'The delivery is a bit slow, not great';

describe.each(testBackends())('alert triage (%s)', (backend) => {
  let server: TestServer;
  afterEach(async () => server?.cleanup());

  const start = () => startTestServer({ backend, bot: { sentimentAlertCooldownMs: 0 } });

  async function ingest(channel: Channel, contact: string, text: string, tier?: 'vip') {
    const response = await server.ingest({
      channel,
      externalId: `m-${randomUUID()}`,
      contact: { externalId: contact, name: contact, ...(tier ? { tier } : {}) },
      text,
    });
    expect(response.status).toBe(202);
    return (await response.json()) as { conversationId: string; messageId: string };
  }

  async function alertsOf(conversationId: string): Promise<Alert[]> {
    const rows = await server.db.db.selectFrom('alerts').select('data').where('conversation_id', '=', conversationId).execute();
    return rows.map((row) => JSON.parse(row.data) as Alert);
  }

  async function http(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const adminToken = async () => (await server.login('admin@demo.switchboard')).token;
  const leadToken = async () => (await server.login('liu.yang@demo.switchboard')).token;
  const putSettings = async (settings: AlertSettings) =>
    http('PUT', '/api/v1/admin/alert-settings', await adminToken(), { settings });

  it('groups a second negative message into the open alert: one card, count 2, the latest words', async () => {
    server = await start();
    const lead = await connectSocket(server.url, await leadToken(), server);
    const heard: Change[] = [];
    lead.on(SOCKET_EVENTS.poke, (poke: Poke) => heard.push(...poke.changes));
    const first = await ingest('email', 'angry', ANGRY);
    const second = await ingest('email', 'angry', ANGRIER);
    expect(second.conversationId).toBe(first.conversationId);

    const alerts = await alertsOf(first.conversationId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'negative_sentiment', count: 2, messageId: second.messageId, severity: 'critical' });
    expect(alerts[0]!.kind === 'negative_sentiment' && alerts[0]!.excerpt).toBe(ANGRIER);
    await waitUntil(() => heard.some((c) => c.type === 'alert.updated'));
    expect(heard.filter((c) => c.type === 'alert.created')).toHaveLength(1);
    const updated = heard.find((c) => c.type === 'alert.updated');
    expect(updated && 'alert' in updated && updated.alert.count).toBe(2);
  });

  const unlimited = () =>
    putSettings({ ...DEFAULT_ALERT_SETTINGS, negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, maxPerTeamPerHour: 0 } });

  it('opens a new group once the first is acknowledged', async () => {
    server = await start();
    await unlimited();
    const first = await ingest('email', 'angry-again', ANGRY);
    const [alert] = await alertsOf(first.conversationId);
    await server.db.db
      .updateTable('alerts')
      .set({ acknowledged_at: new Date().toISOString(), data: JSON.stringify({ ...alert, acknowledgedAt: new Date().toISOString() }) })
      .where('id', '=', alert!.id)
      .execute();
    await ingest('email', 'angry-again', ANGRIER);
    expect(await alertsOf(first.conversationId)).toHaveLength(2);
  });

  it('lets admins read and replace the settings as a whole; others get 403; bad fields are named', async () => {
    server = await start();
    const admin = await adminToken();
    expect(await http('GET', '/api/v1/admin/alert-settings', admin)).toEqual({ status: 200, body: { settings: DEFAULT_ALERT_SETTINGS } });
    expect((await http('GET', '/api/v1/admin/alert-settings', await leadToken())).status).toBe(403);
    const agent = (await server.login('li.na@demo.switchboard')).token;
    expect((await http('PUT', '/api/v1/admin/alert-settings', agent, { settings: DEFAULT_ALERT_SETTINGS })).status).toBe(403);

    const bad = await http('PUT', '/api/v1/admin/alert-settings', admin, {
      settings: {
        ...DEFAULT_ALERT_SETTINGS,
        negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, maxScore: 0.5 },
        vip_waiting: { enabled: 'yes', maxPerTeamPerHour: -1 },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('settings.negative_sentiment.maxScore');
    expect(bad.body.message).toContain('settings.vip_waiting.enabled');
    expect(bad.body.message).toContain('settings.vip_waiting.maxPerTeamPerHour');

    const next: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, reopenOnLowSurvey: true, vip_waiting: { enabled: false, maxPerTeamPerHour: 5 } };
    expect(await putSettings(next)).toEqual({ status: 200, body: { settings: next } });
    expect((await http('GET', '/api/v1/admin/alert-settings', admin)).body).toEqual({ settings: next });
  });

  it('applies the score threshold, a kind switched off, and skips conversations someone holds', async () => {
    server = await start();
    const mild = await ingest('email', 'mild', MILD);
    expect(await alertsOf(mild.conversationId)).toEqual([]);

    await putSettings({ ...DEFAULT_ALERT_SETTINGS, negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, enabled: false } });
    const off = await ingest('email', 'off', ANGRY);
    expect(await alertsOf(off.conversationId)).toEqual([]);

    await putSettings(DEFAULT_ALERT_SETTINGS);
    const held = await ingest('email', 'held', 'hello, a question about my order');
    await server.db.db.updateTable('conversations').set({ assignee_id: 'agent-wang-wei' }).where('id', '=', held.conversationId).execute();
    await ingest('email', 'held', ANGRY);
    expect(await alertsOf(held.conversationId)).toEqual([]);
  });

  it('gives a team at most N new alerts of a kind an hour, while groups still count up', async () => {
    server = await start();
    await putSettings({ ...DEFAULT_ALERT_SETTINGS, negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, maxPerTeamPerHour: 2 } });
    const conversations = [];
    for (const name of ['c1', 'c2', 'c3', 'c4']) conversations.push((await ingest('email', `limit-${name}`, ANGRY)).conversationId);
    const counts = await Promise.all(conversations.map(async (id) => (await alertsOf(id)).length));
    const teams = await server.db.db.selectFrom('conversations').select('team_id').where('id', 'in', conversations).execute();
    expect(new Set(teams.map((t) => t.team_id)).size).toBe(1); // the same team, so the same budget
    expect(counts).toEqual([1, 1, 0, 0]);
    await ingest('email', 'limit-c1', ANGRIER);
    expect((await alertsOf(conversations[0]!))[0]).toMatchObject({ count: 2 });
  });

  it('rates a VIP customer’s negative message higher, and a breach of a VIP critical', async () => {
    server = await start();
    await putSettings({ ...DEFAULT_ALERT_SETTINGS, negative_sentiment: { ...DEFAULT_ALERT_SETTINGS.negative_sentiment, maxScore: -0.3 } });
    const vip = await ingest('email', 'vip-angry', ANGRY, 'vip');
    expect((await alertsOf(vip.conversationId))[0]).toMatchObject({ severity: 'critical' });
  });

  it('mutes a conversation: its open alerts are acknowledged, no new ones until unmuted; leads of other teams are refused', async () => {
    server = await start();
    await unlimited();
    const lead = await leadToken();
    const first = await ingest('email', 'muted', ANGRY);
    expect(await alertsOf(first.conversationId)).toHaveLength(1);

    const muted = await http('PUT', `/api/v1/alerts/mutes/${first.conversationId}`, lead, { minutes: 60 });
    expect(muted.status).toBe(200);
    expect((await alertsOf(first.conversationId))[0]!.acknowledgedBy).toBe('agent-liu-yang');
    await ingest('email', 'muted', ANGRIER);
    expect(await alertsOf(first.conversationId)).toHaveLength(1);
    const listed = await http('GET', '/api/v1/alerts/mutes', lead);
    expect(listed.body.mutes).toEqual([expect.objectContaining({ conversationId: first.conversationId, mutedBy: 'agent-liu-yang' })]);

    const bad = await http('PUT', `/api/v1/alerts/mutes/${first.conversationId}`, lead, { minutes: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('minutes');

    expect((await http('DELETE', `/api/v1/alerts/mutes/${first.conversationId}`, lead)).body).toMatchObject({ ok: true, removed: true });
    await ingest('email', 'muted', ANGRY);
    expect(await alertsOf(first.conversationId)).toHaveLength(2);
  });

  it('refuses a lead muting another team’s conversation', async () => {
    server = await start();
    const { conversationId } = await ingest('email', 'other-team', ANGRY);
    const teamId = (await server.db.db.selectFrom('conversations').select('team_id').where('id', '=', conversationId).executeTakeFirstOrThrow()).team_id;
    await server.db.db.deleteFrom('agent_teams').where('agent_id', '=', 'agent-liu-yang').where('team_id', '=', teamId).execute();
    const lead = await leadToken();
    expect((await http('PUT', `/api/v1/alerts/mutes/${conversationId}`, lead, { minutes: null })).status).toBe(403);
    expect((await http('DELETE', `/api/v1/alerts/mutes/${conversationId}`, lead)).status).toBe(403);
  });

  it('alerts the leads on a low survey score, and reopens the conversation only when the admin asked', async () => {
    server = await start();
    const answer = (conversationId: string, score: number) =>
      fetch(`${server.url}/api/v1/ingest/surveys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.email}` },
        body: JSON.stringify({ conversationId, kind: 'csat', score, comment: '没解决' }),
      });
    const resolved = async (contact: string) => {
      const { conversationId } = await ingest('email', contact, 'Where is my parcel?');
      await server.db.db.updateTable('conversations').set({ status: 'resolved' }).where('id', '=', conversationId).execute();
      return conversationId;
    };
    const happy = await resolved('happy');
    expect((await answer(happy, 5)).status).toBe(202);
    expect(await alertsOf(happy)).toEqual([]);

    const unhappy = await resolved('unhappy');
    expect((await answer(unhappy, 1)).status).toBe(202);
    expect(await alertsOf(unhappy)).toEqual([
      expect.objectContaining({ kind: 'low_survey', survey: 'csat', score: 1, comment: '没解决', severity: 'warning' }),
    ]);
    const status = async (id: string) =>
      (await server.db.db.selectFrom('conversations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect(await status(unhappy)).toBe('resolved');

    await putSettings({ ...DEFAULT_ALERT_SETTINGS, reopenOnLowSurvey: true });
    const reopen = await resolved('reopen');
    expect((await answer(reopen, 2)).status).toBe(202);
    expect(await status(reopen)).toBe('open');
    const lines = await server.db.db.selectFrom('messages').select(['detail_json']).where('conversation_id', '=', reopen).execute();
    const details = lines.map((line) => (line.detail_json ? (JSON.parse(line.detail_json) as Message['detail']) : null));
    expect(details).toContainEqual({ kind: 'reopened_low_survey', survey: 'csat', score: 2 });
    expect(await alertsOf(reopen)).toEqual([expect.objectContaining({ kind: 'low_survey', severity: 'info' })]);
  });
});

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}
