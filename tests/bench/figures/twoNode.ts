/**
 * Figure: what crossing nodes costs. Two server nodes (each its own process, as in production)
 * on one private PostgreSQL with a private Redis joining their rooms, all on this machine. The
 * measured agent's core and the light sockets are connected to node A. The same open-loop chat
 * ingest runs twice in the same run: posted to node A (one node: its own poke reaches the core)
 * and posted to node B (the commit is on B, the poke reaches A through Redis). Latency = the
 * POST's start → the message committed in the measured core's cache.
 *
 * Needs the PostgreSQL server binaries and redis-server (the fault suite's private instances);
 * without them the figure says so in its error row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../../server/demo/seed';
import { postgresUnavailable, startPrivatePostgres } from '../../fault/lib/privatePostgres';
import { redisUnavailable, startPrivateRedis } from '../../fault/lib/privateRedis';
import { startNode, type ServerNode } from '../../fault/lib/serverNode';
import { freePort } from '../../fault/lib/util';
import { childScript, startChild } from '../lib/child';
import { demoLogin } from '../lib/login';
import type { Figure, Row } from '../lib/report';
import { sleep, summarize, type Summary } from '../lib/stats';
import { collect } from './ingest';

const MEASURED = 'li.na@demo.switchboard';
const LIGHT_AGENTS = ['wang.wei@demo.switchboard', 'emma.clark@demo.switchboard', 'liu.yang@demo.switchboard'];
const RATE = 50;

interface Leg {
  latency: Summary;
  httpP99: number;
  lost: number;
  errors: number;
}

export const twoNodeFigure: Figure = {
  id: 'twonode',
  title: 'Ingest → agent cache across two nodes (PostgreSQL + Redis) beside the same ingest on the agent’s own node',
  async run(ctx) {
    const unavailable = postgresUnavailable() ?? redisUnavailable();
    if (unavailable) throw new Error(`needs a private PostgreSQL and Redis: ${unavailable}`);
    const sockets = ctx.quick ? 50 : 200;
    const seconds = ctx.quick ? 5 : 10;
    const dir = mkdtempSync(join(tmpdir(), 'sb-bench-2node-'));
    const postgres = await startPrivatePostgres();
    const redis = await startPrivateRedis();
    const nodes: ServerNode[] = [];
    const measurer = startChild(childScript('agents.ts'), [], 300_000);
    const light = startChild(childScript('agents.ts'), [], 300_000);
    const channel = startChild(childScript('ingestLoad.ts'), [], 300_000);
    try {
      const a = await startNode({ port: await freePort(), dataDir: join(dir, 'a'), databaseUrl: postgres.url, redisUrl: redis.url });
      nodes.push(a);
      const b = await startNode({ port: await freePort(), dataDir: join(dir, 'b'), databaseUrl: postgres.url, redisUrl: redis.url, seedDemo: false });
      nodes.push(b);
      ctx.log(`  2 nodes on one PostgreSQL + Redis; ${sockets} agent sockets on node A (1 real core); ${RATE} chats/s for ${seconds} s, posted to A, then to B`);
      const tokens = await Promise.all(LIGHT_AGENTS.map((email) => demoLogin(a.url, email)));
      measurer.send({ type: 'connect', url: a.url, tokens, count: 0, mode: 'switchboard', measured: { email: MEASURED, password: DEMO_PASSWORD } });
      const one = await measurer.next<{ error?: string }>('connected', 60_000);
      if (one.error) throw new Error(one.error);
      light.send({ type: 'connect', url: a.url, tokens, count: sockets - 1, mode: 'switchboard' });
      await light.next('connected', 120_000);
      await sleep(500);

      let sentAt = new Map<number, number>();
      channel.on('sent', (message) => {
        for (const [marker, at] of message.items as [number, number][]) sentAt.set(marker, at);
      });
      const legs: Leg[] = [];
      // Phase numbers 10 and 11 keep this figure's markers apart from the ingest figure's.
      for (const [phase, url] of [a.url, b.url].entries()) {
        sentAt = new Map();
        let done = { http: [] as number[], errors: 0 };
        const result = await collect(measurer, [light], sentAt, async () => {
          channel.send({ type: 'run', url, token: DEMO_CHANNEL_TOKENS.chat, rate: RATE, count: RATE * seconds, phase: 10 + phase });
          done = await channel.next<typeof done>('done', seconds * 1000 + 120_000);
        }, seconds);
        legs.push({ latency: result.latency, lost: result.lost, httpP99: summarize(done.http).p99, errors: done.errors });
        await sleep(1_000);
      }
      const [local, cross] = legs as [Leg, Leg];
      ctx.detail('legs', { local, cross });
      const note = (leg: Leg) =>
        `${sockets} sockets on node A; ${RATE * seconds} ingests at ${RATE}/s; ${leg.lost} not in the cache within 5 s; ${leg.errors} HTTP errors; HTTP 202 p99 ${leg.httpP99.toFixed(0)} ms`;
      const rows: Row[] = [];
      for (const key of ['p50', 'p95', 'p99'] as const) {
        rows.push({
          figure: `ingest on node B → core on node A ${key}`,
          value: cross.latency[key],
          unit: 'ms',
          baseline: local.latency[key],
          baselineLabel: 'ingest on node A (same node)',
          goal: 'measured: the cost of the Redis hop',
          met: null,
          ...(key === 'p50' ? { note: `cross: ${note(cross)}; same node: ${note(local)}` } : {}),
        });
      }
      return rows;
    } finally {
      await measurer.stop();
      await light.stop();
      await channel.stop();
      for (const node of nodes.reverse()) await node.stop();
      await redis.stop();
      postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
