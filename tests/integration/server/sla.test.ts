/**
 * The SLA engine on a real server with a controllable clock: policies and calendars over the
 * admin API, SLA data on conversation snapshots, and the scheduler firing `sla.warning` /
 * `sla.breached` to the agent and an alert to the team's lead at the due instant.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutcomes } from '../../../server/db/queries/sla';
import { DEMO_CALENDARS } from '../../../server/demo/seedSla';
import { type SlaNotice } from '../../../shared/contracts/sla';
import type { Change, Poke, PullResponse, PushResponse } from '../../../shared/contracts/sync';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import type { BusinessCalendarRecord, SlaPolicyRecord } from '../../../shared/sla/policies';
import { connectSocket, startTestServer, testBackends, waitForEvent, type TestServer } from './harness';

/** Wall clock plus an offset the test moves forward. */
function controllableClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms: number) {
      offsetMs += ms;
    },
  };
}

const CALENDARS: BusinessCalendarRecord[] = [
  { id: 'always', name: '24/7', calendar: { timeZone: 'Asia/Shanghai', alwaysOpen: true, weekly: {} } },
  {
    id: 'office',
    name: 'Office',
    calendar: { timeZone: 'Asia/Shanghai', weekly: { mon: [['09:00', '18:00']], fri: [['09:00', '18:00']] } },
  },
];

