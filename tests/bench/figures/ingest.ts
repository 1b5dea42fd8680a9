/**
 * Figure: ingest (HTTP) to the agent's local cache, with N connected agent sockets and a steady
 * ingest rate on one node, beside a bare Socket.IO broadcast on the same machine.
 *
 * - Switchboard: startServer() (embedded SQLite, demo seed) in this process. One child process
 *   holds the measured agent, a real core signed in as li.na (Pre-sales + After-sales: every chat
 *   ingest reaches her cache); a second holds N-1 light socket.io-client connections with valid
 *   demo-agent tokens. Chat messages are POSTed open-loop at each rate by a third child (the
 *   channel integration, so its HTTP client does not share the server's loop); latency = the
 *   POST's start → the message committed in the measured core's cache.
 * - Baseline: a bare Socket.IO server here broadcasting a payload of similar size to N plain
 *   clients (the measuring one alone in its own child) at 200/s; latency = emit → arrival.
 * - Heap per connection: heapUsed after a full GC, before and after the sockets connect, ÷ N.
 * - Deliveries/s: customer messages received by the light sockets during the steady phase (a
 *   coalesced poke can carry several; a bare broadcast carries one).
 */
import { demoLogin } from '../lib/login';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { startBenchServer } from '../lib/server';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../../server/demo/seed';
import { childScript, epochMs, startChild, type ChildHandle } from '../lib/child';
import { fullGc } from '../lib/gc';
import type { Figure, Row } from '../lib/report';
import { sleep, summarize, type Summary } from '../lib/stats';

const MEASURED = 'li.na@demo.switchboard';
const LIGHT_AGENTS = [
  'li.na@demo.switchboard',
  'wang.wei@demo.switchboard',
  'chen.jie@demo.switchboard',
  'emma.clark@demo.switchboard',
  'liu.yang@demo.switchboard',
];
const RATE = 200;
/** How long a client child may take to answer a stats request (see deliveriesOf). */
const STATS_WAIT_MS = 90_000;

interface Phase {
  latency: Summary;
  lost: number;
  sent: number;
  deliveriesPerSec: number;
  heapPerConnectionKiB: number;
  connected: number;
  failed: number;
}

const heapUsed = () => {
  fullGc();
  return process.memoryUsage().heapUsed;
};

/** Open-loop pacing: call `send(i)` for i = 0..count-1 at `rate` per second. */
async function paced(count: number, rate: number, send: (i: number) => void): Promise<void> {
  const start = epochMs();
  let i = 0;
  while (i < count) {
    const due = Math.min(count, Math.floor(((epochMs() - start) / 1000) * rate) + 1);
    while (i < due) send(i++);
    await sleep(2);
  }
}

/**
 * Messages the children's sockets have received so far, and when the last child answered. A
 * child holding hundreds of sockets may be minutes behind decoding under overload; it answers
 * once it has caught up, so the count and its moment stay consistent (the rate divides by them).
 */
export async function deliveriesOf(children: ChildHandle[]): Promise<{ total: number; at: number }> {
  let total = 0;
  let at = 0;
  for (const child of children) {
    child.send({ type: 'stats' });
    const stats = await child.next<{ deliveries: number; at: number }>('stats', STATS_WAIT_MS).catch((error: unknown) => {
      throw new Error(`the client child ${child.pid} (sockets) did not report its deliveries within ${STATS_WAIT_MS / 1000} s: its event loop is still decoding a backlog (${String(error)})`);
    });
    total += stats.deliveries;
    at = Math.max(at, stats.at);
  }
  return { total, at };
}

