/**
 * Presence and auto-assignment against a real server (SQLite, and PostgreSQL when configured):
 * the team switch, longest wait first within capacity, capacity freed by resolving, the reason
 * recorded in the thread, no double assignment under many concurrent dispatchers (two nodes on
 * PostgreSQL), and an agent who disconnects for good handing unanswered work back.
 */
import { staticKnowledge } from '../../../server/domain/nlu/knowledgeSource';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { type PushResponse } from '../../../shared/contracts/sync';
import type { TeamRoutingView } from '../../../shared/contracts/routing';
import type { AgentStatus } from '../../../shared/domain/model';
import { createDemoConnector } from '../../../server/domain/connectors';
import type { DomainContext } from '../../../server/domain/context';
import { dispatchTeam } from '../../../server/domain/routing/dispatch';
import { connectSocket, startTestServer, testBackends, type TestServer } from './harness';
import { socketSync } from './socketSync';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';

const PRESALES = 'team-presales';
const LI_NA = 'agent-li-na';
const EMMA = 'agent-emma-clark';

let mutationId = 0;
async function push(socket: Socket, name: string, args: unknown): Promise<void> {
  const ack = (await socket.emitWithAck(SOCKET_EVENTS.push, {
    clientId: randomUUID(),
    mutations: [{ mutationId: ++mutationId, name, args }],
  })) as Ack<PushResponse>;
  if (!ack.ok || !ack.data.results[0]!.ok) throw new Error(`push ${name} failed: ${JSON.stringify(ack)}`);
}

