/**
 * Property-based fuzzing of every socket event with malformed, oversized and hostile payloads,
 * against one real server (embedded SQLite, demo seed). For every case: the server answers (no
 * crash, no hung ack, no dropped socket), never with an `internal` error, always with a typed
 * `{ code, message }`, and nothing is stored: the domain tables keep their row counts. The one
 * table that may grow is `applied_mutations`, which records rejected mutations on purpose (a
 * resend must get the same answer); every row it gains must be a rejection. A payload over the
 * limit is answered `too_large` on a connection that stays open. Prints the number of cases.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_FRAME_LIMIT_BYTES } from '../../../server/realtime/sizeGuard';
import { ConversationPresenceSchema, PresenceReportSchema } from '../../../shared/contracts/collision';
import { ErrorBodySchema } from '../../../shared/contracts/errors';
import {
  MUTATION_NAMES,
  MutationArgsSchemas,
  PullRequestSchema,
  PushRequestSchema,
  type MutationName,
  type PushResponse,
} from '../../../shared/contracts/sync';
import { MAX_PAYLOAD_BYTES } from '../../../shared/domain/limits';
import { connectSocket, startTestServer, type TestServer } from '../server/harness';
import { caseCounter, expectTypedError, fits, INPUT_ERRORS, MIN_CASES_PER_SURFACE, rowCounts } from './fuzzHarness';
import { hostilePayload, hostileValue, prototypePolluted, wire } from './hostile';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';

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
let rejectionsBefore: number;
const cases = caseCounter('socket');
const check = cases.check;

async function emit(event: string, payload: unknown, socket: Socket = agent): Promise<Ack<unknown>> {
  return (await socket.timeout(5_000).emitWithAck(event, payload)) as Ack<unknown>;
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
  before = await rowCounts(server);
  rejectionsBefore = (await server.db.db.selectFrom('applied_mutations').select('result').execute()).length;
});

afterAll(async () => {
  cases.report();
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

  it('answers every malformed conversation.presence with a typed error and never lets an outsider in', { timeout: 60_000 }, async () => {
    const payload = fc
      .oneof(
        hostilePayload({ conversationId: targetConversationId, viewing: true, typing: false }),
        hostilePayload({ conversationId: 'no-such-conversation', viewing: true, typing: true }),
      )
      .filter(fits);
    await check(
      'conversation.presence',
      fc.asyncProperty(payload, async (p) => {
        const ack = await emit(SOCKET_EVENTS.presence, p);
        const parsed = PresenceReportSchema.safeParse(wire(p));
        if (!parsed.success) return expectTypedError(ack, INPUT_ERRORS);
        // wang.wei is not in the target's team: a well-formed report about it is refused.
        if (ack.ok) expect(ConversationPresenceSchema.safeParse(ack.data).success).toBe(true);
        else expectTypedError(ack, ['forbidden', 'not_found', 'too_large']);
        if (parsed.data.conversationId === targetConversationId && (parsed.data.viewing || parsed.data.typing)) expect(ack.ok).toBe(false);
      }),
      1_000,
    );
  });

  it('answers unknown events with unknown_event, whatever their name and payload', { timeout: 60_000 }, async () => {
    const name = fc
      .oneof(fc.string({ maxLength: 60 }), fc.constantFrom('sync.poke', 'session.revoked', 'SYNC.PULL', 'sync.pull ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'sync.push\u0000'))
      .filter((n) => !RESERVED_EVENTS.has(n) && n !== SOCKET_EVENTS.pull && n !== SOCKET_EVENTS.push && n !== SOCKET_EVENTS.presence);
    await check(
      'unknown events',
      fc.asyncProperty(fc.tuple(name, hostileValue.filter(fits)), async ([event, p]) => {
        expectTypedError(await emit(event, p), ['unknown_event']);
      }),
      1_000,
    );
  });

  it('survives events without an ack and with extra arguments', async () => {
    agent.emit(SOCKET_EVENTS.push, { clientId: 'x' });
    agent.emit(SOCKET_EVENTS.pull, 'no ack');
    agent.emit('nonsense');
    const extra = (await agent.timeout(5_000).emitWithAck(SOCKET_EVENTS.pull, { cursor: 0, limit: 1 }, 'extra', 42)) as Ack<unknown>;
    expect(extra.ok).toBe(true);
    cases.add('socket edge cases', 4);
  });

  it('answers payloads over the size limit with too_large and keeps the connection', { timeout: 60_000 }, async () => {
    const big = (bytes: number) => 'x'.repeat(bytes);
    const oversized: [string, unknown, string[]][] = [
      [SOCKET_EVENTS.push, { clientId: randomUUID(), mutations: [{ mutationId: 1, name: 'message.send', args: { text: big(MAX_PAYLOAD_BYTES + 10) } }] }, ['too_large']],
      [SOCKET_EVENTS.push, { clientId: randomUUID(), mutations: Array.from({ length: 4 }, (_, i) => ({ mutationId: i + 1, name: 'message.send', args: { text: big(MAX_PAYLOAD_BYTES / 3) } })) }, ['too_large']],
      [SOCKET_EVENTS.pull, { cursor: 0, limit: 1, padding: big(2 * MAX_PAYLOAD_BYTES) }, ['too_large']],
      [SOCKET_EVENTS.presence, { conversationId: targetConversationId, viewing: true, typing: false, padding: big(MAX_PAYLOAD_BYTES) }, ['too_large']],
      // Unknown events are refused by name first; either answer is typed.
      ['no.such.event', big(MAX_PAYLOAD_BYTES + 1), ['too_large', 'unknown_event']],
    ];
    const socket = await connectSocket(server.url, spareToken, server);
    for (const [event, payload, codes] of oversized) {
      const ack = await emit(event, payload, socket);
      expectTypedError(ack, codes as never);
      expect(socket.connected).toBe(true);
    }
    // Still in service on the same connection.
    expect((await emit(SOCKET_EVENTS.pull, { cursor: 0, limit: 1 }, socket)).ok).toBe(true);
    expect(await rowCounts(server)).toEqual(before);

    // A frame over the transport's own limit is cut there: that connection drops, the server and
    // every other socket carry on.
    const victim = await connectSocket(server.url, spareToken, server);
    const closed = new Promise<string>((resolve) => victim.once('disconnect', resolve));
    victim.emit(SOCKET_EVENTS.push, { clientId: randomUUID(), mutations: [big(SOCKET_FRAME_LIMIT_BYTES + 10)] });
    expect(await closed).toMatch(/transport/);
    expect((await emit(SOCKET_EVENTS.pull, { cursor: 0, limit: 1 })).ok).toBe(true);
    cases.add('oversized payloads', oversized.length + 1);
  });
});

describe('after the socket fuzzing', () => {
  it('stored nothing, kept only rejections, and left Object.prototype alone', async () => {
    expect(await rowCounts(server)).toEqual(before);
    const rows = await server.db.db.selectFrom('applied_mutations').select('result').execute();
    const added = rows.slice(rejectionsBefore);
    expect(added.every((row) => (JSON.parse(row.result) as { ok: boolean }).ok === false)).toBe(true);
    expect(prototypePolluted()).toBe(false);
    expect(cases.total()).toBeGreaterThanOrEqual(MIN_CASES_PER_SURFACE);
  });
});
