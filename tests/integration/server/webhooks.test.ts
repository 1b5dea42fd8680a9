/**
 * Outbound webhooks against a real server and real HTTP receivers on 127.0.0.1: an admin
 * registers endpoints (the secret shown once, never again); a customer's first message, an agent's
 * reply, a resolve and a survey answer are each delivered signed (HMAC-SHA256 over "<t>.<body>"
 * with the endpoint's secret); internal notes never leave; a failing endpoint is retried with
 * backoff until it answers, and a hanging one times out without blocking the others — each
 * outcome is recorded and visible to the admin. (Deliveries are queued after the commit and sent
 * by the leader's job, so no endpoint is on an ingest's path.)
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint, WebhookEnvelope } from '../../../shared/contracts/webhooks';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { verifyWebhook } from '../../../server/domain/webhooks/signing';
import { connectSocket, startTestServer, testBackends, type TestServer } from './harness';
import { conversationVersion, socketSync } from './socketSync';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver whose answer the test decides: a status, or never answering. */
async function receiver(answer: () => number | 'hang') {
  const received: Received[] = [];
  const hanging: Array<() => void> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const how = answer();
      if (how === 'hang') hanging.push(() => response.destroy());
      else response.writeHead(how).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/switchboard`;
  return {
    url,
    received,
    events: () => received.map((r) => JSON.parse(r.body) as WebhookEnvelope),
    close: () => {
      for (const release of hanging) release();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function eventually<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(testBackends())('outbound webhooks (%s)', (backend) => {
  let server: TestServer;
  let adminToken: string;
  let agent: Socket;
  const { pushOk } = socketSync();
  let healthy: Awaited<ReturnType<typeof receiver>>;
  let flaky: Awaited<ReturnType<typeof receiver>>;
  let stuck: Awaited<ReturnType<typeof receiver>>;
  let flakyFailures = 2;

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1/admin/webhooks${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, ...(init.headers ?? {}) },
    });
  const register = async (url: string, events: string[]) => {
    const response = await api('', { method: 'POST', body: JSON.stringify({ url, events }) });
    expect(response.status).toBe(201);
    return (await response.json()) as { endpoint: WebhookEndpoint; secret: string };
  };
  const deliveries = async (id: string) =>
    ((await (await api(`/${id}/deliveries`)).json()) as { deliveries: WebhookDelivery[] }).deliveries;

  beforeAll(async () => {
    server = await startTestServer({
      backend,
      surveys: { channels: ['chat'] },
      // Fast retries and a short timeout, so the test sees several attempts.
      webhooks: { checkMs: 100, timeoutMs: 800, backoffMs: [200, 200, 200] },
    });
    adminToken = (await server.login('admin@demo.switchboard')).token;
    agent = await connectSocket(server.url, (await server.login('li.na@demo.switchboard')).token, server);
    healthy = await receiver(() => 204);
    flaky = await receiver(() => (flakyFailures-- > 0 ? 503 : 200));
    stuck = await receiver(() => 'hang');
  });
  afterAll(async () => {
    await server?.cleanup();
    await Promise.all([healthy?.close(), flaky?.close(), stuck?.close()]);
  });

  it('refuses non-admins and bad endpoints with clear errors', async () => {
    const lead = (await server.login('liu.yang@demo.switchboard')).token;
    const asLead = await fetch(`${server.url}/api/v1/admin/webhooks`, { headers: { authorization: `Bearer ${lead}` } });
    expect(asLead.status).toBe(403);
    for (const body of [
      { url: 'ftp://example.test/x', events: ['message.created'] },
      { url: 'https://user:pw@example.test/x', events: ['message.created'] },
      { url: 'https://example.test/x', events: [] },
      { url: 'https://example.test/x', events: ['message.created', 'message.created'] },
      { url: 'https://example.test/x', events: ['order.shipped'] },
    ]) {
      const response = await api('', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('delivers each event signed to the endpoints that asked for it, and never an internal note', async () => {
    const all = await register(healthy.url, ['conversation.created', 'message.created', 'conversation.resolved', 'survey.answered']);
    expect(all.secret).toMatch(/^whsec_/);
    const listed = ((await (await api('')).json()) as { endpoints: WebhookEndpoint[] }).endpoints;
    expect(listed.find((e) => e.id === all.endpoint.id)).toMatchObject({ url: healthy.url, secretHint: `…${all.secret.slice(-4)}` });
    expect(JSON.stringify(listed)).not.toContain(all.secret);

    const response = await server.ingest({
      channel: 'chat',
      externalId: randomUUID(),
      contact: { externalId: `webhook-${randomUUID()}`, name: '许晴' },
      text: '我的订单显示已签收，但我没收到。',
    });
    const { conversationId, messageId } = (await response.json()) as { conversationId: string; messageId: string };
    await pushOk(agent, 'message.send', { conversationId, messageId: randomUUID(), kind: 'note', text: '内部：先查快递柜' });
    await pushOk(agent, 'message.send', { conversationId, messageId: randomUUID(), kind: 'text', text: '您好，我们马上为您核实。' });
    await pushOk(agent, 'conversation.setStatus', { conversationId, status: 'resolved', baseVersion: await conversationVersion(server, conversationId) });
    const survey = await fetch(`${server.url}/api/v1/ingest/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
      body: JSON.stringify({ conversationId, kind: 'csat', score: 5 }),
    });
    expect(survey.status).toBe(202);

    const mine = () => healthy.events().filter((e) => JSON.stringify(e.data).includes(conversationId));
    const events = await eventually(mine, (list) => list.length >= 5, 'five events for the conversation');
    expect(events.map((e) => e.event).sort()).toEqual(
      ['conversation.created', 'conversation.resolved', 'message.created', 'message.created', 'survey.answered'].sort(),
    );
    const inbound = events.find((e) => e.event === 'message.created' && (e.data.message as { direction: string }).direction === 'in')!;
    expect(inbound.data).toMatchObject({ conversationId, message: { id: messageId, text: '我的订单显示已签收，但我没收到。' } });
    expect(events.find((e) => e.event === 'survey.answered')!.data).toMatchObject({ conversationId, kind: 'csat', score: 5 });
    expect(JSON.stringify(events)).not.toContain('内部：先查快递柜');

    const now = Math.floor(Date.now() / 1000);
    for (const request of healthy.received.filter((r) => r.body.includes(conversationId))) {
      const envelope = JSON.parse(request.body) as WebhookEnvelope;
      expect(request.headers['switchboard-event']).toBe(envelope.event);
      expect(verifyWebhook(request.body, request.headers['switchboard-signature'] as string, all.secret, now)).toBe(true);
      // Someone else's secret, a changed body or an old timestamp does not verify.
      expect(verifyWebhook(request.body, request.headers['switchboard-signature'] as string, 'whsec_other', now)).toBe(false);
      expect(verifyWebhook(`${request.body} `, request.headers['switchboard-signature'] as string, all.secret, now)).toBe(false);
      expect(verifyWebhook(request.body, request.headers['switchboard-signature'] as string, all.secret, now + 3600)).toBe(false);
    }
    const recorded = await eventually(
      () => deliveries(all.endpoint.id),
      (list) => list.filter((d) => d.status === 'delivered').length >= 5,
      'the deliveries recorded as delivered',
    );
    expect(recorded[0]).toMatchObject({ status: 'delivered', lastStatus: 204, attempts: 1 });
    await api(`/${all.endpoint.id}`, { method: 'DELETE' });
  });

  it('retries a failing endpoint until it answers, and gives up on a hanging one after its retries', async () => {
    const retried = await register(flaky.url, ['conversation.created']);
    const hanging = await register(stuck.url, ['conversation.created']);
    const response = await server.ingest({
      channel: 'chat',
      externalId: randomUUID(),
      contact: { externalId: `webhook-${randomUUID()}`, name: 'Grace Lin' },
      text: 'Is the store open on Sunday?',
    });
    expect(response.status).toBe(202);
    const { conversationId } = (await response.json()) as { conversationId: string };

    // 503, 503, then 200: three attempts, delivered.
    const [delivered] = await eventually(
      () => deliveries(retried.endpoint.id),
      (list) => list[0]?.status === 'delivered',
      'the flaky endpoint delivered after retries',
    );
    expect(delivered).toMatchObject({ event: 'conversation.created', attempts: 3, lastStatus: 200, lastError: null });
    expect(flaky.events().filter((e) => JSON.stringify(e.data).includes(conversationId))).toHaveLength(3);

    // The hanging endpoint times out every time and is given up after the last retry.
    const [failed] = await eventually(
      () => deliveries(hanging.endpoint.id),
      (list) => list[0]?.status === 'failed',
      'the hanging endpoint given up',
      20_000,
    );
    expect(failed).toMatchObject({ attempts: 4, lastStatus: null, lastError: 'no answer within 800 ms' });
    const health = ((await (await api('')).json()) as { endpoints: WebhookEndpoint[] }).endpoints.find((e) => e.id === hanging.endpoint.id)!;
    expect(health).toMatchObject({ failed: 1, lastError: 'no answer within 800 ms' });
    // Meanwhile the server went on taking customers' messages.
    const later = await server.ingest({
      channel: 'chat',
      externalId: randomUUID(),
      contact: { externalId: `webhook-${randomUUID()}`, name: 'Grace Lin' },
      text: 'Thanks!',
    });
    expect(later.status).toBe(202);
  });
});