async function api(server: TestServer, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function ingestChat(
  server: TestServer,
  contact: string,
  minute: number,
  tier: 'standard' | 'vip' = 'standard',
) {
  const response = await server.ingest({
    channel: 'chat',
    externalId: `m-${randomUUID()}`,
    contact: { externalId: contact, name: contact, tier },
    text: `hello from ${contact}`,
    occurredAt: new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString(),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { conversationId: string }).conversationId;
}

/** Waits until `check` holds, letting dispatch finish between looks (gives up after ~10 s). */
async function until(server: TestServer, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    await server.routing.idle();
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never held');
}

const assigneeOf = async (server: TestServer, id: string) =>
  (
    await server.db.db
      .selectFrom('conversations')
      .select('assignee_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).assignee_id;

const systemTexts = async (server: TestServer, id: string) =>
  (
    await server.db.db
      .selectFrom('messages')
      .select('text')
      .where('conversation_id', '=', id)
      .where('kind', '=', 'system')
      .orderBy('created_at')
      .execute()
  ).map((row) => row.text);

describe.each(testBackends())('routing (%s)', (backend) => {
  let server: TestServer;
  let admin: string;
  const socketFor: Record<string, Socket> = {};

  async function signIn(agentId: string, email: string): Promise<Socket> {
    const { token } = await server.login(email);
    socketFor[agentId] = await connectSocket(server.url, token, server);
    return socketFor[agentId];
  }
  const setStatus = (agentId: string, status: AgentStatus) =>
    push(socketFor[agentId]!, 'agent.setStatus', { status });

  beforeEach(async () => {
    server = await startTestServer({ backend, offlineGraceMs: 50 });
    admin = (await server.login('admin@demo.switchboard')).token;
    await signIn(LI_NA, 'li.na@demo.switchboard');
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('assigns the longest-waiting chat within capacity, only when the team switch is on, and refills when capacity frees', async () => {
    expect(
      (
        await api(server, admin, 'PUT', `/api/v1/routing/agents/${LI_NA}/capacity`, {
          capacity: { chat: 1, email: 10, voice: 1, sms: 5, social: 5 },
        })
      ).status,
    ).toBe(200);
    const off = await api(server, admin, 'PUT', `/api/v1/routing/teams/${PRESALES}`, { autoAssign: false });
    expect(off.status).toBe(200);
    const late = await ingestChat(server, 'late', 20);
    const early = await ingestChat(server, 'early', 5);
    await setStatus(LI_NA, 'available');
    await server.routing.idle();
    expect(await assigneeOf(server, early)).toBeNull();
    expect(
      ((await api(server, admin, 'GET', `/api/v1/routing/teams/${PRESALES}`)).body as TeamRoutingView).queued,
    ).toBe(2);

    await api(server, admin, 'PUT', `/api/v1/routing/teams/${PRESALES}`, { autoAssign: true });
    await until(server, async () => (await assigneeOf(server, early)) === LI_NA);
    expect(await assigneeOf(server, late)).toBeNull(); // chat capacity 1
    expect(await systemTexts(server, early)).toContain(
      'Auto-assigned to 李娜 Li Na: least loaded of 1 available, chat 1/1',
    );
    const view = (await api(server, admin, 'GET', `/api/v1/routing/teams/${PRESALES}`))
      .body as TeamRoutingView;
    expect(view.agents.find((a) => a.id === LI_NA)).toMatchObject({
      status: 'available',
      load: { chat: 1 },
      capacity: { chat: 1 },
    });

    const row = await server.db.db
      .selectFrom('conversations')
      .select('version')
      .where('id', '=', early)
      .executeTakeFirstOrThrow();
    await push(socketFor[LI_NA]!, 'conversation.setStatus', {
      conversationId: early,
      status: 'resolved',
      baseVersion: Number(row.version),
    });
    await until(server, async () => (await assigneeOf(server, late)) === LI_NA);
  });

  it('gives work only to available agents and not to one who is away', async () => {
    await setStatus(LI_NA, 'away');
    const chat = await ingestChat(server, 'waiting', 1);
    await server.routing.idle();
    expect(await assigneeOf(server, chat)).toBeNull();
    await setStatus(LI_NA, 'available');
    await until(server, async () => (await assigneeOf(server, chat)) === LI_NA);
  });

  it('lets a lead set an agent away (nothing more is routed to her, and she sees it) and back, since when shown', async () => {
    const lead = (await server.login('liu.yang@demo.switchboard')).token;
    const away = await api(server, lead, 'PUT', `/api/v1/routing/agents/${LI_NA}/status`, { status: 'away' });
    expect(away).toMatchObject({ status: 200, body: { status: 'away' } });
    const since = (away.body as { statusSince: string | null }).statusSince;
    expect(since).not.toBeNull();
    const board = await api(server, lead, 'GET', `/api/v1/routing/teams/${PRESALES}`);
    expect((board.body as TeamRoutingView).agents.find((agent) => agent.id === LI_NA)).toMatchObject({
      status: 'away',
      statusSince: since,
    });
    // Li Na's own workstation hears it as a directory change.
    const heard = await socketSync().pullNew(socketFor[LI_NA]!);
    expect(heard.some((change) => change.type === 'agent.updated' && change.agent.id === LI_NA && change.agent.status === 'away')).toBe(true);

    const chat = await ingestChat(server, 'set-away', 1);
    await server.routing.idle();
    expect(await assigneeOf(server, chat)).toBeNull();
    expect((await api(server, lead, 'PUT', `/api/v1/routing/agents/${LI_NA}/status`, { status: 'available' })).status).toBe(200);
    await until(server, async () => (await assigneeOf(server, chat)) === LI_NA);

    // An agent may not set a colleague's status; a bad status is named; a lead is not an agent.
    const agentToken = (await server.login('wang.wei@demo.switchboard')).token;
    expect((await api(server, agentToken, 'PUT', `/api/v1/routing/agents/${LI_NA}/status`, { status: 'away' })).status).toBe(403);
    const bad = await api(server, lead, 'PUT', `/api/v1/routing/agents/${LI_NA}/status`, { status: 'asleep' });
    expect(bad.status).toBe(400);
    expect((await api(server, admin, 'PUT', `/api/v1/routing/agents/agent-liu-yang/status`, { status: 'away' })).status).toBe(400);
  });

  it('a lead of another team may not switch this team, an agent may not either', async () => {
    const agentToken = (await server.login('wang.wei@demo.switchboard')).token;
    expect(
      (await api(server, agentToken, 'PUT', `/api/v1/routing/teams/${PRESALES}`, { autoAssign: false }))
        .status,
    ).toBe(403);
    expect(
      (await api(server, admin, 'PUT', `/api/v1/routing/teams/${PRESALES}`, { autoAssign: 'no' })).status,
    ).toBe(400);
  });

  it('never assigns a conversation twice under many concurrent dispatchers', async () => {
    await signIn(EMMA, 'emma.clark@demo.switchboard');
    await api(server, admin, 'PUT', `/api/v1/routing/teams/${PRESALES}`, { autoAssign: false });
    for (const agent of [LI_NA, EMMA]) {
      await api(server, admin, 'PUT', `/api/v1/routing/agents/${agent}/capacity`, {
        capacity: { chat: 12, email: 10, voice: 1, sms: 5, social: 5 },
      });
    }
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push(await ingestChat(server, `burst-${i}`, i));
    await setStatus(LI_NA, 'available');
    await setStatus(EMMA, 'available');
    await server.routing.idle();
    await api(server, admin, 'PUT', `/api/v1/routing/teams/${PRESALES}`, { autoAssign: true });

    // A second node on the same PostgreSQL database; on SQLite a second context on the same store.
    const other =
      backend === 'postgres'
        ? await startTestServer({ backend, databaseUrl: server.databaseUrl, seedDemo: false })
        : null;
    const contexts: DomainContext[] = [server, ...(other ? [other] : [])].map((node) => ({
      store: node.db,
      announcer: { announce() {} },
      connector: createDemoConnector(node.db, new EventEmitter()),
      tokenSecret: new Uint8Array(32),
      tokenTtlHours: 1,
      knowledge: staticKnowledge(),
      now: () => new Date(),
    }));
    try {
      await Promise.all(
        Array.from({ length: 24 }, (_, i) => dispatchTeam(contexts[i % contexts.length]!, PRESALES)),
      );
      await server.routing.idle();
      await other?.routing.idle();
    } finally {
      await other?.close();
    }

    const assignments = await server.db.db
      .selectFrom('change_log')
      .select(['record_id'])
      .where('type', '=', 'conversation.assigned')
      .where('record_kind', '=', 'conversation')
      .where('record_id', 'in', ids)
      .execute();
    const perConversation = new Map<string, number>();
    for (const row of assignments)
      perConversation.set(row.record_id!, (perConversation.get(row.record_id!) ?? 0) + 1);
    expect([...perConversation.values()].every((count) => count === 1)).toBe(true);
    expect(perConversation.size).toBe(24); // 2 agents × chat capacity 12; 6 stay queued
    const held = await server.db.db
      .selectFrom('conversations')
      .select(['id', 'assignee_id'])
      .where('id', 'in', ids)
      .execute();
    const perAgent = (agent: string) => held.filter((row) => row.assignee_id === agent).length;
    expect([perAgent(LI_NA), perAgent(EMMA)]).toEqual([12, 12]);
    // The oldest 24 went first; the 6 youngest wait.
    const queued = held.filter((row) => row.assignee_id === null).map((row) => ids.indexOf(row.id));
    expect(queued.sort((a, b) => a - b)).toEqual([24, 25, 26, 27, 28, 29]);
  });

  it('returns unanswered work to the queue when the agent’s last socket is gone, keeps answered work', async () => {
    await api(server, admin, 'PUT', `/api/v1/routing/teams/${PRESALES}`, { autoAssign: true });
    await setStatus(LI_NA, 'available');
    const answered = await ingestChat(server, 'answered', 1);
    const unanswered = await ingestChat(server, 'unanswered', 2);
    await until(
      server,
      async () =>
        (await assigneeOf(server, unanswered)) === LI_NA && (await assigneeOf(server, answered)) === LI_NA,
    );
    await push(socketFor[LI_NA]!, 'message.send', {
      conversationId: answered,
      messageId: randomUUID(),
      kind: 'text',
      text: 'On it!',
    });

    socketFor[LI_NA]!.close();
    await until(server, async () => (await assigneeOf(server, unanswered)) === null);
    const status = await server.db.db
      .selectFrom('agents')
      .select('status')
      .where('id', '=', LI_NA)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('offline');
    expect(await assigneeOf(server, answered)).toBe(LI_NA);
    expect(await systemTexts(server, unanswered)).toContain(
      'Returned to the queue: 李娜 Li Na went offline (disconnected)',
    );

    // Someone available in the team picks it up.
    await signIn(EMMA, 'emma.clark@demo.switchboard');
    await setStatus(EMMA, 'available');
    await until(server, async () => (await assigneeOf(server, unanswered)) === EMMA);
  });

  it('closing one of two windows keeps the agent online: only the last socket counts', async () => {
    await setStatus(LI_NA, 'available');
    const first = socketFor[LI_NA]!;
    await signIn(LI_NA, 'li.na@demo.switchboard');
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 300)); // well past the 50 ms grace
    const status = await server.db.db
      .selectFrom('agents')
      .select('status')
      .where('id', '=', LI_NA)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('available');
  });
});
