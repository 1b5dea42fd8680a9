/**
 * Fault: `kill -9` of the server process during a burst of agent replies (from a real workstation
 * core) and of channel ingests, then a restart on the same data and port.
 *
 * Generator: 4 conversations; per conversation one ingest lane (sequential: the next message is
 * sent once the previous one is acknowledged, retried with the same externalId until it is, as a
 * channel integration does) and a stream of replies typed into the core (its outbox delivers
 * them). Nemesis: SIGKILL of the server child once a third of the ingests are acknowledged,
 * restart 300 ms later. Checker, on the server's database and the core's cache:
 * 0 acknowledged writes lost, 0 duplicates, order kept within each conversation, and the core's
 * view of the conversations equal to the server's (checksum) within 5 s of the last write.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../server/demo/seed';
import type { RpcInput, RpcMethod, RpcOutput } from '../../shared/contracts/rpc';

const root = join(__dirname, '../..');
const CONVERSATIONS = 4;
const INGESTS_PER_CONVERSATION = 30;
const REPLIES_PER_CONVERSATION = 25;

const dir = mkdtempSync(join(tmpdir(), 'sb-fault-kill-'));
let child: ChildProcess | null = null;
let core: Core | null = null;

afterAll(async () => {
  await core?.close();
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T>, accept: (v: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined as T);
    if (value !== undefined && accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** One server process: `node --import tsx server/main.ts` (a single process, so SIGKILL is a real crash). */
function spawnServer(port: number): ChildProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SWITCHBOARD_DATA_DIR: join(dir, 'server'),
      SWITCHBOARD_DEMO: '1',
      SWITCHBOARD_TOKEN_SECRET: 'fault-test-token-secret',
      DATABASE_URL: '',
      REDIS_URL: '',
      SWITCHBOARD_LOG: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  proc.stderr?.on('data', () => {});
  return proc;
}

