/**
 * Figure: what one node ingests per second with no sockets connected, so the figure is the
 * server's own cost per message (the ingest transaction, the bot's turn, dispatch, the SLA fold).
 * New chats are POSTed 8 in flight by this process (300 after 50 warm-up ones) to
 * startServer() on embedded SQLite, classifying inline and then in one worker thread
 * (SWITCHBOARD_NLU_WORKERS=1), then on a private PostgreSQL when its binaries are installed.
 * → the inline SQLite run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { postgresUnavailable, startPrivatePostgres } from '../../fault/lib/privatePostgres';
import type { Figure, Row } from '../lib/report';
import { startBenchServer } from '../lib/server';
import { summarize, type Summary } from '../lib/stats';

const IN_FLIGHT = 8;

interface Run {
  perSecond: number;
  latency: Summary;
  /** Ingests per transaction (group commit, server/domain/commitGroup.ts): mean and most. */
  grouping: string;
}

async function measure(options: { nluWorkers: number; databaseUrl?: string }, count: number): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-throughput-'));
  const server = await startBenchServer(dataDir, options);
  let next = 0;
  const post = async (): Promise<number> => {
    const i = next++;
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
      body: JSON.stringify({
        channel: 'chat',
        externalId: `throughput-${i}`,
        contact: { externalId: `throughput-contact-${i % 300}` },
        text: `您好，我的订单还没有发货，物流一直没有更新 #${i}`,
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}`);
    return performance.now() - started;
  };
  try {
    for (let i = 0; i < 50; i++) await post();
    const latencies: number[] = [];
    const before = server.ingestCommits.stats();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let k = 0; k < count / IN_FLIGHT; k++) latencies.push(await post());
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = server.ingestCommits.stats();
    await server.bot.idle();
    await server.routing.idle();
    const mean = (after.writes - before.writes) / Math.max(1, after.groups - before.groups);
    return {
      perSecond: latencies.length / seconds,
      latency: summarize(latencies),
      grouping: `${mean.toFixed(1)} ingests per transaction (most ${after.largest})`,
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const throughputFigure: Figure = {
  id: 'throughput',
  title: 'Ingests per second on one node with no sockets (8 in flight, bot on): inline, one classifier worker, PostgreSQL',
  async run(ctx) {
    const count = ctx.quick ? 80 : 304;
    const inline = await measure({ nluWorkers: 0 }, count);
    const worker = await measure({ nluWorkers: 1 }, count);
    const rows: Row[] = [
      { figure: 'ingests/s, SQLite, classifying inline', value: inline.perSecond, unit: '/s', baseline: null, baselineLabel: '', goal: 'measured', met: null, note: `HTTP 202 p50 ${inline.latency.p50.toFixed(1)} ms, p99 ${inline.latency.p99.toFixed(1)} ms; ${inline.grouping}` },
      { figure: 'ingests/s, SQLite, one classifier worker', value: worker.perSecond, unit: '/s', baseline: inline.perSecond, baselineLabel: 'inline', goal: 'measured', met: null, note: `HTTP 202 p50 ${worker.latency.p50.toFixed(1)} ms, p99 ${worker.latency.p99.toFixed(1)} ms; ${worker.grouping}` },
    ];
    const unavailable = postgresUnavailable();
    if (unavailable) ctx.log(`  PostgreSQL row skipped: ${unavailable}`);
    else {
      const postgres = await startPrivatePostgres();
      try {
        const pg = await measure({ nluWorkers: 0, databaseUrl: postgres.url }, count);
        rows.push({ figure: 'ingests/s, PostgreSQL, classifying inline', value: pg.perSecond, unit: '/s', baseline: inline.perSecond, baselineLabel: 'SQLite inline', goal: 'measured', met: null, note: `HTTP 202 p50 ${pg.latency.p50.toFixed(1)} ms, p99 ${pg.latency.p99.toFixed(1)} ms; ${pg.grouping}; private cluster with fsync=off` });
      } finally {
        postgres.stop();
      }
    }
    return rows;
  },
};
