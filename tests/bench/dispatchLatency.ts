/**
 * Time from a customer message (HTTP ingest) to its assignment, as the assigned agent's socket
 * sees it: POST start → the `sync.poke` carrying `conversation.assigned` for that conversation
 * with the agent as assignee. Two Pre-sales agents are signed in and available (chat capacity
 * 100 each, so all 200 conversations find room); each message is a new chat conversation, sent
 * open-loop at a steady rate. Prints p50 / p95 / p99 / max; never fails.
 *
 * `--path=bot` sends each chat through the bot first: the bot is on for chat and every message
 * asks for a person ("人工客服，…"), so the time includes the bot's turn after commit, the handoff
 * transaction and the dispatch it triggers. `--path=direct` (default) has the bot off.
 *
 *   npx tsx tests/bench/dispatchLatency.ts [--messages=200] [--rate=20] [--path=direct|bot]
 *   SWITCHBOARD_BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL (a fresh database is created).
 *
 * Also exported as a bench Figure (`dispatchLatencyFigure`) for tests/bench/run.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { startBenchServer } from './lib/server';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../server/demo/seed';
import { type Poke } from '../../shared/contracts/sync';
import type { Figure, Row } from './lib/report';
import { sleep, summarize, type Summary } from './lib/stats';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';

const AGENTS = [
  { id: 'agent-li-na', email: 'li.na@demo.switchboard' },
  { id: 'agent-emma-clark', email: 'emma.clark@demo.switchboard' },
];

export interface DispatchLatencyOptions {
  messages?: number;
  /** Messages per second (open loop). */
  rate?: number;
  databaseUrl?: string;
  /** `bot`: the chat starts with the bot and is handed off on its first message. */
  path?: DispatchPath;
}

export type DispatchPath = 'direct' | 'bot';

/** A pre-sales question; through the bot it also asks for a person, so it is handed off at once. */
const TEXT: Record<DispatchPath, string> = {
  direct: '你好，我想咨询一下这款产品的价格',
  bot: '人工客服，这款耳机现在多少钱',
};

export interface DispatchLatency {
  toAssignment: Summary;
  ingestHttp: Summary;
  unassigned: number;
  backend: 'sqlite' | 'postgres';
  path: DispatchPath;
}

