/**
 * Property-based fuzzing of every socket event and HTTP endpoint with malformed, oversized and
 * hostile payloads, against one real server (embedded SQLite, demo seed). For every case:
 * the server answers (no crash, no hung ack, no dropped socket), never with a 5xx or an
 * `internal` error, always with a typed `{ code, message }`, and nothing is stored: the
 * domain tables have the same row counts afterwards. The one table that may grow is
 * `applied_mutations`, which records rejected mutations on purpose (a resend must get the same
 * answer); every row it gains must be a rejection. Prints the number of cases run (≥ 10 000).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { ErrorBodySchema, type ErrorCode } from '../../../shared/contracts/errors';
import {
  IngestMessageRequestSchema,
  IngestSurveyRequestSchema,
  LoginRequestSchema,
} from '../../../shared/contracts/http';
import {
  MUTATION_NAMES,
  MutationArgsSchemas,
  PullRequestSchema,
  PushRequestSchema,
  SOCKET_EVENTS,
  type Ack,
  type MutationName,
  type PushResponse,
} from '../../../shared/contracts/sync';
import { MAX_PAYLOAD_BYTES } from '../../../shared/domain/limits';
import { connectSocket, startTestServer, type TestServer } from '../server/harness';
import { hostilePayload, hostileValue, prototypePolluted, wire } from './hostile';

const DOMAIN_TABLES = [
  'teams',
  'agents',
  'agent_teams',
  'contacts',
  'contact_identities',
  'conversations',
  'messages',
  'channel_tokens',
  'sessions',
  'change_log',
  'outbound_deliveries',
  'surveys',
] as const;

const INPUT_ERRORS: ErrorCode[] = ['invalid', 'too_large'];
const RESERVED_EVENTS = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

let server: TestServer;
let agent: Socket; // wang.wei: not in 售前, so every well-formed write to the target is refused
let targetConversationId: string;
let before: Record<string, number>;
let spareToken: string;
let adminToken: string;
let rejectionsBefore: number;
const runs: Record<string, number> = {};

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DOMAIN_TABLES) {
    const row = await server.db.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

function fits(payload: unknown): boolean {
  // Frames over the limit are cut by the transport, not answered; see the dedicated test.
  return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8') < MAX_PAYLOAD_BYTES - 1_024;
}

async function emit(event: string, payload: unknown): Promise<Ack<unknown>> {
  return (await agent.timeout(5_000).emitWithAck(event, payload)) as Ack<unknown>;
}

function expectTypedError(ack: Ack<unknown>, codes: ErrorCode[]): void {
  expect(ack.ok).toBe(false);
  if (ack.ok) return;
  expect(ErrorBodySchema.safeParse(ack.error).success).toBe(true);
  expect(codes).toContain(ack.error.code);
}

async function check<Ts extends unknown[]>(name: string, property: fc.IAsyncProperty<Ts>, numRuns: number) {
  try {
    await fc.assert(property, { numRuns, endOnFailure: true });
  } catch (error) {
    // Counterexamples can be megabytes long: keep the report readable, with the failed assertion as cause.
    // eslint-disable-next-line preserve-caught-error -- the full fast-check error is what is too long to print
    throw new Error(String((error as Error).message).slice(0, 3_000), { cause: (error as Error).cause });
  }
  runs[name] = (runs[name] ?? 0) + numRuns;
}

beforeAll(async () => {
  server = await startTestServer();
  const wang = await server.login('wang.wei@demo.switchboard');
  agent = await connectSocket(server.url, wang.token, server);
  const response = await server.ingest({
    channel: 'chat', // routed to 售前
    externalId: 'fuzz-target',
    contact: { externalId: 'fuzz-contact', name: 'Fuzz Target' },
    text: 'the conversation every fuzzed write aims at',
  });
  expect(response.status).toBe(202);
  targetConversationId = ((await response.json()) as { conversationId: string }).conversationId;
  spareToken = (await server.login('wang.wei@demo.switchboard')).token;
  adminToken = (await server.login('admin@demo.switchboard')).token;
  before = await rowCounts();
  rejectionsBefore = (await server.db.db.selectFrom('applied_mutations').select('result').execute()).length;
});

afterAll(async () => {
  const total = Object.values(runs).reduce((a, b) => a + b, 0);
  console.log(
    `[fuzz] ${total} cases: ${Object.entries(runs)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  await server?.cleanup();
});

/** Valid arguments per mutation, aimed at a conversation wang.wei may not touch. */
const argsBase = (conversationId: string): Partial<Record<MutationName, Record<string, unknown>>> => ({
  'message.send': { conversationId, messageId: randomUUID(), kind: 'text', text: 'hello' },
  'conversation.assign': { conversationId, assigneeId: 'agent-wang-wei', baseVersion: 0 },
  'conversation.transfer': {
    conversationId,
    teamId: 'team-aftersales',
    assigneeId: null,
    baseVersion: 0,
  },
  'conversation.setStatus': { conversationId, status: 'resolved', baseVersion: 0 },
  'conversation.setPriority': { conversationId, priority: 'urgent', baseVersion: 0 },
});

