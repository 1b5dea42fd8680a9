/**
 * Figure: the fan-out ceiling. N connected sockets, the server driven as hard as it will go, and
 * the deliveries per second the sockets actually receive, beside a bare Socket.IO server doing
 * the same shape of work.
 *
 * - Switchboard: startServer() (embedded SQLite, demo seed) in this process; N light
 *   socket.io-client connections with demo-agent tokens in two child processes (so decoding
 *   is not on the server's loop). Chat ingests are POSTed closed-loop, CONCURRENCY in flight;
 *   each commit pokes the rooms that may see it (the conversation's team, admins). A delivery
 *   is one customer message (`message.created`) arriving at one socket; pokes are coalesced
 *   while the node is busy, so one poke may deliver several.
 * - Baseline: a bare Socket.IO server whose HTTP endpoint broadcasts a poke-sized payload to
 *   every socket, driven the same way.
 * Both are flow-controlled on what the sockets have received (at most WINDOW full fan-outs
 * outstanding), so neither can win by piling up unsent buffers; deliveries are counted in the
 * children over the measured window, after a warm-up.
 */
import { demoLogin } from '../lib/login';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { startBenchServer } from '../lib/server';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { childScript, startChild, type ChildHandle } from '../lib/child';
import type { Figure } from '../lib/report';
import { sleep } from '../lib/stats';

const AGENTS = [
  'li.na@demo.switchboard',
  'wang.wei@demo.switchboard',
  'chen.jie@demo.switchboard',
  'emma.clark@demo.switchboard',
  'liu.yang@demo.switchboard',
];
const CONCURRENCY = 8;
/** Outstanding deliveries allowed, in full fan-outs to every socket (wide enough that the IPC polling of the counts never sets the pace). */
const WINDOW = 32;
const WARMUP_MS = 1_500;

interface Ceiling {
  deliveriesPerSec: number;
  sendsPerSec: number;
  recipientsPerSend: number;
  connected: number;
  failed: number;
}