async function rpc<M extends RpcMethod>(method: M, params: RpcInput<M>): Promise<RpcOutput<M>> {
  const response = await core!.rpc.handle(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as RpcOutput<M>;
}

describe('kill -9 of the server during a burst', () => {
  it('loses no acknowledged write, duplicates none, keeps order and converges', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const healthy = () => until(() => fetch(`${url}/healthz`).then((r) => r.status), (s) => s === 200, 'server healthy', 60_000);
    child = spawnServer(port);
    await healthy();

    core = createCore({ dataDir: join(dir, 'core'), serverUrl: url });
    await rpc('session.login', { email: 'li.na@demo.switchboard', password: DEMO_PASSWORD });
    await until(() => rpc('sync.status', {}), (s) => s.state === 'online', 'core online');

    const stamp = Date.now();
    const ingest = async (conversation: number, i: number) => {
      const response = await fetch(`${url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
        body: JSON.stringify({
          channel: 'chat',
          externalId: `fault-${stamp}-${conversation}-${i}`,
          conversationExternalId: `fault-thread-${stamp}-${conversation}`,
          contact: { externalId: `fault-contact-${stamp}-${conversation}` },
          text: `fault-in-${conversation}-${i}`,
        }),
      });
      if (response.status !== 202) throw new Error(`ingest ${response.status}`);
      return (await response.json()) as { conversationId: string; messageId: string };
    };

    // The conversations exist and are in the core before the burst.
    const conversationIds: string[] = [];
    for (let c = 0; c < CONVERSATIONS; c++) conversationIds.push((await ingest(c, 0)).conversationId);
    for (const id of conversationIds) await until(() => rpc('conversation.get', { conversationId: id }), (d) => d !== null, 'conversation in core');

    // ---- generator + nemesis -------------------------------------------------------------
    const acked = new Map<string, string>(); // ingest text → messageId, once the server said 202
    let attempts = 0;
    let typed = 0;
    let repliesAtKill = 0;
    let pendingAtKill = 0;
    let killedAt = 0;
    let restartedAt = 0;
    const nemesis = (async () => {
      // Strike while both streams are mid-way: a third of the ingests acknowledged, a third of the replies typed.
      await until(
        async () => ({ ingests: acked.size, replies: typed }),
        (n) => n.ingests >= (CONVERSATIONS * INGESTS_PER_CONVERSATION) / 3 && n.replies >= (CONVERSATIONS * REPLIES_PER_CONVERSATION) / 3,
        'a third of each stream',
      );
      pendingAtKill = (await rpc('sync.status', {})).pending;
      repliesAtKill = typed;
      child!.kill('SIGKILL');
      killedAt = performance.now();
      await new Promise((resolve) => child!.once('exit', resolve));
      await sleep(300);
      child = spawnServer(port);
      await healthy();
      restartedAt = performance.now();
    })();

    const ingestLane = async (c: number) => {
      for (let i = 1; i <= INGESTS_PER_CONVERSATION; i++) {
        for (;;) {
          attempts++;
          try {
            const { messageId } = await ingest(c, i);
            acked.set(`fault-in-${c}-${i}`, messageId);
            break;
          } catch {
            await sleep(50); // the server is down: try the same message again
          }
        }
      }
    };
    const replyLane = async (c: number) => {
      for (let i = 0; i < REPLIES_PER_CONVERSATION; i++) {
        // The agent answers as the customer writes: reply i once message i+1 is in.
        await until(async () => acked.has(`fault-in-${c}-${i + 1}`), (yes) => yes, 'customer message', 60_000);
        await rpc('conversation.reply', { conversationId: conversationIds[c]!, kind: 'text', text: `fault-out-${c}-${i}` });
        typed++;
      }
    };
    await Promise.all([
      nemesis,
      ...conversationIds.map((_, c) => ingestLane(c)),
      ...conversationIds.map((_, c) => replyLane(c)),
    ]);
    const lastWrite = performance.now();

    // ---- checker ---------------------------------------------------------------------------
    await until(() => rpc('sync.status', {}), (s) => s.state === 'online' && s.pending === 0, 'core drained');
    const db = new Database(join(dir, 'server', 'server.db'), { readonly: true });
    try {
      const serverView = () =>
        db
          .prepare(
            `select conversation_id as conversationId, id, text from messages
             where conversation_id in (${conversationIds.map(() => '?').join(',')}) order by conversation_id, id`,
          )
          .all(...conversationIds) as { conversationId: string; id: string; text: string }[];
      const checksum = (rows: { conversationId: string; id: string }[]) =>
        createHash('sha256')
          .update(rows.map((r) => `${r.conversationId}/${r.id}`).sort().join('\n'))
          .digest('hex');
      const coreView = async () => {
        const rows: { conversationId: string; id: string }[] = [];
        for (const id of conversationIds) {
          const detail = await rpc('conversation.get', { conversationId: id });
          for (const m of detail?.messages ?? []) if (!m.pending) rows.push({ conversationId: id, id: m.id });
        }
        return rows;
      };
      await until(async () => checksum(await coreView()), (sum) => sum === checksum(serverView()), 'core converged', 5_000);
      const convergenceMs = performance.now() - lastWrite;

      const rows = serverView();
      const byText = new Map<string, number>();
      for (const row of rows) byText.set(row.text, (byText.get(row.text) ?? 0) + 1);
      const ids = new Set(rows.map((r) => r.id));
      const lostIngests = [...acked.values()].filter((id) => !ids.has(id)).length;
      const expectedReplies = conversationIds.flatMap((_, c) =>
        Array.from({ length: REPLIES_PER_CONVERSATION }, (__, i) => `fault-out-${c}-${i}`),
      );
      const lostReplies = expectedReplies.filter((t) => !byText.has(t)).length;
      const duplicated = [...byText.entries()].filter(([t, n]) => t.startsWith('fault-') && n > 1).length;

      // Order: per conversation, by change-log seq, each lane's messages in the order sent.
      const log = db
        .prepare(`select seq, data from change_log where type = 'message.created' order by seq`)
        .all() as { seq: number; data: string }[];
      const sequence = new Map<string, string[]>();
      for (const entry of log) {
        const { message } = JSON.parse(entry.data) as { message: { conversationId: string; text: string } };
        if (!conversationIds.includes(message.conversationId)) continue;
        sequence.set(message.conversationId, [...(sequence.get(message.conversationId) ?? []), message.text]);
      }
      let outOfOrder = 0;
      conversationIds.forEach((id, c) => {
        const texts = sequence.get(id) ?? [];
        for (const prefix of [`fault-in-${c}-`, `fault-out-${c}-`]) {
          const lane = texts.filter((t) => t.startsWith(prefix)).map((t) => Number(t.slice(prefix.length)));
          if (lane.some((n, k) => k > 0 && n <= lane[k - 1]!)) outOfOrder++;
        }
      });

      const writes = acked.size + expectedReplies.length;
      console.log(
        `[fault] kill -9 during burst: writes ${writes} (ingests acked ${acked.size} in ${attempts} attempts, replies ${expectedReplies.length}), ` +
          `faults 1 (down ${(restartedAt - killedAt).toFixed(0)} ms; ${repliesAtKill} replies typed, ${pendingAtKill} unacknowledged at the kill), lost ${lostIngests + lostReplies}, duplicated ${duplicated}, ` +
          `lanes out of order ${outOfOrder}, convergence ${convergenceMs.toFixed(0)} ms after the last write`,
      );
      expect(killedAt).toBeGreaterThan(0);
      expect(repliesAtKill).toBeLessThan(expectedReplies.length); // replies were still being typed
      expect(acked.size).toBe(CONVERSATIONS * INGESTS_PER_CONVERSATION);
      expect(lostIngests).toBe(0);
      expect(lostReplies).toBe(0);
      expect(duplicated).toBe(0);
      expect(outOfOrder).toBe(0);
    } finally {
      db.close();
    }
  });
});