describe('fuzzing the socket events', () => {
  it('answers every malformed sync.pull with a typed error', { timeout: 60_000 }, async () => {
    const payload = hostilePayload({ cursor: 0, limit: 10 }).filter(fits);
    await check(
      'sync.pull',
      fc.asyncProperty(payload, async (p) => {
        const ack = await emit(SOCKET_EVENTS.pull, p);
        if (PullRequestSchema.safeParse(wire(p)).success) expect(ack.ok).toBe(true);
        else expectTypedError(ack, INPUT_ERRORS);
      }),
      1_500,
    );
  });

  it('answers every malformed sync.push, for every mutation name, with typed errors and no writes', { timeout: 60_000 }, async () => {
    const mutation = fc.oneof(
      { weight: 1, arbitrary: hostileValue },
      {
        weight: 6,
        arbitrary: fc.constantFrom(...MUTATION_NAMES).chain((name) => {
          const base = argsBase(targetConversationId)[name];
          // Mutations without a base here (newer ones) get wholly hostile arguments only.
          const args = base ? hostilePayload(base) : hostileValue;
          return hostilePayload({ mutationId: 1, name, args: base ?? {} }).chain((m) =>
            // Half the time keep the envelope valid and fuzz only the args.
            fc.oneof(fc.constant(m), args.map((a) => ({ mutationId: 1, name, args: a }))),
          );
        }),
      },
    );
    const request = fc
      .oneof(
        { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => ({ clientId: 'fresh', mutations })) },
        { weight: 2, arbitrary: hostilePayload({ clientId: 'fresh', mutations: [] }) },
      )
      .filter(fits);
    await check(
      'sync.push',
      fc.asyncProperty(request, async (raw) => {
        // A fresh client id per case, so at-most-once never answers from an earlier case.
        const p = wire(raw);
        if (p && typeof p === 'object' && (p as { clientId?: unknown }).clientId === 'fresh') {
          (p as { clientId: string }).clientId = randomUUID();
          const list = (p as { mutations?: unknown }).mutations;
          if (Array.isArray(list)) list.forEach((m, i) => m && typeof m === 'object' && 'mutationId' in m && (m.mutationId = i + 1));
        }
        const ack = await emit(SOCKET_EVENTS.push, p);
        const parsed = PushRequestSchema.safeParse(p);
        if (!parsed.success) return expectTypedError(ack, INPUT_ERRORS);
        expect(ack.ok).toBe(true);
        const { results } = (ack as { ok: true; data: PushResponse }).data;
        expect(results).toHaveLength(parsed.data.mutations.length);
        parsed.data.mutations.forEach((m, i) => {
          const result = results[i]!;
          expect(result.ok).toBe(false);
          if (result.ok) return;
          const argsValid = MutationArgsSchemas[m.name].safeParse(m.args).success;
          expect(ErrorBodySchema.safeParse(result.error).success).toBe(true);
          expect(argsValid ? ['forbidden', 'not_found', 'stale'] : INPUT_ERRORS).toContain(result.error.code);
        });
      }),
      2_500,
    );
  });

  it('answers unknown events with unknown_event, whatever their name and payload', { timeout: 60_000 }, async () => {
    const name = fc
      .oneof(fc.string({ maxLength: 60 }), fc.constantFrom('sync.poke', 'session.revoked', 'SYNC.PULL', 'sync.pull ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'sync.push\u0000'))
      .filter((n) => !RESERVED_EVENTS.has(n) && n !== SOCKET_EVENTS.pull && n !== SOCKET_EVENTS.push);
    await check(
      'unknown events',
      fc.asyncProperty(fc.tuple(name, hostileValue.filter(fits)), async ([event, p]) => {
        expectTypedError(await emit(event, p), ['unknown_event']);
      }),
      1_000,
    );
  });

  it('survives events without an ack, with extra arguments, and frames over the size limit', async () => {
    agent.emit(SOCKET_EVENTS.push, { clientId: 'x' });
    agent.emit(SOCKET_EVENTS.pull, 'no ack');
    agent.emit('nonsense');
    const extra = (await agent.timeout(5_000).emitWithAck(SOCKET_EVENTS.pull, { cursor: 0, limit: 1 }, 'extra', 42)) as Ack<unknown>;
    expect(extra.ok).toBe(true);

    // An oversized frame: the transport drops that connection; the server and other sockets carry on.
    const victim = await connectSocket(server.url, spareToken, server);
    const closed = new Promise<string>((resolve) => victim.once('disconnect', resolve));
    victim.emit(SOCKET_EVENTS.push, { clientId: randomUUID(), mutations: ['x'.repeat(MAX_PAYLOAD_BYTES + 10)] });
    expect(await closed).toMatch(/transport/);
    const ack = await emit(SOCKET_EVENTS.pull, { cursor: 0, limit: 1 });
    expect(ack.ok).toBe(true);
    runs['socket edge cases'] = 5;
  });
});

// ---------------------------------------------------------------------------------------------

interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

async function send(c: HttpCase): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${c.path}`, {
    method: c.method,
    headers: c.headers,
    body: c.method === 'GET' || c.method === 'HEAD' ? undefined : c.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Checked below: error bodies must be JSON.
  }
  return { status: response.status, body };
}

function expectHttpError(result: { status: number; body: unknown }, statuses: number[]): void {
  expect(result.status).toBeLessThan(500);
  expect(statuses).toContain(result.status);
  expect(ErrorBodySchema.safeParse(result.body).success).toBe(true);
}

/** Raw bodies JSON cannot describe: broken JSON, deep nesting, bodies over the limit. */
const rawBody = fc.constantFrom(
  '',
  '{',
  '{"email":',
  'null',
  '[]',
  '"just a string"',
  '{"a":1,"a":2}',
  '\u0000\u0001',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
  `{"text":"${'x'.repeat(MAX_PAYLOAD_BYTES + 1)}"}`,
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  '',
);

function bodyFor(base: Record<string, unknown>): fc.Arbitrary<{ body: string; type: string }> {
  return fc.oneof(
    { weight: 6, arbitrary: hostilePayload(base).map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
    { weight: 1, arbitrary: fc.tuple(rawBody, contentType).map(([body, type]) => ({ body, type })) },
    { weight: 1, arbitrary: fc.tuple(hostileValue, contentType).map(([v, type]) => ({ body: JSON.stringify(v) ?? '', type })) },
  );
}

/** Header values fetch can send (visible ASCII and tabs). */
const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.constantFrom('Bearer', 'Bearer ', 'bearer demo-chat-token', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(5_000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZ2VudC1hZG1pbiIsInNpZCI6IngifQ.'),
);

/**
 * The body as the server's JSON parser sees it: Fastify refuses `__proto__` keys and
 * `constructor.prototype` (400) before any schema runs. Throws when the body is not accepted.
 */
function serverParse(body: string, type: string): unknown {
  if (!type.startsWith('application/json')) throw new Error('not JSON');
  if (Buffer.byteLength(body, 'utf8') > MAX_PAYLOAD_BYTES) throw new Error('too large');
  return JSON.parse(body, (key, value: unknown) => {
    if (key === '__proto__') throw new Error('prototype poisoning');
    if (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value)
      throw new Error('constructor poisoning');
    return value;
  });
}

function acceptedBy(schema: { safeParse(v: unknown): { success: boolean } }, body: string, type: string): boolean {
  try {
    return schema.safeParse(serverParse(body, type)).success;
  } catch {
    return false;
  }
}

const withType = (type: string): Record<string, string> => (type ? { 'content-type': type } : {});

describe('fuzzing the HTTP endpoints', () => {
  it('refuses every malformed login with 4xx and creates no session', { timeout: 60_000 }, async () => {
    await check(
      'POST /api/v1/auth/login',
      fc.asyncProperty(bodyFor({ email: 'li.na@demo.switchboard', password: 'wrong-password' }), async ({ body, type }) => {
        const result = await send({ method: 'POST', path: '/api/v1/auth/login', headers: withType(type), body });
        const valid = acceptedBy(LoginRequestSchema, body, type);
        expectHttpError(result, valid ? [401] : [400, 401, 413, 415]);
      }),
      // Each well-formed attempt runs a real argon2 verification, the costliest case here.
      300,
    );
  });

  it('refuses logout with any malformed or forged Authorization header', { timeout: 60_000 }, async () => {
    await check(
      'POST /api/v1/auth/logout',
      fc.asyncProperty(fc.tuple(headerText, fc.boolean()), async ([auth, prefix]) => {
        const result = await send({
          method: 'POST',
          path: '/api/v1/auth/logout',
          headers: { authorization: prefix ? `Bearer ${auth}` : auth },
        });
        expectHttpError(result, [400, 401]);
      }),
      1_300,
    );
  });

  it('refuses every malformed ingested message and stores nothing', { timeout: 60_000 }, async () => {
    // The token is the chat channel's and the base body says email, so even a valid body is refused (403).
    const base = {
      channel: 'email',
      externalId: 'fuzz-ext',
      contact: { externalId: 'fuzz-contact-2', name: 'Fuzz', email: 'f@example.com', tier: 'vip' },
      text: 'hello',
      subject: 'subject',
      occurredAt: '2026-01-01T00:00:00Z',
      conversationExternalId: 'fuzz-thread',
      provider: 'fuzz',
    };
    await check(
      'POST /api/v1/ingest/messages',
      fc.asyncProperty(fc.tuple(bodyFor(base), fc.oneof({ weight: 9, arbitrary: fc.constant(DEMO_CHANNEL_TOKENS.chat) }, { weight: 1, arbitrary: headerText })), async ([{ body, type }, token]) => {
        const result = await send({
          method: 'POST',
          path: '/api/v1/ingest/messages',
          headers: { ...withType(type), authorization: `Bearer ${token}` },
          body,
        });
        const valid = acceptedBy(IngestMessageRequestSchema.refine((b) => b.channel !== 'chat'), body, type);
        expectHttpError(result, valid && token === DEMO_CHANNEL_TOKENS.chat ? [403] : [400, 401, 403, 413, 415]);
      }),
      2_600,
    );
  });

  it('refuses every malformed survey answer and stores nothing', { timeout: 60_000 }, async () => {
    const base = { conversationId: 'conv-does-not-exist', kind: 'csat', score: 5, comment: 'ok' };
    await check(
      'POST /api/v1/ingest/surveys',
      fc.asyncProperty(bodyFor(base), async ({ body, type }) => {
        const result = await send({
          method: 'POST',
          path: '/api/v1/ingest/surveys',
          headers: { ...withType(type), authorization: `Bearer ${DEMO_CHANNEL_TOKENS.sms}` },
          body,
        });
        const valid = acceptedBy(IngestSurveyRequestSchema, body, type);
        expectHttpError(result, valid ? [404] : [400, 404, 413, 415]);
      }),
      1_200,
    );
  });

  it('refuses malformed bodies on every other route, even from an admin', { timeout: 60_000 }, async () => {
    // Routes beyond the ones above (e.g. the admin API) take wholly hostile bodies with an admin token.
    const covered = new Set(['GET /healthz', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/ingest/messages', 'POST /api/v1/ingest/surveys']);
    const others = server.routes().filter((r) => !covered.has(r) && !r.startsWith('GET '));
    if (others.length === 0) return;
    const body = fc.oneof(
      hostileValue.map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })),
      fc.tuple(rawBody, contentType).map(([b, type]) => ({ body: b, type })),
    );
    await check(
      'other routes',
      fc.asyncProperty(fc.tuple(fc.constantFrom(...others), body), async ([route, { body: b, type }]) => {
        const [method, path] = route.split(' ') as [string, string];
        const result = await send({ method, path, headers: { ...withType(type), authorization: `Bearer ${adminToken}` }, body: b });
        expectHttpError(result, [400, 404, 413, 415]);
      }),
      400,
    );
  });

  it('answers health checks and unknown routes without a 5xx', { timeout: 60_000 }, async () => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
    const path = fc.oneof(
      fc.constant('/healthz'),
      fc.string({ unit: fc.constantFrom('a', '/', '%', '2', 'F', '.', '?', '=', '&', '#', '~'), maxLength: 40 }).map((s) => `/healthz${s}`),
      fc.constantFrom('/api/v1/ingest/messages/..%2f..%2fhealthz', '/%00', '/api/v1/auth', '/api/v2/ingest/messages', '/socket.io/?EIO=4&transport=polling', '/socket.io/?EIO=99'),
    );
    await check(
      'routes and /healthz',
      fc.asyncProperty(fc.tuple(method, path, bodyFor({ ok: true })), async ([m, p, { body, type }]) => {
        const result = await send({ method: m, path: p, headers: withType(type), body });
        expect(result.status).toBeLessThan(500);
        if (m === 'GET' && p === '/healthz') expect(result.body).toMatchObject({ ok: true });
      }),
      600,
    );
  });
});

describe('after the fuzzing', () => {
  it('stored nothing, kept only rejections, and left Object.prototype alone', async () => {
    expect(await rowCounts()).toEqual(before);
    const rows = await server.db.db.selectFrom('applied_mutations').select('result').execute();
    const added = rows.slice(rejectionsBefore);
    expect(added.every((row) => (JSON.parse(row.result) as { ok: boolean }).ok === false)).toBe(true);
    expect(prototypePolluted()).toBe(false);
    const total = Object.values(runs).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
