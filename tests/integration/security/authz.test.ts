/**
 * Authorization matrix: every socket event (SOCKET_EVENTS, one column per MUTATION_NAMES entry
 * for sync.push) and every HTTP route (the server's own route table) against every caller. The
 * expected outcomes live in authzMatrix.ts, one line per event, mutation or route (the quality-review
 * probes, which need records set up first, are in authzQaProbe.ts); this file
 * probes each cell against a real server. It fails when the contracts or the route table gain an
 * entry the tables do not cover, so a new event or route cannot ship without a decision about who
 * may call it.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../server/db/database';
import { insertAlert } from '../../../server/db/queries/sla';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import {
  MUTATION_NAMES,
  type MutationName,
  type PullResponse,
  type PushResponse,
} from '../../../shared/contracts/sync';
import { connectSocket, startTestServer, type TestServer } from '../server/harness';
import {
  AGENT_ID,
  CALLERS,
  EMAIL,
  HANDSHAKE,
  SIGNED_IN,
  SOCKET_EVENT_CONTRACTS,
  SOCKET_MATRIX,
  fillParams,
  mutationArgs,
  routeSpec,
  HTTP_MATRIX,
  type Caller,
  type SignedIn,
  type SocketOutcome,
} from './authzMatrix';
import { presalesConversation, qaMutationProbe } from './authzQaProbe';

const TOKEN_SECRET = 'authz-matrix-token-secret';

let cannedCount = 0;
/** Fields of a 售前 team canned response (or li.na's personal one) with a unique shortcut. */
function cannedFields(scope: 'team' | 'personal') {
  cannedCount++;
  return {
    scope,
    teamId: scope === 'team' ? 'team-presales' : null,
    folder: 'matrix',
    title: `Matrix ${cannedCount}`,
    shortcut: `matrix-${cannedCount}`,
    body: 'Thank you for waiting.',
    language: 'en',
    tags: [],
  };
}

// ---------------------------------------------------------------------------------------------

let server: TestServer;
const tokens = {} as Record<Caller, string | undefined>;

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; sid: string };

const ingestPresales = () => presalesConversation(server);
const pushQa = qaMutationProbe(() => server, ingestPresales);

