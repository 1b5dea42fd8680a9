/**
 * The simulator against a tiny recording ingest server on 127.0.0.1: right bearer token per
 * channel, a clean stop, failures counted (and retried with the same externalId) instead of
 * thrown, and the optional "thanks" answer to an agent's reply.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestMessageRequestSchema, type IngestMessageRequest } from '../../../shared/contracts/http';
import { CHANNELS, type Channel } from '../../../shared/domain/model';
import {
  outboundFromEmitter,
  planConversations,
  simulateOnce,
  startSimulator,
  type Simulator,
  type SimulatorEvent,
} from '../../../server/demo/simulator';

const TOKENS: Record<Channel, string> = {
  chat: 'demo-chat-token',
  email: 'demo-email-token',
  voice: 'demo-voice-token',
  sms: 'demo-sms-token',
  social: 'demo-social-token',
};

interface Recorded {
  path: string;
  authorization: string | undefined;
  body: IngestMessageRequest;
}

interface IngestStub {
  baseUrl: string;
  requests: Recorded[];
  /** Status the stub answers with; 202 unless a test changes it. */
  status: number;
  /** Delay before answering, so requests are still in flight when stop() is called. */
  delayMs: number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function startStub(): Promise<IngestStub> {
  const stub = { requests: [] as Recorded[], status: 202, delayMs: 0 };
  const server: Server = createServer((req, res) => {
    void readJson(req).then((json) => {
      const body = IngestMessageRequestSchema.parse(json);
      stub.requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      setTimeout(() => {
        res.writeHead(stub.status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            stub.status === 202
              ? {
                  conversationId: `cv-${body.conversationExternalId}`,
                  messageId: `m-${body.externalId}`,
                  duplicate: false,
                }
              : { code: 'internal', message: 'stub failure' },
          ),
        );
      }, stub.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Resolves once `predicate` holds for the events seen so far. */
function eventWatcher() {
  const events: SimulatorEvent[] = [];
  const waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.predicate()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  return {
    events,
    onEvent: (event: SimulatorEvent) => {
      events.push(event);
      check();
    },
    until: (predicate: () => boolean) =>
      new Promise<void>((resolve) => {
        waiters.push({ predicate, resolve });
        check();
      }),
  };
}

let stub: IngestStub | undefined;
let simulator: Simulator | undefined;
afterEach(async () => {
  await simulator?.stop();
  await stub?.close();
  simulator = undefined;
  stub = undefined;
});

describe('simulateOnce', () => {
  it('posts every channel to the ingest endpoint with that channel’s bearer token', async () => {
    stub = await startStub();
    const result = await simulateOnce({
      baseUrl: stub.baseUrl,
      tokens: TOKENS,
      seed: 3,
      runId: 'once',
      conversations: 40,
    });
    const planned = planConversations({ seed: 3, runId: 'once', count: 40 }).flatMap((c) => c.messages);
    expect(result).toMatchObject({ sent: planned.length, failed: 0 });
    expect(stub.requests.map((r) => r.body.externalId)).toEqual(planned.map((m) => m.request.externalId));
    expect(new Set(stub.requests.map((r) => r.body.channel))).toEqual(new Set(CHANNELS));
    for (const r of stub.requests) {
      expect(r.path).toBe('/api/v1/ingest/messages');
      expect(r.authorization).toBe(`Bearer ${TOKENS[r.body.channel]}`);
    }
    expect(result.results[0]?.outcome).toMatchObject({ ok: true, status: 202 });
  });

  it('reports an unreachable server as failures without throwing', async () => {
    const closed = await startStub();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const result = await simulateOnce({ baseUrl, tokens: TOKENS, seed: 3, runId: 'down', conversations: 2 });
    expect(result.sent).toBe(0);
    expect(result.failed).toBe(2);
    expect(result.results[0]?.outcome).toMatchObject({ ok: false, status: null, retryable: true });
  });
});

describe('startSimulator', () => {
  it('sends with the right token per channel and stops cleanly, waiting for requests in flight', async () => {
    stub = await startStub();
    stub.delayMs = 30;
    const watch = eventWatcher();
    simulator = startSimulator({
      baseUrl: stub.baseUrl,
      tokens: TOKENS,
      seed: 11,
      runId: 'live',
      burst: 10,
      ratePerMinute: 6_000,
      onEvent: watch.onEvent,
    });
    const current = stub;
    await watch.until(() => current.requests.length >= 40);
    await simulator.stop();

    // Nothing was left hanging: every request the server saw has been answered and counted.
    const seenAtStop = current.requests.length;
    expect(simulator.stats().sent).toBe(seenAtStop);
    expect(simulator.stats().failed).toBe(0);
    for (const r of current.requests) expect(r.authorization).toBe(`Bearer ${TOKENS[r.body.channel]}`);
    expect(new Set(current.requests.map((r) => r.body.externalId)).size).toBe(seenAtStop);
    // Follow-up turns reuse their conversation's externalId.
    const perConversation = new Map<string, number>();
    for (const r of current.requests) {
      const key = r.body.conversationExternalId ?? '';
      perConversation.set(key, (perConversation.get(key) ?? 0) + 1);
    }
    expect([...perConversation.values()].some((n) => n > 1)).toBe(true);

    // At 100 new conversations a second, anything still scheduled would show up within this pause.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(current.requests.length).toBe(seenAtStop);
  });

  it('counts 500 answers as failures and retries the same message, then gives up', async () => {
    stub = await startStub();
    stub.status = 500;
    const watch = eventWatcher();
    simulator = startSimulator({
      baseUrl: stub.baseUrl,
      tokens: TOKENS,
      seed: 5,
      runId: 'err',
      burst: 2,
      ratePerMinute: 0.001, // no arrivals during the test: only the burst
      retryDelayMs: 1,
      maxAttempts: 3,
      onEvent: watch.onEvent,
    });
    await watch.until(() => watch.events.filter((e) => e.type === 'failed' && !e.willRetry).length >= 2);
    await simulator.stop();

    expect(simulator.stats()).toEqual({ sent: 0, failed: 6 });
    const attempts = new Map<string, number>();
    for (const r of stub.requests)
      attempts.set(r.body.externalId, (attempts.get(r.body.externalId) ?? 0) + 1);
    expect([...attempts.values()]).toEqual([3, 3]);
    expect(watch.events.every((e) => e.type === 'failed' && e.status === 500)).toBe(true);
  });

  it('does not retry a rejected token', async () => {
    stub = await startStub();
    stub.status = 401;
    const watch = eventWatcher();
    simulator = startSimulator({
      baseUrl: stub.baseUrl,
      tokens: TOKENS,
      seed: 5,
      runId: 'auth',
      burst: 1,
      ratePerMinute: 0.001,
      retryDelayMs: 1,
      onEvent: watch.onEvent,
    });
    await watch.until(() => watch.events.length >= 1);
    await simulator.stop();
    expect(watch.events[0]).toMatchObject({ type: 'failed', status: 401, willRetry: false });
    expect(stub.requests).toHaveLength(1);
  });

  it('counts an unreachable server as failures and keeps going without throwing', async () => {
    const closed = await startStub();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const watch = eventWatcher();
    simulator = startSimulator({
      baseUrl,
      tokens: TOKENS,
      seed: 9,
      runId: 'down',
      burst: 3,
      ratePerMinute: 0.001,
      retryDelayMs: 1,
      maxAttempts: 2,
      onEvent: watch.onEvent,
    });
    await watch.until(() => watch.events.length >= 6);
    await simulator.stop();
    expect(simulator.stats()).toEqual({ sent: 0, failed: 6 });
    for (const e of watch.events) expect(e).toMatchObject({ type: 'failed', status: null });
    expect(watch.events.filter((e) => e.type === 'failed' && e.willRetry)).toHaveLength(3);
  });

  it('rejects unusable options with a typed error', () => {
    expect(() => startSimulator({ baseUrl: 'not a url', tokens: TOKENS })).toThrow(/simulator options/);
    expect(() => startSimulator({ baseUrl: 'http://127.0.0.1:1', tokens: TOKENS, ratePerMinute: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid' }),
    );
  });
});

describe('answers to agent replies', () => {
  it('lets a customer whose script is done thank the agent on the same conversation', async () => {
    stub = await startStub();
    const outbound = new EventEmitter();
    const watch = eventWatcher();
    const plan = planConversations({ seed: 22, runId: 'ack', count: 1 })[0];
    if (!plan) throw new Error('no plan');
    expect(plan.channel).not.toBe('voice'); // a call is never answered with a "thanks" call
    const lastTurn = plan.messages[plan.messages.length - 1]?.request.externalId;
    simulator = startSimulator({
      baseUrl: stub.baseUrl,
      tokens: TOKENS,
      seed: 22,
      runId: 'ack',
      burst: 1,
      ratePerMinute: 6_000, // scales the follow-up and answer pauses down to milliseconds
      ackProbability: 1,
      onOutbound: outboundFromEmitter(outbound),
      onEvent: watch.onEvent,
    });
    await watch.until(() => watch.events.some((e) => e.type === 'sent' && e.request.externalId === lastTurn));
    // The demo connector's payload shape: the conversation and the delivered message.
    outbound.emit('outbound', {
      conversation: { id: `cv-${plan.conversationExternalId}` },
      message: { text: plan.language === 'zh-CN' ? '已为您处理好了' : 'All sorted for you' },
    });
    const ackId = `sim-ack-${plan.index}-ack0`;
    await watch.until(() => watch.events.some((e) => e.type === 'sent' && e.request.externalId === ackId));
    await simulator.stop();

    const ack = stub.requests.find((r) => r.body.externalId === ackId)?.body;
    expect(ack?.conversationExternalId).toBe(plan.conversationExternalId);
    expect(ack?.channel).toBe(plan.channel);
    expect(ack?.text).toMatch(plan.language === 'zh-CN' ? /谢/ : /thank|cheers/i);
    expect(outbound.listenerCount('outbound')).toBe(0);
  });

  it('runs without an outbound source and ignores malformed reply events', async () => {
    stub = await startStub();
    const outbound = new EventEmitter();
    const watch = eventWatcher();
    simulator = startSimulator({
      baseUrl: stub.baseUrl,
      tokens: TOKENS,
      seed: 4,
      runId: 'noack',
      burst: 2,
      ratePerMinute: 0.001,
      onOutbound: outboundFromEmitter(outbound),
      onEvent: watch.onEvent,
    });
    await watch.until(() => watch.events.length >= 2);
    expect(() => outbound.emit('outbound', null)).not.toThrow();
    expect(() => outbound.emit('outbound', { conversation: {} })).not.toThrow();
    await simulator.stop();
    expect(simulator.stats().failed).toBe(0);
  });
});