export async function collect(
  measuredChild: ChildHandle,
  children: ChildHandle[],
  sentAt: Map<number, number>,
  run: () => Promise<void>,
  seconds: number,
): Promise<{ latency: Summary; lost: number; deliveriesPerSec: number }> {
  const arrivals = new Map<number, number>();
  measuredChild.on('arrivals', (message) => {
    for (const [marker, at] of message.items as [number, number][])
      if (!arrivals.has(marker)) arrivals.set(marker, at);
  });
  const startDeliveries = await deliveriesOf(children);
  await run();
  const endDeliveries = await deliveriesOf(children);
  const deadline = Date.now() + 5_000;
  while (arrivals.size < sentAt.size && Date.now() < deadline) await sleep(50);
  await sleep(100);
  const latencies: number[] = [];
  for (const [marker, at] of arrivals) {
    const sent = sentAt.get(marker);
    if (sent !== undefined) latencies.push(at - sent);
  }
  return {
    latency: summarize(latencies),
    lost: sentAt.size - latencies.length,
    deliveriesPerSec:
      (endDeliveries.total - startDeliveries.total) / Math.max((endDeliveries.at - startDeliveries.at) / 1000, seconds),
  };
}

async function barePhase(n: number, seconds: number): Promise<Phase> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const measurer = startChild(childScript('agents.ts'), [], 180_000);
  const light = startChild(childScript('agents.ts'), [], 180_000);
  try {
    const heapBefore = heapUsed();
    measurer.send({ type: 'connect', url, tokens: ['bare'], count: 1, mode: 'bare', measure: true });
    const one = await measurer.next<{ connected: number; failed: number }>('connected', 60_000);
    light.send({ type: 'connect', url, tokens: ['bare'], count: n - 1, mode: 'bare' });
    const many = await light.next<{ connected: number; failed: number }>('connected', 120_000);
    const connected = { connected: one.connected + many.connected, failed: one.failed + many.failed };
    await sleep(500);
    const heapAfter = heapUsed();
    const sentAt = new Map<number, number>();
    const pad =
      '您好，我的订单还没有发货，物流一直没有更新，麻烦帮我查一下。Hello, my parcel has not arrived yet.'.repeat(
        3,
      );
    const count = RATE * seconds;
    const result = await collect(
      measurer,
      [measurer, light],
      sentAt,
      () =>
        paced(count, RATE, (i) => {
          const t = epochMs();
          sentAt.set(i, t);
          io.emit('bench', { marker: i, t, text: pad });
        }),
      seconds,
    );
    return {
      ...result,
      sent: count,
      heapPerConnectionKiB: (heapAfter - heapBefore) / Math.max(1, connected.connected) / 1024,
      ...connected,
    };
  } finally {
    await measurer.stop();
    await light.stop();
    io.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
}

interface RateResult {
  rate: number;
  latency: Summary;
  lost: number;
  sent: number;
  deliveriesPerSec: number;
  achievedPerSec: number;
  httpP99: number;
  errors: number;
}