const POLICIES: SlaPolicyRecord[] = [
  { id: 'vip', name: 'VIP', match: { tiers: ['vip'] }, calendarId: 'always', firstResponseMin: 1 },
  {
    id: 'chat',
    name: 'Chat',
    match: { channels: ['chat'] },
    calendarId: 'always',
    firstResponseMin: 2,
    resolutionMin: 60,
    warnBeforeMin: 1,
  },
  {
    id: 'default',
    name: 'Default',
    match: {},
    calendarId: 'office',
    firstResponseMin: 120,
    resolutionMin: 1440,
  },
];

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++n}`;

describe.each(testBackends())('SLA engine (%s)', (backend) => {
  const clock = controllableClock();
  let server: TestServer;
  let admin: string;
  let agentSocket: Socket;
  let leadSocket: Socket;
  let agentToken: string;

  const api = (method: string, path: string, token: string | undefined, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startTestServer({ backend, now: clock.now });
    admin = (await server.login('admin@demo.switchboard')).token;
    agentToken = (await server.login('li.na@demo.switchboard')).token;
    const lead = (await server.login('liu.yang@demo.switchboard')).token;
    agentSocket = await connectSocket(server.url, agentToken, server);
    leadSocket = await connectSocket(server.url, lead, server);
    // The demo policies still use the demo calendars, so those stay until the policies change.
    const both = { calendars: [...CALENDARS, ...DEMO_CALENDARS] };
    expect((await api('PUT', '/api/v1/admin/sla/calendars', admin, both)).status).toBe(200);
    expect((await api('PUT', '/api/v1/admin/sla/policies', admin, { policies: POLICIES })).status).toBe(200);
  });
  afterAll(() => server?.cleanup());

  it('lets only admins read and replace policies, and explains bad calendars with a 400', async () => {
    const read = await api('GET', '/api/v1/admin/sla/policies', admin);
    expect(((await read.json()) as { policies: SlaPolicyRecord[] }).policies.map((p) => p.id)).toEqual([
      'vip',
      'chat',
      'default',
    ]);
    expect((await api('GET', '/api/v1/admin/sla/policies', agentToken)).status).toBe(403);
    expect((await api('GET', '/api/v1/admin/sla/calendars', undefined)).status).toBe(401);

    const bad = await api('PUT', '/api/v1/admin/sla/calendars', admin, {
      calendars: [
        ...CALENDARS,
        {
          id: 'broken',
          name: 'Broken',
          calendar: {
            timeZone: 'Mars/Olympus',
            weekly: {
              mon: [['18:00', '09:00']],
              wed: [
                ['09:00', '13:30'],
                ['13:00', '18:00'],
              ],
            },
          },
        },
      ],
    });
    expect(bad.status).toBe(400);
    const error = (await bad.json()) as { code: string; message: string };
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('unknown time zone "Mars/Olympus"');
    expect(error.message).toContain('mon: 18:00–09:00 ends before it starts');
    expect(error.message).toContain('wed: 09:00–13:30 overlaps 13:00–18:00');

    const noDefault = await api('PUT', '/api/v1/admin/sla/policies', admin, {
      policies: POLICIES.slice(0, 2),
    });
    expect(noDefault.status).toBe(400);
    expect(((await noDefault.json()) as { message: string }).message).toContain('catch-all default');

    const orphan = await api('PUT', '/api/v1/admin/sla/calendars', admin, {
      calendars: CALENDARS.slice(0, 1),
    });
    expect(orphan.status).toBe(400);
    expect(((await orphan.json()) as { message: string }).message).toContain(
      'calendar "office" is used by policy "default"',
    );
  });

  it('puts the matched policy and the SLA events on conversation snapshots', async () => {
    const pokes: Change[] = [];
    agentSocket.on(SOCKET_EVENTS.poke, (poke: Poke) => pokes.push(...poke.changes));
    const response = await server.ingest({
      channel: 'email',
      externalId: unique('m'),
      contact: { externalId: unique('c') },
      text: 'hi',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    const vip = await server.ingest({
      channel: 'email',
      externalId: unique('m'),
      contact: { externalId: unique('c'), tier: 'vip' },
      text: 'VIP here',
    });
    const vipId = ((await vip.json()) as { conversationId: string }).conversationId;
    const pull = (await agentSocket.emitWithAck(SOCKET_EVENTS.pull, {
      cursor: 0,
      limit: 1000,
    })) as Ack<PullResponse>;
    if (!pull.ok) throw new Error(pull.error.message);
    const snapshot = pull.data.changes.find(
      (c) => 'conversation' in c && c.conversation.id === conversationId,
    );
    expect(snapshot && 'conversation' in snapshot && snapshot.conversation.slaPolicyId).toBe('default');
    expect(
      snapshot && 'conversation' in snapshot && snapshot.conversation.slaEvents?.map((e) => e.type),
    ).toEqual([
      'created',
      'customer_message',
      'status', // the initial status, recorded so the history can be rebuilt
    ]);
    // Admins see every conversation; the VIP one matches the first rule.
    const adminSocket = await connectSocket(server.url, admin, server);
    const all = (await adminSocket.emitWithAck(SOCKET_EVENTS.pull, {
      cursor: 0,
      limit: 1000,
    })) as Ack<PullResponse>;
    if (!all.ok) throw new Error(all.error.message);
    const vipSnapshot = all.data.changes.find((c) => 'conversation' in c && c.conversation.id === vipId);
    expect(vipSnapshot && 'conversation' in vipSnapshot && vipSnapshot.conversation.slaPolicyId).toBe('vip');
    expect(pull.data.changes.some((c) => c.type === 'sla_policy.updated')).toBe(true);
    agentSocket.off(SOCKET_EVENTS.poke);
  });

  it('warns, then breaches within a second of the due instant, reaching the agent and the lead', async () => {
    const response = await server.ingest({
      channel: 'chat',
      externalId: unique('m'),
      contact: { externalId: unique('c') },
      text: '在吗？',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    await server.sla.idle();
    const created = await server.db.db
      .selectFrom('conversations')
      .select('created_at')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const dueAt = Date.parse(created.created_at) + 2 * 60_000;

    const forThis = (notice: SlaNotice) => notice.conversationId === conversationId;
    const warning = waitForEvent<SlaNotice>(agentSocket, SOCKET_EVENTS.slaWarning, forThis);
    const breachAtAgent = waitForEvent<SlaNotice>(agentSocket, SOCKET_EVENTS.slaBreached, forThis).then(
      (notice) => ({
        notice,
        at: clock.now().getTime(),
      }),
    );
    const alertAtLead = waitForEvent<Poke>(leadSocket, SOCKET_EVENTS.poke, (poke) =>
      poke.changes.some((c) => c.type === 'alert.created' && c.alert.conversationId === conversationId),
    ).then((poke) => ({ poke, at: clock.now().getTime() }));
    const agentPokes: Change[] = [];
    agentSocket.on(SOCKET_EVENTS.poke, (poke: Poke) => agentPokes.push(...poke.changes));

    // Jump to 1.5 s before the due instant: the warning (due − 1 min) is already late, the breach is not.
    clock.advance(dueAt - 1_500 - clock.now().getTime());
    await server.sla.clockChanged();
    expect((await warning).target).toBe('firstResponse');

    const [agent, lead] = await Promise.all([breachAtAgent, alertAtLead]);
    const agentDelay = agent.at - dueAt;
    const leadDelay = lead.at - dueAt;
    console.log(
      `[sla ${backend}] due instant → sla.breached at agent: ${agentDelay} ms; → alert at lead: ${leadDelay} ms`,
    );
    expect(agent.notice).toMatchObject({
      kind: 'breached',
      target: 'firstResponse',
      dueAt: new Date(dueAt).toISOString(),
    });
    expect(agentDelay).toBeGreaterThanOrEqual(0);
    expect(agentDelay).toBeLessThan(1_000);
    expect(leadDelay).toBeGreaterThanOrEqual(0);
    expect(leadDelay).toBeLessThan(1_000);
    const alert = lead.poke.changes.find((c) => c.type === 'alert.created');
    expect(alert && alert.type === 'alert.created' && alert.alert).toMatchObject({
      teamId: 'team-presales',
      target: 'firstResponse',
    });
    // The alert is for leads: the agent's socket never receives it.
    expect(agentPokes.some((c) => c.type === 'alert.created')).toBe(false);
    agentSocket.off(SOCKET_EVENTS.poke);

    expect(await listOutcomes(server.db.db, conversationId)).toEqual([
      expect.objectContaining({ target: 'firstResponse', outcome: 'breached', met_at: null }),
    ]);

    // A late reply records how late it was (business time; the 24/7 calendar counts wall time).
    clock.advance(3 * 60_000);
    const ack = (await agentSocket.emitWithAck(SOCKET_EVENTS.push, {
      clientId: randomUUID(),
      mutations: [
        {
          mutationId: 1,
          name: 'message.send',
          args: { conversationId, messageId: randomUUID(), kind: 'text', text: '抱歉久等' },
        },
      ],
    })) as Ack<PushResponse>;
    expect(ack.ok && ack.data.results[0]!.ok).toBe(true);
    await server.sla.idle();
    await server.sla.idle();
    const [outcome] = await listOutcomes(server.db.db, conversationId);
    expect(outcome).toMatchObject({ target: 'firstResponse', outcome: 'breached' });
    expect(outcome!.overtime_ms).toBeGreaterThanOrEqual(3 * 60_000);
    expect(outcome!.overtime_ms).toBeLessThan(4 * 60_000);
  });

  it('does not fire a breach twice when the clock is re-armed', async () => {
    const before = await server.db.db.selectFrom('alerts').select('id').execute();
    await server.sla.clockChanged();
    await server.sla.idle();
    const after = await server.db.db.selectFrom('alerts').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
