/**
 * Figure: what a hanging webhook endpoint does to ingest. The embedded server (SQLite, demo seed)
 * takes new chats closed-loop (one at a time), first with no webhook endpoints, then with three
 * endpoints on 127.0.0.1 that accept the connection and never answer, subscribed to
 * conversation.created and message.created (two deliveries each per chat, all timing out).
 * Value: ingest HTTP p99 with the hanging endpoints; baseline: without. Goal: no slower than
 * without by more than a fifth (deliveries are queued after commit and sent by the leader's job).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLogin } from '../lib/login';
import type { Figure, Row } from '../lib/report';
import { startBenchServer } from '../lib/server';
import { ingestNewChat } from '../lib/ingestChat';
import { summarize, type Summary } from '../lib/stats';

async function hangingEndpoint(): Promise<{ url: string; close(): Promise<void> }> {
  const held: Array<() => void> = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    held.push(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => {
      for (const release of held) release();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function ingestRun(messages: number, endpoints: number): Promise<{ http: Summary; queued: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-webhooks-'));
  const server = await startBenchServer(dir, { webhooks: { checkMs: 100, timeoutMs: 5_000 } });
  const hanging = await Promise.all(Array.from({ length: endpoints }, hangingEndpoint));
  try {
    const token = await demoLogin(server.url, 'admin@demo.switchboard');
    for (const endpoint of hanging) {
      const response = await fetch(`${server.url}/api/v1/admin/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ url: endpoint.url, events: ['conversation.created', 'message.created'] }),
      });
      if (response.status !== 201) throw new Error(`registering a webhook answered ${response.status}`);
    }
    const send = (i: number) => ingestNewChat(server.url, 'webhook', i, '我的快递三天没有更新了');
    for (let i = 0; i < 10; i += 1) await send(-1 - i);
    const http: number[] = [];
    for (let i = 0; i < messages; i += 1) {
      const started = performance.now();
      await send(i);
      http.push(performance.now() - started);
    }
    await server.webhooks.publisher.settled();
    const queued = Number(
      (await server.db.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    );
    return { http: summarize(http), queued };
  } finally {
    await server.close();
    await Promise.all(hanging.map((endpoint) => endpoint.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

export const webhooksFigure: Figure = {
  id: 'webhooks',
  title: 'Ingest with hanging webhook endpoints',
  async run(ctx): Promise<Row[]> {
    const messages = ctx.quick ? 60 : 300;
    const without = await ingestRun(messages, 0);
    const withHanging = await ingestRun(messages, 3);
    ctx.log(`ingest without webhooks: HTTP p50 ${without.http.p50.toFixed(2)} ms  p99 ${without.http.p99.toFixed(2)} ms`);
    ctx.log(
      `ingest with 3 hanging endpoints (${withHanging.queued} deliveries queued): HTTP p50 ${withHanging.http.p50.toFixed(2)} ms  p99 ${withHanging.http.p99.toFixed(2)} ms`,
    );
    ctx.detail('webhooks', { without, withHanging, messages });
    return [
      {
        figure: 'ingest p99, 3 hanging webhooks',
        value: withHanging.http.p99,
        unit: 'ms',
        baseline: without.http.p99,
        baselineLabel: 'no webhooks',
        goal: '≤ 1.2 × without',
        met: withHanging.http.p99 <= without.http.p99 * 1.2,
        note: `${messages} new chats, closed loop, SQLite`,
      },
    ];
  },
};
