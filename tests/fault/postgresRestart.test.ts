/**
 * Fault: PostgreSQL restarts under a server node during a burst of agent replies and ingests:
 * first a crash (`pg_ctl restart -m immediate`, recovery on start), later a fast restart. The
 * cluster is a private one on a free port (lib/privatePostgres.ts), never the machine's shared
 * server. Skipped, saying why, when the PostgreSQL server binaries are not installed.
 *
 * Checker: 0 acknowledged writes lost, 0 duplicates, each lane in order, the node still up (it
 * rides over the outage), and the core's cache equal to the server's view within 5 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE, createCore, type Core } from '../../electron/core/core';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { cacheView, converge, history, login, serverView, verdict } from './lib/checker';
import { postgresUnavailable, startPrivatePostgres, type PrivatePostgres } from './lib/privatePostgres';
import { recordResult } from './lib/report';
import { startNode, type ServerNode } from './lib/serverNode';
import { conversationBurst, createTraffic, drained, openConversations, signIn, waitForConversations } from './lib/traffic';
import { freePort, until } from './lib/util';

const CONVERSATIONS = 4;
const INGESTS_PER_CONVERSATION = 30;
const REPLIES_PER_CONVERSATION = 25;
const AGENT = 'li.na@demo.switchboard';

const unavailable = postgresUnavailable();
if (unavailable) console.log(`[fault] PostgreSQL restart skipped: ${unavailable}`);

/** Made when the suite runs (not when it is skipped), removed after it. */
let dir = '';
let postgres: PrivatePostgres | null = null;
let node: ServerNode | null = null;
let core: Core | null = null;

afterAll(async () => {
  await core?.close();
  await node?.stop();
  postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(unavailable !== null)('PostgreSQL restart under a server node', () => {
  it('loses no acknowledged write, duplicates none, keeps order and converges', { timeout: 240_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-fault-pgrestart-'));
    postgres = await startPrivatePostgres();
    node = await startNode({ port: await freePort(), dataDir: join(dir, 'server'), databaseUrl: postgres.url });
    const url = node.url;
    const nodePid = node.pid();
    core = createCore({ dataDir: join(dir, 'core'), serverUrl: url });
    await signIn(core, AGENT, DEMO_PASSWORD);

    const t = createTraffic('pg');
    const conversationIds = await openConversations(t, url, CONVERSATIONS);
    await waitForConversations(core, conversationIds);

    const total = CONVERSATIONS * INGESTS_PER_CONVERSATION;
    const pids: number[] = [postgres.pid()];
    let clearedAt = 0;
    const nemesis = (async () => {
      await until(() => t.acked.size, (n) => n >= total / 3, 'a third of the ingests', 60_000);
      postgres!.restart('immediate');
      pids.push(postgres!.pid());
      await until(() => t.acked.size, (n) => n >= (2 * total) / 3, 'two thirds of the ingests', 60_000);
      postgres!.restart('fast');
      pids.push(postgres!.pid());
      clearedAt = performance.now();
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
      Math.max(lastWrite, clearedAt),
    );
    const result = verdict(t, await history(url));
    recordResult({
      fault: 'PostgreSQL restart (crash + fast)',
      faults: 2,
      ...result,
      convergenceMs,
      note: `postmaster pids ${pids.join(' → ')}, ${t.attempts} ingest attempts, node ${node.isAlive() ? 'stayed up' : 'died'}`,
    });
    expect(result.problems).toEqual([]);
    expect(new Set(pids).size).toBe(3); // each restart was a new postmaster
    expect(node.isAlive() && node.pid() === nodePid).toBe(true); // the node rode over both outages
    expect(t.acked.size).toBe(CONVERSATIONS * (INGESTS_PER_CONVERSATION + 1));
    expect([result.lost, result.duplicated, result.outOfOrder]).toEqual([0, 0, 0]);
  });
});
