/**
 * Figure: the outbox.
 * - Optimistic local apply: p99 of `conversation.reply` and `conversation.setStatus` through the
 *   core's RPC service while offline (outbox row + pending message + visible row rebuilt, in one
 *   transaction), on a cache holding the 10k-change catch-up data set. Baseline: a bare one-row
 *   INSERT in its own transaction on the same database.
 * - Drain: 10k replies queued offline by a real core signed in to a real server, then `goOnline`;
 *   time until the outbox is empty, and whether the server stored them in queue order within each
 *   conversation. Baseline: the same number of mutations pushed over a bare socket.io-client
 *   straight to `sync.push` in batches of PUSH_BATCH_MAX (the server's floor, no core).
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { io } from 'socket.io-client';
import { CACHE_FILE, createCore } from '../../../electron/core/core';
import { applyChanges } from '../../../electron/core/sync/apply';
import { openDatabase } from '../../../electron/core/db/database';
import { setServerUrl, setSessionAgent } from '../../../electron/core/db/queries/meta';
import { startBenchServer } from '../lib/server';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../../server/demo/seed';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';
import { PUSH_BATCH_MAX } from '../../../shared/domain/limits';
import { BENCH_VIEWER, directoryChanges } from '../lib/dataset';
import { openOfflineCore, rpcCaller } from '../lib/core';
import { FIXTURE_SERVER_URL } from '../lib/fixture';
import type { Figure } from '../lib/report';
import { now, sampleSync, sleep, summarize } from '../lib/stats';
import { backlog, pages } from './catchup';

const AGENT = 'li.na@demo.switchboard';

export async function optimistic(
  runs: number,
): Promise<{ reply: number; status: number; bare: number; replyP50: number; statusP50: number; idleCheckpointMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-outbox-'));
  const seedDb = openDatabase(join(dir, CACHE_FILE));
  setSessionAgent(seedDb, BENCH_VIEWER);
  setServerUrl(seedDb, FIXTURE_SERVER_URL);
  applyChanges(seedDb, directoryChanges(), { moveCursorTo: 999 });
  const changes = backlog(10_000, 'ob', 11);
  for (const page of pages(changes)) applyChanges(seedDb, page, { moveCursorTo: page.at(-1)!.seq });
  seedDb.close();
  const conversationIds = changes.flatMap((c) => (c.type === 'conversation.created' ? [c.conversation.id] : []));
  const { core, call } = openOfflineCore(dir);
  const p50s: number[] = [];
  try {
    const timed = async (fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await fn(i);
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = now();
        await fn(i);
        samples.push(now() - start);
      }
      const summary = summarize(samples);
      p50s.push(summary.p50);
      return summary.p99;
    };
    const reply = await timed((i) =>
      call('conversation.reply', { conversationId: conversationIds[i % conversationIds.length]!, kind: 'text', text: `回复 ${i}: 已为您查询，请稍候。` }),
    );
    const statuses = ['open', 'pending', 'resolved'] as const;
    const status = await timed((i) =>
      call('conversation.setStatus', { conversationId: conversationIds[(i * 7) % conversationIds.length]!, status: statuses[i % 3]! }),
    );
    // The core checkpoints the WAL when writes pause (db/idleCheckpoints.ts), not inside a write:
    // the longest event-loop stall in the pause after the burst is that checkpoint's cost.
    const pause = monitorEventLoopDelay({ resolution: 1 });
    pause.enable();
    await sleep(1_000);
    pause.disable();
    const idleCheckpointMs = pause.max / 1e6;
    const bareDb = openDatabase(join(dir, 'bare.sqlite'));
    bareDb.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = bareDb.prepare('INSERT INTO rows (body) VALUES (?)');
    const one = bareDb.transaction((i: number) => insert.run(`row ${i}`));
    const bare = summarize(sampleSync((i) => one(i), runs, 20)).p99;
    bareDb.close();
    return { reply, status, bare, replyP50: p50s[0]!, statusP50: p50s[1]!, idleCheckpointMs };
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Drain {
  drainMs: number;
  bareMs: number;
  orderKept: boolean;
  stored: number;
  queueMs: number;
}

async function drain(total: number): Promise<Drain> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-drain-'));
  const server = await startBenchServer(join(dataDir, 'server'));
  const core = createCore({ dataDir: join(dataDir, 'core'), serverUrl: server.url });
  const call = rpcCaller(core);
  const bareSocket = { close: () => undefined as unknown };
  try {
    const conversations: string[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
        body: JSON.stringify({ channel: 'chat', externalId: `drain-${i}`, contact: { externalId: `drain-contact-${i}`, name: `客户${i}` }, text: `你好，我想咨询一下订单 ${i}` }),
      });
      conversations.push(((await response.json()) as { conversationId: string }).conversationId);
    }
    await call('session.login', { email: AGENT, password: DEMO_PASSWORD, serverUrl: server.url });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const status = await call('sync.status', {});
      const { total: visible } = await call('inbox.list', { scope: 'all', sort: 'newest', offset: 0, limit: 1 });
      if (status.state === 'online' && visible >= conversations.length) break;
      if (Date.now() > deadline) throw new Error('core did not sync the drain conversations');
      await sleep(20);
    }
    core.goOffline();
    const queueStart = now();
    for (let i = 0; i < total; i++)
      await call('conversation.reply', { conversationId: conversations[i % conversations.length]!, kind: 'note', text: `drain#${i}` });
    const queueMs = now() - queueStart;
    const start = now();
    core.goOnline();
    const drainDeadline = Date.now() + 300_000;
    while ((await call('sync.status', {})).pending > 0) {
      if (Date.now() > drainDeadline) throw new Error('outbox did not drain within 300 s');
      await sleep(5);
    }
    const drainMs = now() - start;
    const stored = await sql<{ conversation_id: string; text: string }>`
      SELECT conversation_id, text FROM messages WHERE text LIKE 'drain#%' ORDER BY rowid`.execute(server.db.db as never);
    const last = new Map<string, number>();
    let orderKept = true;
    for (const row of stored.rows) {
      const n = Number(row.text.slice('drain#'.length));
      if ((last.get(row.conversation_id) ?? -1) >= n) orderKept = false;
      last.set(row.conversation_id, n);
    }

    // Baseline: the same pushes from a bare client (own clientId), one batch in flight.
    const { token } = (await (
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: AGENT, password: DEMO_PASSWORD }),
      })
    ).json()) as { token: string };
    const socket = io(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    bareSocket.close = () => socket.close();
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const clientId = randomUUID();
    const mutations = Array.from({ length: total }, (_, i) => ({
      mutationId: i + 1,
      name: 'message.send' as const,
      args: { conversationId: conversations[i % conversations.length]!, messageId: randomUUID(), kind: 'note', text: `bare#${i}` },
    }));
    const bareStart = now();
    for (let i = 0; i < mutations.length; i += PUSH_BATCH_MAX) {
      const ack = (await socket.timeout(30_000).emitWithAck(SOCKET_EVENTS.push, { clientId, mutations: mutations.slice(i, i + PUSH_BATCH_MAX) })) as { ok: boolean };
      if (!ack.ok) throw new Error(`bare push rejected: ${JSON.stringify(ack).slice(0, 200)}`);
    }
    const bareMs = now() - bareStart;
    return { drainMs, bareMs, orderKept: orderKept && stored.rows.length === total, stored: stored.rows.length, queueMs };
  } finally {
    bareSocket.close();
    await core.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const outboxFigure: Figure = {
  id: 'outbox',
  title: 'Outbox: optimistic local apply, and 10k queued mutations drained after reconnect',
  async run(ctx) {
    const runs = ctx.quick ? 200 : 1000;
    const total = ctx.quick ? 1_000 : 10_000;
    const local = await optimistic(runs);
    ctx.log(`  draining ${total} queued replies`);
    const d = await drain(total);
    ctx.detail('optimistic', { runs, ...local });
    ctx.detail('drain', { total, ...d });
    return [
      { figure: 'optimistic apply p99: conversation.reply (RPC)', value: local.reply, unit: 'ms', baseline: local.bare, baselineLabel: 'bare 1-row txn', goal: '≤ 1 ms', met: local.reply <= 1, note: `${runs} calls on a cache with the 10k-change data set; p50 ${local.replyP50.toFixed(2)} ms (WAL checkpoints run in pauses, see below; FTS5 merges stay in the write)` },
      { figure: 'WAL checkpoint after the burst, in the next pause (event-loop stall)', value: local.idleCheckpointMs, unit: 'ms', baseline: null, baselineLabel: '', goal: 'off the write path', met: null, note: `checkpoints run ${'≥'} 250 ms after the last write; this stall is what a call arriving during it would wait` },
      { figure: 'optimistic apply p99: conversation.setStatus (RPC)', value: local.status, unit: 'ms', baseline: local.bare, baselineLabel: 'bare 1-row txn', goal: '≤ 1 ms', met: local.status <= 1, note: `p50 ${local.statusP50.toFixed(2)} ms` },
      {
        figure: `outbox drain: ${total} queued replies after reconnect`,
        value: d.drainMs,
        unit: 'ms',
        baseline: d.bareMs,
        baselineLabel: 'bare sync.push client',
        goal: '< 5000 ms, order kept',
        met: d.drainMs < 5000 && d.orderKept,
        note: `${d.stored}/${total} stored on the server, order within each conversation ${d.orderKept ? 'kept' : 'NOT kept'}; queueing them offline took ${d.queueMs.toFixed(0)} ms`,
      },
    ];
  },
};