async function postJson(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: url.includes('/routing/') ? 'PUT' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function login(serverUrl: string, email: string): Promise<string> {
  const { body } = await postJson(`${serverUrl}/api/v1/auth/login`, { email, password: DEMO_PASSWORD });
  return (body as { token: string }).token;
}

async function freshPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sb_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export async function measureDispatchLatency(options: DispatchLatencyOptions = {}): Promise<DispatchLatency> {
  const messages = options.messages ?? 200;
  const rate = options.rate ?? 20;
  const path = options.path ?? 'direct';
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-dispatch-'));
  const database = options.databaseUrl ? await freshPostgres(options.databaseUrl) : null;
  const server = await startBenchServer(dir, {
    databaseUrl: database?.url,
    bot: { channels: path === 'bot' ? ['chat'] : [] },
  });
  const sockets: Socket[] = [];
  try {
    const adminToken = await login(server.url, 'admin@demo.switchboard');
    const assignedAt = new Map<string, number>();
    let mutationId = 0;
    for (const agent of AGENTS) {
      const capacity = await postJson(
        `${server.url}/api/v1/routing/agents/${agent.id}/capacity`,
        {
          capacity: { chat: 100, email: 10, voice: 1, sms: 5, social: 5 },
        },
        adminToken,
      );
      if (capacity.status !== 200) throw new Error(`capacity: ${JSON.stringify(capacity.body)}`);
      const token = await login(server.url, agent.email);
      const socket = io(server.url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      socket.on(SOCKET_EVENTS.poke, (poke: Poke) => {
        const at = performance.now();
        for (const change of poke.changes) {
          if (change.type === 'conversation.assigned' && change.conversation.assigneeId === agent.id)
            if (!assignedAt.has(change.conversation.id)) assignedAt.set(change.conversation.id, at);
        }
      });
      await socket.emitWithAck(SOCKET_EVENTS.push, {
        clientId: randomUUID(),
        mutations: [{ mutationId: ++mutationId, name: 'agent.setStatus', args: { status: 'available' } }],
      });
    }

    const sent: Array<{ conversationId: string; startedAt: number; httpMs: number }> = [];
    const gap = 1000 / rate;
    const begin = performance.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < messages; i += 1) {
      const due = begin + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const startedAt = performance.now();
      posts.push(
        fetch(`${server.url}/api/v1/ingest/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}`,
          },
          body: JSON.stringify({
            channel: 'chat',
            externalId: `bench-dispatch-${i}-${randomUUID()}`,
            contact: { externalId: `bench-contact-${i}-${randomUUID()}`, name: `Bench ${i}` },
            text: TEXT[path],
          }),
        })
          .then((response) => response.json() as Promise<{ conversationId: string }>)
          .then(({ conversationId }) => {
            sent.push({ conversationId, startedAt, httpMs: performance.now() - startedAt });
          }),
      );
    }
    await Promise.all(posts);
    // Let the last assignments arrive (bounded: a missing one is reported, not waited for forever).
    for (let i = 0; i < 1200 && sent.some((s) => !assignedAt.has(s.conversationId)); i += 1) await sleep(25);

    const latencies = sent
      .filter((s) => assignedAt.has(s.conversationId))
      .map((s) => assignedAt.get(s.conversationId)! - s.startedAt);
    return {
      toAssignment: summarize(latencies),
      ingestHttp: summarize(sent.map((s) => s.httpMs)),
      unassigned: sent.length - latencies.length,
      backend: database ? 'postgres' : 'sqlite',
      path,
    };
  } finally {
    for (const socket of sockets) socket.close();
    await server.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function describeResult(result: DispatchLatency, messages: number, rate: number): string[] {
  const { toAssignment: a, ingestHttp: h } = result;
  return [
    `dispatch latency (${result.backend}, ${result.path === 'bot' ? 'through the bot' : 'bot off'}, ${messages} chats at ${rate}/s, 2 available agents)`,
    `  message → assignment seen by the agent: p50 ${ms(a.p50)}  p95 ${ms(a.p95)}  p99 ${ms(a.p99)}  max ${ms(a.max)}  (n=${a.n})`,
    `  ingest HTTP response:                   p50 ${ms(h.p50)}  p95 ${ms(h.p95)}  p99 ${ms(h.p99)}`,
    `  never assigned: ${result.unassigned}`,
  ];
}

export const dispatchLatencyFigure: Figure = {
  id: 'dispatch',
  title: 'Customer message → auto-assignment (p50/p99)',
  async run(ctx): Promise<Row[]> {
    const messages = ctx.quick ? 50 : 200;
    const rows: Row[] = [];
    for (const path of ['direct', 'bot'] as const) {
      const result = await measureDispatchLatency({ messages, rate: 20, path });
      for (const line of describeResult(result, messages, 20)) ctx.log(line);
      ctx.detail(`dispatch-${path}`, result);
      const row = (label: string, value: number): Row => ({
        figure: `dispatch ${path === 'bot' ? 'via bot handoff ' : ''}${label}`,
        value,
        unit: 'ms',
        baseline: result.ingestHttp.p50,
        baselineLabel: 'ingest HTTP p50',
        goal: 'measured, not claimed (issue 5)',
        met: null,
        note: `${messages} chats at 20/s, ${result.unassigned} never assigned`,
      });
      rows.push(row('p50', result.toAssignment.p50), row('p99', result.toAssignment.p99));
    }
    return rows;
  },
};

function argValue(name: string): number | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const messages = argValue('messages') ?? 200;
  const rate = argValue('rate') ?? 20;
  const path: DispatchPath = process.argv.includes('--path=bot') ? 'bot' : 'direct';
  measureDispatchLatency({
    messages,
    rate,
    path,
    databaseUrl: process.env.SWITCHBOARD_BENCH_DATABASE_URL || undefined,
  })
    .then((result) => {
      for (const line of describeResult(result, messages, rate)) console.log(line);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error('dispatch latency benchmark failed', error);
      process.exit(0);
    });
}
