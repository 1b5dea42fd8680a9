/**
 * Fault: duplicated deliveries. One agent's core runs on a socket that hands it every poke twice
 * (the copy possibly after newer pokes) and sends every push batch twice; customers' channels
 * post every message twice at the same moment with the same externalId (a retry racing the
 * original). A second agent's core sees the traffic normally.
 *
 * Checker: 0 acknowledged writes lost, 0 stored twice, each lane in order, both racing posts of a
 * message answered with the same messageId, and both caches equal to the server's view.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE, createCore, type Core } from '../../electron/core/core';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { cacheView, converge, history, login, serverView, verdict } from './lib/checker';
import { duplicatingSocketFactory, type DuplicationStats } from './lib/duplicatingSocket';
import { recordResult } from './lib/report';
import { startNode, type ServerNode } from './lib/serverNode';
import { agentLane, createTraffic, drained, ingestOnce, openConversations, signIn, waitForConversations } from './lib/traffic';
import { freePort, until } from './lib/util';

const CONVERSATIONS = 6;
const INGESTS_PER_CONVERSATION = 25;
const REPLIES_PER_CONVERSATION = 25;
const DUPLICATED = 'li.na@demo.switchboard';
const PLAIN = 'emma.clark@demo.switchboard';

const dir = mkdtempSync(join(tmpdir(), 'sb-fault-dup-'));
let node: ServerNode | null = null;
const cores: Core[] = [];

afterAll(async () => {
  for (const core of cores) await core.close();
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('duplicated deliveries', () => {
  it('stores each write once, in order, and both caches converge', { timeout: 240_000 }, async () => {
    node = await startNode({ port: await freePort(), dataDir: join(dir, 'server') });
    const url = node.url;
    const stats: DuplicationStats = { pokesRedelivered: 0, pushesResent: 0 };
    const duplicated = createCore({ dataDir: join(dir, 'dup'), serverUrl: url, createSocket: duplicatingSocketFactory(stats) });
    const plain = createCore({ dataDir: join(dir, 'plain'), serverUrl: url });
    cores.push(duplicated, plain);
    await signIn(duplicated, DUPLICATED, DEMO_PASSWORD);
    await signIn(plain, PLAIN, DEMO_PASSWORD);

    const t = createTraffic('dup');
    const conversationIds = await openConversations(t, url, CONVERSATIONS);
    await waitForConversations(duplicated, conversationIds);

    let racesAnsweredApart = 0;
    const customer = async (c: number) => {
      for (let i = 1; i <= INGESTS_PER_CONVERSATION; i++) {
        const [a, b] = await Promise.all([ingestOnce(t, url, c, i), ingestOnce(t, url, c, i)]);
        if (a.messageId !== b.messageId) racesAnsweredApart++;
      }
    };
    await Promise.all([
      ...conversationIds.map((_, c) => customer(c)),
      ...conversationIds.map((id, c) =>
        agentLane(t, duplicated, id, c, REPLIES_PER_CONVERSATION, (i) =>
          until(() => t.acked.has(`${t.tag}-in-${c}-${i + 1}`), Boolean, 'the customer message', 60_000).then(() => {}),
        ),
      ),
    ]);
    const lastWrite = performance.now();

    await drained(duplicated);
    const tokens = { duplicated: await login(url, DUPLICATED), plain: await login(url, PLAIN) };
    const convergenceMs = await converge(
      [
        { name: DUPLICATED, cache: () => cacheView(join(dir, 'dup', CACHE_FILE)), server: () => serverView(url, tokens.duplicated) },
        { name: PLAIN, cache: () => cacheView(join(dir, 'plain', CACHE_FILE)), server: () => serverView(url, tokens.plain) },
      ],
      lastWrite,
    );
    const result = verdict(t, await history(url));
    recordResult({
      fault: 'duplicated deliveries',
      faults: stats.pokesRedelivered + stats.pushesResent + CONVERSATIONS * INGESTS_PER_CONVERSATION,
      ...result,
      convergenceMs,
      note: `${stats.pokesRedelivered} pokes redelivered, ${stats.pushesResent} push batches resent, ${CONVERSATIONS * INGESTS_PER_CONVERSATION} racing ingest pairs`,
    });
    expect(result.problems).toEqual([]);
    expect(stats.pokesRedelivered).toBeGreaterThan(0);
    expect(stats.pushesResent).toBeGreaterThan(0);
    expect(racesAnsweredApart).toBe(0);
    expect([result.lost, result.duplicated, result.outOfOrder]).toEqual([0, 0, 0]);
  });
});