/** One server, N sockets, then one steady phase per rate (markers kept apart per phase). */
async function switchboardPhase(
  n: number,
  seconds: number,
  rates: readonly number[],
): Promise<{ connected: number; failed: number; heapPerConnectionKiB: number; byRate: RateResult[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-server-'));
  const server = await startBenchServer(dataDir);
  const measurer = startChild(childScript('agents.ts'), [], 300_000);
  const light = startChild(childScript('agents.ts'), [], 300_000);
  // The channel integration: its HTTP client runs in its own process, as it would in production.
  const channel = startChild(childScript('ingestLoad.ts'), [], 300_000);
  try {
    const tokens = await Promise.all(LIGHT_AGENTS.map((email) => demoLogin(server.url, email)));
    const heapBefore = heapUsed();
    measurer.send({
      type: 'connect',
      url: server.url,
      tokens,
      count: 0,
      mode: 'switchboard',
      measured: { email: MEASURED, password: DEMO_PASSWORD },
    });
    const one = await measurer.next<{ connected: number; failed: number; error?: string }>(
      'connected',
      60_000,
    );
    if (one.error) throw new Error(one.error);
    light.send({ type: 'connect', url: server.url, tokens, count: n - 1, mode: 'switchboard' });
    const connected = await light.next<{ connected: number; failed: number; error?: string }>(
      'connected',
      180_000,
    );
    await sleep(500);
    const heapAfter = heapUsed();
    const byRate: RateResult[] = [];
    let sentAt = new Map<number, number>();
    channel.on('sent', (message) => {
      for (const [marker, at] of message.items as [number, number][]) sentAt.set(marker, at);
    });
    for (const [phase, rate] of rates.entries()) {
      sentAt = new Map<number, number>();
      const count = rate * seconds;
      let done = { http: [] as number[], errors: 0, sendSeconds: seconds };
      const result = await collect(
        measurer,
        [light],
        sentAt,
        async () => {
          channel.send({ type: 'run', url: server.url, token: DEMO_CHANNEL_TOKENS.chat, rate, count, phase });
          done = await channel.next<typeof done>('done', seconds * 1000 + 120_000);
        },
        seconds,
      );
      const { http, errors, sendSeconds } = done;
      byRate.push({
        rate,
        ...result,
        sent: count,
        achievedPerSec: count / sendSeconds,
        httpP99: summarize(http).p99,
        errors,
      });
      await sleep(1_000);
    }
    return {
      connected: connected.connected + 1,
      failed: connected.failed,
      heapPerConnectionKiB: (heapAfter - heapBefore) / Math.max(1, connected.connected + 1) / 1024,
      byRate,
    };
  } finally {
    await measurer.stop();
    await light.stop();
    await channel.stop();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const ingestFigure: Figure = {
  id: 'ingest',
  title: 'Ingest (HTTP) → agent cache with N sockets at a steady rate, beside a bare Socket.IO broadcast',
  async run(ctx) {
    const n = ctx.quick ? 100 : 1000;
    const seconds = ctx.quick ? 5 : 10;
    const rates = [50, RATE];
    ctx.log(`  bare Socket.IO: ${n} clients, ${RATE}/s for ${seconds} s`);
    const bare = await barePhase(n, seconds);
    ctx.log(
      `  Switchboard: ${n} agent sockets (1 real core), ${rates.join(' then ')} ingests/s for ${seconds} s each`,
    );
    const sb = await switchboardPhase(n, seconds, rates);
    ctx.detail('bare', bare);
    ctx.detail('switchboard', sb);
    const rows: Row[] = [];
    for (const r of sb.byRate) {
      const note = `${sb.connected} agent sockets (${sb.failed} failed); ${r.sent} ingests offered at ${r.rate}/s, sent at ${r.achievedPerSec.toFixed(0)}/s incl. waiting for responses; ${r.lost} not in the cache within 5 s; ${r.errors} HTTP errors; HTTP 202 p99 ${r.httpP99.toFixed(0)} ms`;
      const label = `ingest→cache @${r.rate}/s, ${sb.connected} sockets`;
      rows.push(
        {
          figure: `${label} p50`,
          value: r.latency.p50,
          unit: 'ms',
          baseline: bare.latency.p50,
          baselineLabel: `bare broadcast @${RATE}/s`,
          goal: '-',
          met: null,
          note,
        },
        {
          figure: `${label} p95`,
          value: r.latency.p95,
          unit: 'ms',
          baseline: bare.latency.p95,
          baselineLabel: `bare broadcast @${RATE}/s`,
          goal: '-',
          met: null,
        },
        {
          figure: `${label} p99`,
          value: r.latency.p99,
          unit: 'ms',
          baseline: bare.latency.p99,
          baselineLabel: `bare broadcast @${RATE}/s`,
          goal: r.rate === RATE ? '≤ 50 ms at 200/s' : 'info (below the goal rate)',
          met: r.rate === RATE ? r.latency.p99 <= 50 && r.lost === 0 : null,
        },
        {
          figure: `messages delivered/s @${r.rate}/s`,
          value: r.deliveriesPerSec,
          unit: '/s',
          baseline: bare.deliveriesPerSec,
          baselineLabel: `bare broadcast @${RATE}/s`,
          goal: 'info: a poke goes only to sockets that may see the conversation',
          met: null,
        },
      );
    }
    rows.push({
      figure: `server heap per connected agent (${sb.connected})`,
      value: sb.heapPerConnectionKiB,
      unit: 'KiB',
      baseline: bare.heapPerConnectionKiB,
      baselineLabel: 'bare Socket.IO conn',
      goal: '≤ 16 KiB',
      met: sb.heapPerConnectionKiB <= 16,
      note: `bare: ${bare.connected} clients, ${bare.lost} broadcasts lost`,
    });
    return rows;
  },
};
