/**
 * Leads' alerts on a real server (SQLite, and PostgreSQL when configured): who may acknowledge an
 * alert and who hears about it, the VIP-waiting alert firing once at the configured instant (a
 * controllable clock), and the SLA report's numbers over a known set of outcomes.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../server/db/database';
import { insertAlert, upsertOutcome } from '../../../server/db/queries/sla';
import { insertAgent } from '../../../server/db/queries/directory';
import { hashPassword } from '../../../server/domain/auth';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import type { SlaReport } from '../../../shared/contracts/alerts';
import type { Alert } from '../../../shared/contracts/sla';
import { type Change, type Poke, type PushResponse } from '../../../shared/contracts/sync';
import { connectSocket, startTestServer, testBackends, waitForEvent, type TestServer } from './harness';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';

function controllableClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms: number) {
      offsetMs += ms;
    },
  };
}

const VIP_WAIT_MS = 90_000;
let mutationId = 0;

async function acknowledge(socket: Socket, alertId: string) {
  const ack = (await socket.emitWithAck(SOCKET_EVENTS.push, {
    clientId: randomUUID(),
    mutations: [{ mutationId: ++mutationId, name: 'alert.acknowledge', args: { alertId } }],
  })) as Ack<PushResponse>;
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.results[0]!;
}

describe.each(testBackends())('lead alerts and the SLA report (%s)', (backend) => {
  const clock = controllableClock();
  let server: TestServer;
  let leadSocket: Socket;
  let otherLeadSocket: Socket;
  let agentSocket: Socket;
  let adminSocket: Socket;
  let leadToken: string;
  let otherLeadToken: string;
  let agentToken: string;

  const report = async (token: string, query: string) => {
    const response = await fetch(`${server.url}/api/v1/reports/sla?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as SlaReport & { code?: string } };
  };

  beforeAll(async () => {
    server = await startTestServer({ backend, now: clock.now, vipWaitMs: VIP_WAIT_MS });
    // A second lead who leads only tech support.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await writeTransaction(server.db, (trx) =>
      insertAgent(
        trx,
        {
          id: 'agent-lead-tech',
          name: '技术组长 Tech Lead',
          email: 'tech.lead@demo.switchboard',
          password_hash: passwordHash,
          role: 'lead',
          status: 'offline',
          created_at: new Date().toISOString(),
        },
        ['team-techsupport'],
      ),
    );
    leadToken = (await server.login('liu.yang@demo.switchboard')).token;
    otherLeadToken = (await server.login('tech.lead@demo.switchboard')).token;
    agentToken = (await server.login('li.na@demo.switchboard')).token;
    leadSocket = await connectSocket(server.url, leadToken, server);
    otherLeadSocket = await connectSocket(server.url, otherLeadToken, server);
    agentSocket = await connectSocket(server.url, agentToken, server);
    adminSocket = await connectSocket(server.url, (await server.login('admin@demo.switchboard')).token, server);
  });
  afterAll(() => server?.cleanup());

  async function storedAlert(teamId: string): Promise<Alert> {
    const response = await server.ingest({
      channel: 'chat',
      externalId: `m-${randomUUID()}`,
      contact: { externalId: `c-${randomUUID()}`, name: '张伟' },
      text: '在吗',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    const alert: Alert = {
      id: randomUUID(),
      kind: 'sla_breached',
      conversationId,
      teamId,
      assigneeId: null,
      target: 'firstResponse',
      dueAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
    };
    await writeTransaction(server.db, (trx) => insertAlert(trx, alert));
    return alert;
  }

  it('lets a lead of the alert’s team or an admin acknowledge it, never an agent or another team’s lead', async () => {
    const alert = await storedAlert('team-presales');
    expect(await acknowledge(agentSocket, alert.id)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await acknowledge(otherLeadSocket, alert.id)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await acknowledge(leadSocket, randomUUID())).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const agentPokes: Change[] = [];
    agentSocket.on(SOCKET_EVENTS.poke, (poke: Poke) => agentPokes.push(...poke.changes));
    const updated = waitForEvent<Poke>(leadSocket, SOCKET_EVENTS.poke, (poke) =>
      poke.changes.some((c) => c.type === 'alert.updated' && c.alert.id === alert.id),
    );
    expect(await acknowledge(leadSocket, alert.id)).toMatchObject({ ok: true });
    const change = (await updated).changes.find((c) => c.type === 'alert.updated');
    expect(change?.type === 'alert.updated' && change.alert).toMatchObject({
      id: alert.id,
      acknowledgedBy: 'agent-liu-yang',
    });
    expect(change?.type === 'alert.updated' && change.alert.acknowledgedAt).toBeTruthy();
    // A second acknowledgement (here the admin's) changes nothing: the first one stands.
    expect(await acknowledge(adminSocket, alert.id)).toMatchObject({ ok: true });
    const row = await server.db.db.selectFrom('alerts').select('data').where('id', '=', alert.id).executeTakeFirstOrThrow();
    expect((JSON.parse(row.data) as Alert).acknowledgedBy).toBe('agent-liu-yang');
    const pull = (await agentSocket.emitWithAck(SOCKET_EVENTS.pull, { cursor: 0, limit: 1000 })) as Ack<{ changes: Change[] }>;
    if (!pull.ok) throw new Error(pull.error.message);
    expect(pull.data.changes.some((c) => c.type === 'alert.updated')).toBe(false);
    expect(agentPokes.some((c) => c.type.startsWith('alert.'))).toBe(false);
    agentSocket.off(SOCKET_EVENTS.poke);

    const adminAlert = await storedAlert('team-techsupport');
    expect(await acknowledge(adminSocket, adminAlert.id)).toMatchObject({ ok: true });
    const techAlert = await storedAlert('team-techsupport');
    expect(await acknowledge(otherLeadSocket, techAlert.id)).toMatchObject({ ok: true });
  });

  it('alerts the leads once when a VIP has waited in the queue for the configured time', async () => {
    const response = await server.ingest({
      channel: 'chat',
      externalId: `m-${randomUUID()}`,
      contact: { externalId: `vip-${randomUUID()}`, name: '王总', tier: 'vip' },
      text: '我的订单怎么还没到？',
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    await server.sla.idle();
    const row = await server.db.db
      .selectFrom('conversations')
      .select(['waiting_since', 'created_at', 'assignee_id', 'status'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row.assignee_id).toBeNull(); // nobody is online to take it
    const dueAt = Date.parse(row.waiting_since ?? row.created_at) + VIP_WAIT_MS;
    const vipAlerts = () =>
      server.db.db.selectFrom('alerts').select('data').where('conversation_id', '=', conversationId).where('kind', '=', 'vip_waiting').execute();

    // Just before the instant: nothing yet.
    clock.advance(dueAt - 2_000 - clock.now().getTime());
    await server.sla.clockChanged();
    await server.sla.idle();
    expect(await vipAlerts()).toHaveLength(0);

    const atLead = waitForEvent<Poke>(leadSocket, SOCKET_EVENTS.poke, (poke) =>
      poke.changes.some((c) => c.type === 'alert.created' && c.alert.kind === 'vip_waiting' && c.alert.conversationId === conversationId),
    ).then((poke) => ({ poke, at: clock.now().getTime() }));
    const { poke, at } = await atLead; // the timer fires on its own, no clock move
    console.log(`[alerts ${backend}] VIP wait due → alert at the lead: ${at - dueAt} ms`);
    expect(at).toBeGreaterThanOrEqual(dueAt);
    const created = poke.changes.find((c) => c.type === 'alert.created');
    expect(created?.type === 'alert.created' && created.alert).toMatchObject({
      kind: 'vip_waiting',
      teamId: 'team-vip',
      waitingSince: row.waiting_since ?? row.created_at,
    });

    // Re-arming and further commits on the conversation never raise it again.
    await server.sla.clockChanged();
    clock.advance(10 * 60_000);
    await server.sla.clockChanged();
    await server.sla.idle();
    expect(await vipAlerts()).toHaveLength(1);
  });

  it('reports hit rate and overtime per team × target × priority over known outcomes', async () => {
    const from = '2020-03-01T00:00:00.000Z';
    const conversations: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await server.ingest({
        channel: 'email',
        externalId: `m-${randomUUID()}`,
        contact: { externalId: `c-report-${i}`, name: i === 0 ? '李雷' : 'Hannah Lee' },
        text: 'report',
      });
      conversations.push(((await response.json()) as { conversationId: string }).conversationId);
    }
    const teamOf = await server.db.db.selectFrom('conversations').select(['id', 'team_id', 'priority']).where('id', 'in', conversations).execute();
    const team = teamOf[0]!.team_id;
    await server.db.db.updateTable('conversations').set({ team_id: team, priority: 'normal' }).where('id', 'in', conversations).execute();
    const outcomes: Array<[string, string, number, 'met' | 'breached', number, string]> = [
      [conversations[0]!, 'nextResponse', 1, 'met', 0, '2020-03-02T10:00:00.000Z'],
      [conversations[0]!, 'nextResponse', 2, 'met', 0, '2020-03-02T11:00:00.000Z'],
      [conversations[0]!, 'nextResponse', 3, 'breached', 60_000, '2020-03-02T12:00:00.000Z'],
      [conversations[0]!, 'nextResponse', 4, 'breached', 120_000, '2020-03-02T13:00:00.000Z'],
      [conversations[1]!, 'nextResponse', 1, 'breached', 600_000, '2020-03-03T09:00:00.000Z'],
      [conversations[1]!, 'firstResponse', 0, 'met', 0, '2020-03-03T08:00:00.000Z'],
      // Outside the period: not counted.
      [conversations[1]!, 'resolution', 0, 'breached', 999_000, '2020-04-01T00:00:00.000Z'],
    ];
    for (const [conversationId, target, instance, outcome, overtime, at] of outcomes) {
      await upsertOutcome(server.db.db, {
        conversation_id: conversationId,
        target,
        instance,
        policy_id: 'default',
        team_id: team,
        outcome,
        started_at: at,
        due_at: outcome === 'breached' ? at : null,
        met_at: outcome === 'met' ? at : null,
        overtime_ms: overtime,
        recorded_at: at,
      });
    }
    const query = `from=${from}&to=2020-03-10T00:00:00.000Z&teamId=${team}`;
    const { status, body } = await report(leadToken, query);
    expect(status).toBe(200);
    expect(body.teamIds).toEqual([team]);
    expect(body.rows).toEqual([
      { teamId: team, target: 'firstResponse', priority: 'normal', met: 1, breached: 0, hitRate: 1, medianOvertimeMs: null, p90OvertimeMs: null },
      {
        teamId: team,
        target: 'nextResponse',
        priority: 'normal',
        met: 2,
        breached: 3,
        hitRate: 0.4,
        medianOvertimeMs: 120_000,
        // Rank 0.9 × (3 − 1) = 1.8, linear between ranks: 120 000 + 0.8 × (600 000 − 120 000).
        p90OvertimeMs: 504_000,
      },
    ]);
    expect(body.latestBreaches.map((b) => [b.contactName, b.target, b.overtimeMs])).toEqual([
      ['Hannah Lee', 'nextResponse', 600_000],
      ['李雷', 'nextResponse', 120_000],
      ['李雷', 'nextResponse', 60_000],
    ]);

    // Authorization and validation: typed errors, never a 5xx.
    expect((await report(otherLeadToken, query)).status).toBe(team === 'team-techsupport' ? 200 : 403);
    expect((await report(agentToken, query)).status).toBe(403);
    expect((await report(leadToken, 'from=yesterday&to=today')).body.code).toBe('invalid');
    expect((await report(leadToken, `from=2020-03-10T00:00:00Z&to=${from}`)).status).toBe(400);
    expect((await report(leadToken, 'from=2020-01-01T00:00:00Z&to=2022-01-01T00:00:00Z')).status).toBe(400);
    const unauthenticated = await fetch(`${server.url}/api/v1/reports/sla?${query}`);
    expect(unauthenticated.status).toBe(401);
    // The other lead's own report never includes this team.
    const own = await report(otherLeadToken, `from=${from}&to=2020-03-10T00:00:00.000Z`);
    expect(own.status).toBe(200);
    expect(own.body.teamIds).toEqual(['team-techsupport']);
  });
});
