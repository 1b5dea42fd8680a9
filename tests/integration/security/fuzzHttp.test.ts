/**
 * Property-based fuzzing of every HTTP endpoint with malformed, oversized and hostile requests
 * (bodies, content types, Authorization headers, query strings, paths), against one real server
 * (embedded SQLite, demo seed). For every case: never a 5xx, always a typed JSON
 * `{ code, message }` error where the request is refused, and nothing is stored: the domain
 * tables keep their row counts. Prints the number of cases.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { ErrorBodySchema } from '../../../shared/contracts/errors';
import {
  IngestMessageRequestSchema,
  IngestSurveyRequestSchema,
  LoginRequestSchema,
} from '../../../shared/contracts/http';
import { MAX_PAYLOAD_BYTES } from '../../../shared/domain/limits';
import { startTestServer, type TestServer } from '../server/harness';
import { caseCounter, MIN_CASES_PER_SURFACE, rowCounts } from './fuzzHarness';
import { hostilePayload, hostileValue, prototypePolluted } from './hostile';

let server: TestServer;
let before: Record<string, number>;
let adminToken: string;
const cases = caseCounter('http');
const check = cases.check;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = (await server.login('admin@demo.switchboard')).token;
  before = await rowCounts(server);
});

afterAll(async () => {
  cases.report();
  await server?.cleanup();
});

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

/** POST routes whose only valid body is `{}`. */
const NO_INPUT = new Set(['POST /api/v1/admin/nlu/models/retrain']);

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
        // A route that takes no input accepts exactly the empty object (a retraining is queued).
        if (NO_INPUT.has(route) && type === 'application/json' && b.trim() === '{}' && result.status === 202) return;
        expectHttpError(result, [400, 404, 413, 415]);
      }),
      400,
    );
  });

  it('answers hostile SLA report queries with a report or a typed 400, never a 5xx', { timeout: 60_000 }, async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('', 'null', '2026-13-40T99:99:99Z', '1e999', '%00', '../../etc', '2026-01-01T00:00:00+25:00'),
    );
    const param = fc.tuple(fc.constantFrom('from', 'to', 'teamId', 'from[]', '__proto__', 'constructor'), value);
    await check(
      'sla report query',
      fc.asyncProperty(fc.array(param, { maxLength: 4 }), async (params) => {
        const query = new URLSearchParams(params).toString();
        const result = await send({ method: 'GET', path: `/api/v1/reports/sla?${query}`, headers: { authorization: `Bearer ${adminToken}` } });
        if (result.status === 200) return;
        expectHttpError(result, [400, 404]);
      }),
      300,
    );
  });

  it('answers hostile quality report queries with a report or a typed 400, never a 5xx', { timeout: 60_000 }, async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('', 'null', '2026-13-40T99:99:99Z', '1e999', '%00', '../../etc', '2026-01-01T00:00:00+25:00'),
    );
    const param = fc.tuple(fc.constantFrom('from', 'to', 'teamId', 'agentId', 'from[]', '__proto__', 'constructor'), value);
    await check(
      'quality report query',
      fc.asyncProperty(fc.array(param, { maxLength: 5 }), async (params) => {
        const query = new URLSearchParams(params).toString();
        const result = await send({ method: 'GET', path: `/api/v1/reports/qa?${query}`, headers: { authorization: `Bearer ${adminToken}` } });
        if (result.status === 200) return;
        expectHttpError(result, [400, 404]);
      }),
      300,
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

describe('after the HTTP fuzzing', () => {
  it('stored nothing and left Object.prototype alone', async () => {
    const after = await rowCounts(server);
    expect(after).toEqual(before);
    expect(prototypePolluted()).toBe(false);
    expect(cases.total()).toBeGreaterThanOrEqual(MIN_CASES_PER_SURFACE);
  });
});
