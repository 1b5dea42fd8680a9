/**
 * Fault: Redis restarts under two server nodes (private PostgreSQL and a private redis-server,
 * both on free ports; lib/privatePostgres.ts, lib/privateRedis.ts). An agent's core is connected
 * to node A; customers write through node B, so every live update the agent gets crosses Redis.
 *
 * Before and after the restart, a raw socket on node A must be poked for a message ingested on
 * node B (the adapter works again, not only a later pull). "After" starts once both nodes'
 * /healthz say `redis: up`: a publish made before a node's connection is back is lost by design
 * (no offline queue; the head nudge on reconnect makes it good by pull), so the test waits for
 * what an operator would watch, and reports how long that took. During a burst around the restart the
 * checker asks for 0 acknowledged writes lost, 0 duplicates, order kept, and the core's cache
 * equal to the server's view within 5 s of Redis being back.
 */
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../electron/core/core';
import { type Poke } from '../../shared/contracts/sync';
import { cacheView, converge, history, login, serverView, verdict } from './lib/checker';
import { postgresUnavailable } from './lib/privatePostgres';
import { redisUnavailable } from './lib/privateRedis';
import { redisCluster } from './lib/redisCluster';
import { redisHealth } from './lib/serverNode';
import { recordResult } from './lib/report';
import { conversationBurst, createTraffic, drained, ingestUntilAcked, openConversations, waitForConversations, type Traffic } from './lib/traffic';
import { until } from './lib/util';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';

const CONVERSATIONS = 4;
const INGESTS_PER_CONVERSATION = 20;
const REPLIES_PER_CONVERSATION = 15;
const AGENT = 'li.na@demo.switchboard';
const WATCHER = 'emma.clark@demo.switchboard';

const unavailable = postgresUnavailable() ?? redisUnavailable();
if (unavailable) console.log(`[fault] Redis restart skipped: ${unavailable}`);

const cluster = redisCluster('redis', AGENT, WATCHER, 'a');
afterAll(() => cluster.stop());

/** Ingests message `i` of conversation `c` on `url` and resolves with the time until `socket` is poked with it. */
async function crossNodeDelivery(t: Traffic, socket: Socket, url: string, c: number, i: number): Promise<number> {
  const text = `${t.tag}-in-${c}-${i}`;
  const poked = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no poke on node A for ${text} within 10 s`)), 10_000);
    const listener = (poke: Poke) => {
      if (!poke.changes.some((change) => change.type === 'message.created' && change.message.text === text)) return;
      clearTimeout(timer);
      socket.off(SOCKET_EVENTS.poke, listener);
      resolve(performance.now());
    };
    socket.on(SOCKET_EVENTS.poke, listener);
  });
  const sentAt = performance.now();
  await ingestUntilAcked(t, () => url, c, i);
  return (await poked) - sentAt;
}

describe.skipIf(unavailable !== null)('Redis restart under two server nodes', () => {
  it('delivers across nodes before and after, loses nothing and converges', { timeout: 240_000 }, async () => {
    const { dir, redis, a, b, core, watcher } = await cluster.start();

    const t = createTraffic('redis');
    const conversationIds = await openConversations(t, b.url, CONVERSATIONS);
    await waitForConversations(core, conversationIds);
    const before = await crossNodeDelivery(t, watcher, b.url, 0, 1);

    const redisPids = [redis.pid()];
    let clearedAt = 0;
    const nemesis = (async () => {
      await until(() => t.acked.size, (n) => n >= CONVERSATIONS * 2 + CONVERSATIONS * INGESTS_PER_CONVERSATION * 0.3, 'a third of the burst', 60_000);
      await redis.restart(500);
      redisPids.push(redis.pid());
      clearedAt = performance.now();
    })();
    const lastWrite = await conversationBurst(t, core, () => b.url, conversationIds, {
      firstIngest: 2,
      lastIngest: INGESTS_PER_CONVERSATION,
      replies: REPLIES_PER_CONVERSATION,
      nemesis,
    });
    // The adapter must carry pokes again (the subscription came back), not only pulls.
    await Promise.all([a.url, b.url].map((url) => until(() => redisHealth(url), (state) => state === 'up', `${url} to report redis up`, 10_000)));
    const reconnectedMs = performance.now() - clearedAt;
    const after = await crossNodeDelivery(t, watcher, b.url, 0, INGESTS_PER_CONVERSATION + 1);

    await drained(core);
    const agentToken = await login(a.url, AGENT);
    const convergenceMs = await converge(
      [{ name: AGENT, cache: () => cacheView(join(dir, 'core', CACHE_FILE)), server: () => serverView(a.url, agentToken) }],
      Math.max(clearedAt, lastWrite),
    );
    const result = verdict(t, await history(b.url));
    recordResult({
      fault: 'Redis restart under two nodes',
      faults: 1,
      ...result,
      convergenceMs,
      note: `node B → node A poke ${before.toFixed(0)} ms before, ${after.toFixed(0)} ms after; both nodes reported redis up ≤ ${reconnectedMs.toFixed(0)} ms after it answered; redis pids ${redisPids.join(' → ')}`,
    });
    expect(result.problems).toEqual([]);
    expect(redisPids[0]).not.toBe(redisPids[1]);
    expect(a.isAlive() && b.isAlive()).toBe(true);
    expect([result.lost, result.duplicated, result.outOfOrder]).toEqual([0, 0, 0]);
  });
});
