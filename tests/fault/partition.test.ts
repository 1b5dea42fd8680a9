/**
 * Fault: the network between one agent's workstation and the server is cut for 30 s (a TCP
 * proxy the test controls resets every connection and refuses new ones) while 1,000 changes
 * happen: 300 customer messages reach the server directly, a second agent, still connected,
 * answers 300 times, and the cut-off agent types 400 replies, which wait in its core's outbox.
 *
 * Checker: 0 acknowledged writes lost, 0 duplicates, each lane in order, and both caches equal
 * to the server's view for their agent within 5 s of the link coming back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE, createCore, type Core } from '../../electron/core/core';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { cacheView, converge, history, login, serverView, verdict } from './lib/checker';
import { startProxy, type TcpProxy } from './lib/proxy';
import { recordResult } from './lib/report';
import { startNode, type ServerNode } from './lib/serverNode';
import { agentLane, createTraffic, customerLane, drained, openConversations, rpcOf, signIn, waitForConversations } from './lib/traffic';
import { freePort, sleep } from './lib/util';

const CUT_MS = 30_000;
const CONVERSATIONS = 10;
const INGESTS_PER_CONVERSATION = 30;
const REPLIES_PER_CONVERSATION = 40;
const CONNECTED_REPLIES_PER_CONVERSATION = 30;
const CUT_OFF = 'li.na@demo.switchboard';
const CONNECTED = 'emma.clark@demo.switchboard';

const dir = mkdtempSync(join(tmpdir(), 'sb-fault-partition-'));
let node: ServerNode | null = null;
let proxy: TcpProxy | null = null;
const cores: Core[] = [];

afterAll(async () => {
  for (const core of cores) await core.close();
  await proxy?.close();
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a 30 s network cut between a workstation and the server', () => {
  it('keeps every write, in order, and both caches converge once the link is back', { timeout: 240_000 }, async () => {
    node = await startNode({ port: await freePort(), dataDir: join(dir, 'server') });
    proxy = await startProxy(Number(new URL(node.url).port));
    const cutOff = createCore({ dataDir: join(dir, 'cut-off'), serverUrl: proxy.url });
    const connected = createCore({ dataDir: join(dir, 'connected'), serverUrl: node.url });
    cores.push(cutOff, connected);
    await signIn(cutOff, CUT_OFF, DEMO_PASSWORD);
    await signIn(connected, CONNECTED, DEMO_PASSWORD);

    const t = createTraffic('cut');
    const conversationIds = await openConversations(t, node.url, CONVERSATIONS);
    await waitForConversations(cutOff, conversationIds);
    await waitForConversations(connected, conversationIds);

    proxy.cut();
    const cutAt = performance.now();
    const url = node.url;
    await Promise.all([
      ...conversationIds.map((_, c) => customerLane(t, () => url, c, 1, INGESTS_PER_CONVERSATION)),
      ...conversationIds.map((id, c) => agentLane(t, cutOff, id, c, REPLIES_PER_CONVERSATION)),
      ...conversationIds.map((id, c) => agentLane(t, connected, id, c, CONNECTED_REPLIES_PER_CONVERSATION, undefined, 'out-b')),
    ]);
    const changesDuringCut = t.acked.size - CONVERSATIONS + t.typed.length;
    const writesDoneMs = performance.now() - cutAt;
    const status = await rpcOf(cutOff)('sync.status', {});
    await sleep(Math.max(0, CUT_MS - (performance.now() - cutAt)));
    const tokens = { cutOff: await login(url, CUT_OFF), connected: await login(url, CONNECTED) };
    const stats = proxy.stats();
    proxy.restore();
    const restoredAt = performance.now();

    const convergenceMs = await converge(
      [
        { name: CUT_OFF, cache: () => cacheView(join(dir, 'cut-off', CACHE_FILE)), server: () => serverView(url, tokens.cutOff) },
        { name: CONNECTED, cache: () => cacheView(join(dir, 'connected', CACHE_FILE)), server: () => serverView(url, tokens.connected) },
      ],
      restoredAt,
    );
    await drained(cutOff);
    const result = verdict(t, await history(url));
    recordResult({
      fault: 'network cut 30 s (TCP proxy)',
      faults: 1,
      ...result,
      convergenceMs,
      note: `${changesDuringCut} changes in ${(writesDoneMs / 1000).toFixed(1)} s of the cut, ${status.pending} queued offline, ${stats.reset} connections reset, ${stats.refused} reconnects refused`,
    });
    expect(result.problems).toEqual([]);
    expect(changesDuringCut).toBe(1_000);
    expect(status.state).toBe('offline'); // the cut was real: the core knew it was offline…
    expect(status.pending).toBeGreaterThan(0); // …and held the replies
    expect(stats.reset).toBeGreaterThan(0);
    expect([result.lost, result.duplicated, result.outOfOrder]).toEqual([0, 0, 0]);
  });
});