/** Changes whenever a write lands on the conversation: its version or its message count. */
async function conversationVersion(id: string): Promise<number> {
  const row = await server.db.db
    .selectFrom('conversations')
    .select(['version', 'message_count'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.version) + Number(row.message_count);
}

beforeAll(async () => {
  server = await startTestServer({ tokenSecret: TOKEN_SECRET });
  for (const who of SIGNED_IN) tokens[who] = (await server.login(EMAIL[who])).token;
  tokens.noToken = undefined;
  tokens.channel = DEMO_CHANNEL_TOKENS.chat;

  // Expired: a real session and a valid signature, only `exp` is in the past.
  const live = (await server.login(EMAIL.agentOwner)).token;
  const { sub, sid } = claimsOf(live);
  const now = Math.floor(Date.now() / 1000);
  const sign = (exp: number) =>
    new SignJWT({ sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuedAt(now - 7_200)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(TOKEN_SECRET));
  tokens.expired = await sign(now - 60);
  // Control: the same claims with a future exp are accepted, so the refusal is about exp alone.
  (await connectSocket(server.url, await sign(now + 600))).close();

  const doomed = (await server.login(EMAIL.agentOwner)).token;
  await server.revokeSession(claimsOf(doomed).sid);
  tokens.revoked = doomed;
});

afterAll(async () => {
  await server?.cleanup();
});

describe('authorization matrix: socket events', () => {
  it('covers every socket event and every mutation name', () => {
    const columns = Object.keys(SOCKET_MATRIX);
    for (const [contract, events] of Object.entries(SOCKET_EVENT_CONTRACTS)) {
      for (const event of events) {
        if (event === SOCKET_EVENTS.push) continue; // one column per mutation name, below
        expect(
          columns,
          `socket event ${event} (${contract}) has no line in authzMatrix.ts SOCKET_MATRIX`,
        ).toContain(event);
      }
    }
    for (const name of MUTATION_NAMES) {
      expect(columns, `mutation ${name} has no line push:${name} in authzMatrix.ts SOCKET_MATRIX`).toContain(
        `push:${name}`,
      );
    }
  });

  it('lets only valid sessions complete the handshake', async () => {
    const table: string[] = [];
    for (const caller of CALLERS) {
      const outcome = await connectSocket(server.url, tokens[caller]).then(
        (socket) => (socket.close(), 'connected'),
        (error: Error) => (expect(error.message).toBe('unauthorized'), 'refused'),
      );
      table.push(`${caller}=${outcome}`);
      expect(outcome, caller).toBe(HANDSHAKE[caller]);
    }
    console.log(`[authz] handshake: ${table.join(' ')}`);
  });

  it('gives each signed-in caller exactly the outcome in the table, for every event', async () => {
    const sockets = {} as Record<SignedIn, Socket>;
    for (const who of SIGNED_IN) sockets[who] = await connectSocket(server.url, tokens[who], server);
    const seen: string[] = [];

    for (const [column, row] of Object.entries(SOCKET_MATRIX)) {
      for (const who of SIGNED_IN) {
        const socket = sockets[who];
        const expected = row[who];
        let actual: SocketOutcome;
        if (column === SOCKET_EVENTS.pull) {
          const conversationId = await ingestPresales();
          const ack = (await socket
            .timeout(5_000)
            .emitWithAck(SOCKET_EVENTS.pull, { cursor: 0, limit: 1_000 })) as Ack<PullResponse>;
          expect(ack.ok).toBe(true);
          const changes = ack.ok ? ack.data.changes : [];
          actual = changes.some((c) => 'conversation' in c && c.conversation.id === conversationId)
            ? 'pull:visible'
            : 'pull:hidden';
        } else if (column === 'push:agent.setStatus') {
          const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
            clientId: randomUUID(),
            mutations: [{ mutationId: 1, name: 'agent.setStatus', args: { status: 'away' } }],
          })) as Ack<PushResponse>;
          expect(ack.ok).toBe(true);
          const result = ack.ok ? ack.data.results[0]! : undefined;
          actual = result?.ok
            ? 'ok'
            : ((result && !result.ok ? result.error.code : 'internal') as SocketOutcome);
        } else if (column === 'push:alert.acknowledge') {
          const conversationId = await ingestPresales();
          const alertId = randomUUID();
          const at = new Date().toISOString();
          await writeTransaction(server.db, (trx) =>
            insertAlert(trx, {
              id: alertId,
              kind: 'sla_breached',
              conversationId,
              teamId: 'team-presales',
              assigneeId: null,
              target: 'firstResponse',
              dueAt: at,
              createdAt: at,
            }),
          );
          const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
            clientId: randomUUID(),
            mutations: [{ mutationId: 1, name: 'alert.acknowledge', args: { alertId } }],
          })) as Ack<PushResponse>;
          expect(ack.ok).toBe(true);
          const result = ack.ok ? ack.data.results[0]! : undefined;
          actual = result?.ok
            ? 'ok'
            : ((result && !result.ok ? result.error.code : 'internal') as SocketOutcome);
          const stored = await server.db.db
            .selectFrom('alerts')
            .select('data')
            .where('id', '=', alertId)
            .executeTakeFirstOrThrow();
          // A refused acknowledgement leaves the alert unacknowledged.
          expect(Boolean((JSON.parse(stored.data) as { acknowledgedAt?: string }).acknowledgedAt)).toBe(
            actual === 'ok',
          );
        } else if (column.startsWith('push:qa.')) {
          const name = column.slice('push:'.length) as MutationName;
          const result = await pushQa(sockets, who, name);
          actual = result.ok ? 'ok' : (result.error.code as SocketOutcome);
        } else if (column.startsWith('push:canned.')) {
          const personal = column.endsWith('(personal)');
          const name = column.slice('push:'.length).replace('(personal)', '');
          let args: Record<string, unknown>;
          if (name === 'canned.create') args = { id: randomUUID(), ...cannedFields('team') };
          else {
            // An existing response to act on, made by its rightful editor.
            const id = randomUUID();
            const fields = cannedFields(personal ? 'personal' : 'team');
            const made = (await sockets[personal ? 'agentOwner' : 'admin']
              .timeout(5_000)
              .emitWithAck(SOCKET_EVENTS.push, {
                clientId: randomUUID(),
                mutations: [{ mutationId: 1, name: 'canned.create', args: { id, ...fields } }],
              })) as Ack<PushResponse>;
            expect(made.ok && made.data.results[0]!.ok, `setup of ${column}`).toBe(true);
            args = name === 'canned.update' ? { id, ...fields, title: 'Edited' } : { id };
          }
          const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
            clientId: randomUUID(),
            mutations: [{ mutationId: 1, name, args }],
          })) as Ack<PushResponse>;
          expect(ack.ok).toBe(true);
          const result = ack.ok ? ack.data.results[0]! : undefined;
          actual = result?.ok
            ? 'ok'
            : ((result && !result.ok ? result.error.code : 'internal') as SocketOutcome);
        } else if (column.startsWith('push:')) {
          const other = column.endsWith('(other)');
          const name = column.slice('push:'.length).replace('(other)', '') as MutationName;
          const conversationId = await ingestPresales();
          const versionBefore = await conversationVersion(conversationId);
          const assignee = other ? 'agent-emma-clark' : AGENT_ID[who];
          const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
            clientId: randomUUID(),
            mutations: [{ mutationId: 1, name, args: mutationArgs(name, conversationId, assignee) }],
          })) as Ack<PushResponse>;
          expect(ack.ok).toBe(true);
          const result = ack.ok ? ack.data.results[0]! : undefined;
          actual = result?.ok
            ? 'ok'
            : ((result && !result.ok ? result.error.code : 'internal') as SocketOutcome);
          // A refused write leaves the conversation as it was; an accepted one moves its version.
          const versionAfter = await conversationVersion(conversationId);
          if (actual === 'ok') expect(versionAfter).toBeGreaterThan(versionBefore);
          else expect(versionAfter).toBe(versionBefore);
        } else if (column === SOCKET_EVENTS.presence) {
          const conversationId = await ingestPresales();
          const ack = (await socket
            .timeout(5_000)
            .emitWithAck(column, { conversationId, viewing: true, typing: false })) as Ack<unknown>;
          actual = ack.ok ? 'ok' : (ack.error.code as SocketOutcome);
          await socket.timeout(5_000).emitWithAck(column, { conversationId, viewing: false, typing: false });
        } else {
          const ack = (await socket.timeout(5_000).emitWithAck(column, {})) as Ack<unknown>;
          actual = ack.ok ? 'ok' : (ack.error.code as SocketOutcome);
        }
        seen.push(`${column} × ${who}: ${actual}`);
        expect(actual, `${column} × ${who}`).toBe(expected);
      }
    }
    expect(seen).toHaveLength(Object.keys(SOCKET_MATRIX).length * SIGNED_IN.length);
  });
});