async function deliveriesOf(children: readonly ChildHandle[]): Promise<number> {
  const counts = await Promise.all(
    children.map(async (child) => {
      child.send({ type: 'stats' });
      return (await child.next<{ deliveries: number }>('stats', 10_000)).deliveries;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Opens n sockets split over two children; resolves with the children and the counts. */
async function connectSockets(url: string, tokens: string[], n: number, mode: 'bare' | 'switchboard') {
  const children = [
    startChild(childScript('agents.ts'), [], 300_000),
    startChild(childScript('agents.ts'), [], 300_000),
  ];
  const halves = [Math.ceil(n / 2), Math.floor(n / 2)];
  let connected = 0;
  let failed = 0;
  for (const [index, child] of children.entries()) {
    child.send({ type: 'connect', url, tokens, count: halves[index], mode });
    const result = await child.next<{ connected: number; failed: number; error?: string }>(
      'connected',
      180_000,
    );
    if (result.error) throw new Error(result.error);
    connected += result.connected;
    failed += result.failed;
  }
  return { children, connected, failed };
}

/** Drives `send` closed-loop for `seconds` after a warm-up; deliveries counted in the children. */
async function saturate(
  children: readonly ChildHandle[],
  n: number,
  recipientsPerSend: number,
  seconds: number,
  send: (i: number) => Promise<void>,
): Promise<{ deliveriesPerSec: number; sendsPerSec: number }> {
  let delivered = await deliveriesOf(children);
  const base = delivered;
  let stop = false;
  const poller = (async () => {
    while (!stop) {
      delivered = await deliveriesOf(children);
      await sleep(10);
    }
  })();
  let sent = 0;
  const limit = WINDOW * n;
  const worker = async () => {
    while (!stop) {
      if (sent * recipientsPerSend - (delivered - base) > limit) {
        await sleep(2);
        continue;
      }
      await send(sent++);
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, worker);
  await sleep(WARMUP_MS);
  const startDelivered = await deliveriesOf(children);
  const startSent = sent;
  const started = performance.now();
  await sleep(seconds * 1000);
  const endDelivered = await deliveriesOf(children);
  const endSent = sent;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all([...workers, poller]);
  return {
    deliveriesPerSec: (endDelivered - startDelivered) / elapsed,
    sendsPerSec: (endSent - startSent) / elapsed,
  };
}

async function stopAll(children: readonly ChildHandle[]): Promise<void> {
  for (const child of children) await child.stop();
}

const PAYLOAD = {
  from: 1,
  to: 2,
  changes: [
    {
      type: 'message.created',
      text: '您好，我的订单还没有发货，物流一直没有更新，麻烦帮我查一下。Hello, my parcel has not arrived yet. '.repeat(
        8,
      ),
    },
  ],
};

async function bareCeiling(n: number, seconds: number): Promise<Ceiling> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  http.on('request', (request, response) => {
    if (request.url !== '/broadcast') return;
    request.resume();
    request.on('end', () => {
      io.emit('bench', PAYLOAD);
      response.writeHead(202, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets = await connectSockets(url, ['bare'], n, 'bare');
  try {
    const result = await saturate(sockets.children, n, sockets.connected, seconds, async () => {
      const response = await fetch(`${url}/broadcast`, { method: 'POST', body: '{}' });
      await response.arrayBuffer();
    });
    return {
      ...result,
      recipientsPerSend: sockets.connected,
      connected: sockets.connected,
      failed: sockets.failed,
    };
  } finally {
    await stopAll(sockets.children);
    io.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
}

async function switchboardCeiling(n: number, seconds: number): Promise<Ceiling> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-fanout-'));
  const server = await startBenchServer(dataDir);
  let children: ChildHandle[] = [];
  try {
    const tokens = await Promise.all(AGENTS.map((email) => demoLogin(server.url, email)));
    const sockets = await connectSockets(server.url, tokens, n, 'switchboard');
    children = sockets.children;
    const ingest = async (i: number) => {
      const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
        body: JSON.stringify({
          channel: 'chat',
          externalId: `fanout-${i}-${Math.random()}`,
          contact: { externalId: `fanout-contact-${i % 300}`, name: `压测客户 ${i % 300}` },
          text: `fanout#${i} 您好，我的订单还没有发货，物流一直没有更新，麻烦帮我查一下。`,
        }),
      });
      await response.arrayBuffer();
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}`);
    };
    // How many sockets one ingest reaches (its team's agents and the admins), measured.
    const before = await deliveriesOf(children);
    const probes = 20;
    for (let i = 0; i < probes; i++) await ingest(1_000_000 + i);
    await sleep(1_000);
    const recipientsPerSend = Math.max(1, (await deliveriesOf(children)) - before) / probes;
    const result = await saturate(children, n, recipientsPerSend, seconds, ingest);
    return { ...result, recipientsPerSend, connected: sockets.connected, failed: sockets.failed };
  } finally {
    await stopAll(children);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const fanoutFigure: Figure = {
  id: 'fanout',
  title: 'Fan-out ceiling: deliveries/s to N sockets at saturation, beside a bare Socket.IO broadcast',
  async run(ctx) {
    const n = ctx.quick ? 200 : 1000;
    const seconds = ctx.quick ? 4 : 10;
    ctx.log(
      `  bare Socket.IO: ${n} clients, broadcasts closed-loop (${CONCURRENCY} in flight) for ${seconds} s`,
    );
    const bare = await bareCeiling(n, seconds);
    ctx.log(
      `  Switchboard: ${n} agent sockets, chat ingests closed-loop (${CONCURRENCY} in flight) for ${seconds} s`,
    );
    const sb = await switchboardCeiling(n, seconds);
    ctx.detail('bare', bare);
    ctx.detail('switchboard', sb);
    const ratio = sb.deliveriesPerSec / Math.max(1, bare.deliveriesPerSec);
    return [
      {
        figure: `fan-out ceiling: deliveries/s to ${sb.connected} sockets`,
        value: sb.deliveriesPerSec,
        unit: '/s',
        baseline: bare.deliveriesPerSec,
        baselineLabel: 'bare Socket.IO broadcast',
        goal: '≥ 0.8 × bare',
        met: ratio >= 0.8,
        note: `${sb.sendsPerSec.toFixed(0)} ingests/s, each poking ${sb.recipientsPerSend.toFixed(0)} sockets (its team's agents and admins; ${sb.failed} failed to connect); bare: ${bare.sendsPerSec.toFixed(0)} broadcasts/s to ${bare.connected} sockets; ${seconds} s after a ${WARMUP_MS / 1000} s warm-up, at most ${WINDOW} fan-outs undelivered`,
      },
    ];
  },
};
