/**
 * Fault: `kill -9` of the server process during a burst of agent replies (from a real workstation
 * core) and of channel ingests, then a restart on the same data and port.
 *
 * Generator: 4 conversations; per conversation a customer lane (the next message once the
 * previous one is acknowledged, retried with the same externalId until it is) and an agent lane
 * (reply i once customer message i+1 is in), typed into the core. Nemesis: SIGKILL of the server
 * child once a third of each stream is done, restart 300 ms later. Checker (lib/checker.ts):
 * 0 acknowledged writes lost, 0 duplicates, each lane in order, the core's cache equal to the
 * server's view within 5 s of the restart and the last write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE, createCore, type Core } from '../../electron/core/core';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { cacheView, converge, history, login, serverView, verdict } from './lib/checker';
import { recordResult } from './lib/report';
import { startNode, type ServerNode } from './lib/serverNode';
import { conversationBurst, createTraffic, drained, openConversations, rpcOf, signIn, waitForConversations } from './lib/traffic';
import { freePort, sleep, until } from './lib/util';

const CONVERSATIONS = 4;
const INGESTS_PER_CONVERSATION = 30;
const REPLIES_PER_CONVERSATION = 25;
const AGENT = 'li.na@demo.switchboard';

const dir = mkdtempSync(join(tmpdir(), 'sb-fault-kill-'));
let node: ServerNode | null = null;
let core: Core | null = null;

afterAll(async () => {
  await core?.close();
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 of the server during a burst', () => {
  it('loses no acknowledged write, duplicates none, keeps order and converges', { timeout: 240_000 }, async () => {
    node = await startNode({ port: await freePort(), dataDir: join(dir, 'server') });
    const url = node.url;
    core = createCore({ dataDir: join(dir, 'core'), serverUrl: url });
    await signIn(core, AGENT, DEMO_PASSWORD);
    const rpc = rpcOf(core);

    const t = createTraffic('kill');
    const conversationIds = await openConversations(t, url, CONVERSATIONS);
    await waitForConversations(core, conversationIds);

    let killedAt = 0;
    let restartedAt = 0;
    let pendingAtKill = 0;
    let repliesAtKill = 0;
    const third = (CONVERSATIONS * INGESTS_PER_CONVERSATION) / 3;
    const nemesis = (async () => {
      await until(() => ({ ingests: t.acked.size, replies: t.typed.length }), (n) => n.ingests >= third && n.replies >= (CONVERSATIONS * REPLIES_PER_CONVERSATION) / 3, 'a third of each stream', 60_000);
      pendingAtKill = (await rpc('sync.status', {})).pending;
      repliesAtKill = t.typed.length;
      await node!.kill9();
      killedAt = performance.now();
      await sleep(300);
      await node!.restart();
      restartedAt = performance.now();
    })();
    const lastWrite = await conversationBurst(t, core, () => url, conversationIds, {
      firstIngest: 1,
      lastIngest: INGESTS_PER_CONVERSATION,
      replies: REPLIES_PER_CONVERSATION,
      nemesis,
    });

    await drained(core);
    const token = await login(url, AGENT);
    const convergenceMs = await converge(
      [{ name: AGENT, cache: () => cacheView(join(dir, 'core', CACHE_FILE)), server: () => serverView(url, token) }],
      Math.max(lastWrite, restartedAt),
    );
    const result = verdict(t, await history(url));
    recordResult({
      fault: 'kill -9 server during burst',
      faults: 1,
      ...result,
      convergenceMs,
      note: `down ${(restartedAt - killedAt).toFixed(0)} ms, ${repliesAtKill} replies typed and ${pendingAtKill} unacknowledged at the kill, ${t.attempts} ingest attempts`,
    });
    expect(result.problems).toEqual([]);
    expect(repliesAtKill).toBeLessThan(t.typed.length); // replies were still being typed
    expect(t.acked.size).toBe(CONVERSATIONS * (INGESTS_PER_CONVERSATION + 1));
    expect(t.typed).toHaveLength(CONVERSATIONS * REPLIES_PER_CONVERSATION);
    expect([result.lost, result.duplicated, result.outOfOrder]).toEqual([0, 0, 0]);
  });
});
