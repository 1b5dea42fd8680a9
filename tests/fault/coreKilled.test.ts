/**
 * Fault: an agent's core is SIGKILLed while it applies a large catch-up, then started again on
 * the same cache directory. The core runs in a child process (lib/coreEntry.ts); while it was
 * signed out, a colleague answered 700 times in its team's conversations (~1,400 changes), so its
 * first pull is two pages. The kill is
 * sent the moment the first page has arrived, i.e. while that page is validated or applied.
 *
 * Checker: right after the kill the cache holds exactly the changes up to its cursor (a page is
 * in whole or not at all: nothing half-applied); after the restart it converges to the server's
 * view within 5 s, with every acknowledged message present once and each lane in order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../electron/core/core';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { cacheView, checksum, converge, login, pullAll, serverView, viewOfChanges } from './lib/checker';
import { startChild, type ChildHandle, type ChildMessage } from './lib/child';
import { recordResult } from './lib/report';
import { startNode, type ServerNode } from './lib/serverNode';
import { createTraffic, openConversations, pushReplies } from './lib/traffic';
import { freePort } from './lib/util';

const CONVERSATIONS = 10;
const REPLIES_PER_CONVERSATION = 70;
const AGENT = 'li.na@demo.switchboard';
const COLLEAGUE = 'emma.clark@demo.switchboard';

const dir = mkdtempSync(join(tmpdir(), 'sb-fault-corekill-'));
const cacheDir = join(dir, 'core');
const cacheFile = join(cacheDir, CACHE_FILE);
let node: ServerNode | null = null;
const children: ChildHandle[] = [];

afterAll(async () => {
  for (const child of children) await child.stop();
  await node?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function startCore(config: Record<string, string>): ChildHandle {
  const child = startChild(join(__dirname, 'lib', 'coreEntry.ts'), { FAULT_CORE: JSON.stringify({ dataDir: cacheDir, ...config }) }, 120_000);
  children.push(child);
  return child;
}

type Status = ChildMessage & { state: string; cursor: number; pending: number };

/** Message texts per conversation in the cache's thread order. */
function cacheThreads(): Map<string, string[]> {
  const db = new Database(cacheFile, { readonly: true });
  try {
    const rows = db.prepare('select conversation_id, text from messages order by conversation_id, rid').all() as { conversation_id: string; text: string }[];
    const threads = new Map<string, string[]>();
    for (const row of rows) threads.set(row.conversation_id, [...(threads.get(row.conversation_id) ?? []), row.text]);
    return threads;
  } finally {
    db.close();
  }
}

describe('a core killed while it applies a catch-up', () => {
  it('keeps its cache whole at the kill and converges after a restart', { timeout: 240_000 }, async () => {
    node = await startNode({ port: await freePort(), dataDir: join(dir, 'server') });
    const url = node.url;
    const t = createTraffic('core');
    const conversationIds = await openConversations(t, url, CONVERSATIONS);

    // Sign in once, get the cache in step, then leave (the token is kept, as the shell keeps it).
    const first = startCore({ serverUrl: url, email: AGENT, password: DEMO_PASSWORD });
    const { token } = await first.next<ChildMessage & { token: string }>('token', (m) => typeof m.token === 'string');
    await first.next<Status>('status', (m) => m.state === 'online');
    await first.stop();

    // While the agent is away, a colleague works through the queue: the next start has a long catch-up.
    await pushReplies(t, url, await login(url, COLLEAGUE), conversationIds, REPLIES_PER_CONVERSATION);
    const agentToken = await login(url, AGENT);
    const visible = await pullAll(url, agentToken);
    const head = visible.at(-1)!.seq;

    const second = startCore({ serverUrl: url, token });
    const page = await second.next<ChildMessage & { n: number; cursor: number; changes: number }>('page', (m) => m.n === 1, 90_000);
    await second.kill9();

    // Whole pages only: the cache equals the server's changes up to the cursor it stored.
    const cursorAtKill = (new Database(cacheFile, { readonly: true }).prepare("select value from meta where key = 'cursor'").get() as { value: string }).value;
    const expectedAtKill = viewOfChanges(visible.filter((c) => c.seq <= Number(cursorAtKill)));
    const cacheAtKill = cacheView(cacheFile);
    const wholeAtKill = checksum(cacheAtKill) === checksum(expectedAtKill);

    // The fault clears when the core runs again (its first status): from there it has 5 s.
    const third = startCore({ serverUrl: url, token });
    await third.next<Status>('status');
    const restartedAt = performance.now();
    const convergenceMs = await converge([{ name: AGENT, cache: () => cacheView(cacheFile), server: () => serverView(url, agentToken) }], restartedAt);

    const threads = cacheThreads();
    const texts = [...threads.values()].flat().filter((x) => x.startsWith(`${t.tag}-`));
    const copies = new Map<string, number>();
    for (const text of texts) copies.set(text, (copies.get(text) ?? 0) + 1);
    const lost = [...t.acked.keys(), ...t.typed].filter((text) => !copies.has(text)).length;
    const duplicated = [...copies.values()].filter((n) => n > 1).length;
    let outOfOrder = 0;
    for (const thread of threads.values()) {
      for (const lane of ['in', 'out']) {
        const numbers = thread.filter((x) => x.startsWith(`${t.tag}-${lane}-`)).map((x) => Number(x.split('-').at(-1)));
        if (numbers.some((n, k) => k > 0 && n <= numbers[k - 1]!)) outOfOrder++;
      }
    }
    recordResult({
      fault: 'core killed mid-apply',
      faults: 1,
      writes: t.acked.size + t.typed.length,
      lost,
      duplicated,
      outOfOrder,
      convergenceMs,
      note: `catch-up of ${visible.length} changes; killed on page 1 of the catch-up (to ${page.cursor}); cursor on disk ${cursorAtKill}, cache ${wholeAtKill ? 'whole' : 'HALF-APPLIED'} at the kill`,
    });
    expect(wholeAtKill).toBe(true);
    expect(Number(cursorAtKill)).toBeLessThan(head); // the kill landed inside the catch-up
    expect([lost, duplicated, outOfOrder]).toEqual([0, 0, 0]);
  });
});