describe('authorization matrix: HTTP routes', () => {
  it('has a row for every route the server registers', () => {
    const routes = server.routes();
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(HTTP_MATRIX).length);
    for (const route of routes)
      expect(routeSpec(route), `route ${route} has no line in authzMatrix.ts HTTP_MATRIX`).toBeDefined();
    for (const route of Object.keys(HTTP_MATRIX))
      expect(routes, `HTTP_MATRIX row ${route} is not a route`).toContain(route);
  });

  it('answers each caller with the status in the table, for every route', async () => {
    const cells: string[] = [];
    for (const route of server.routes()) {
      const spec = routeSpec(route)!;
      const [method, url] = route.split(' ') as [string, string];
      for (const caller of CALLERS) {
        let token = tokens[caller];
        // Logging out ends the session, so each signed-in caller spends a fresh one.
        if (route === 'POST /api/v1/auth/logout' && (SIGNED_IN as readonly string[]).includes(caller)) {
          token = (await server.login(EMAIL[caller as SignedIn])).token;
        }
        const headers: Record<string, string> = {};
        if (token) headers.authorization = `Bearer ${token}`;
        if (spec.body !== undefined) headers['content-type'] = 'application/json';
        const response = await fetch(`${server.url}${fillParams(url)}`, {
          method,
          headers,
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        });
        cells.push(`${route} × ${caller}: ${response.status}`);
        expect(response.status, `${route} × ${caller}`).toBe(spec.expect[caller]);
        if (response.status >= 400) {
          expect(await response.json()).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
        }
      }
    }
    console.log(`[authz] ${cells.length} HTTP cells checked over ${server.routes().length} routes`);
  });
});

describe('revocation', () => {
  it('tells and disconnects a connected socket within 1 s of its session being revoked', async () => {
    const token = (await server.login(EMAIL.agentOwner)).token;
    const socket = await connectSocket(server.url, token, server);
    const told = new Promise<unknown>((resolve) => socket.once(SOCKET_EVENTS.revoked, resolve));
    const gone = new Promise<number>((resolve) =>
      socket.once('disconnect', () => resolve(performance.now())),
    );
    const start = performance.now();
    const logout = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.status).toBe(200);
    expect(await told).toEqual({ reason: 'revoked' });
    const delay = (await gone) - start;
    console.log(`[authz] revoked socket disconnected after ${delay.toFixed(1)} ms`);
    expect(delay).toBeLessThan(1_000);
    await expect(connectSocket(server.url, token)).rejects.toThrow('unauthorized');
  });

  it('disconnects an expired session when its token runs out', async () => {
    const { sub, sid } = claimsOf((await server.login(EMAIL.agentOwner)).token);
    // The socket's expiry timer follows the session row's expiry; shorten it to one second.
    await server.db.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 1_000).toISOString() })
      .where('id', '=', sid)
      .execute();
    const token = await new SignJWT({ sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
      .sign(new TextEncoder().encode(TOKEN_SECRET));
    const socket = await connectSocket(server.url, token, server);
    await new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await expect(connectSocket(server.url, token)).rejects.toThrow('unauthorized');
  });
});
