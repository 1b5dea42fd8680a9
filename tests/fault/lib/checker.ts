/**
 * The checker. It reads the server only through its public surfaces (a login and `sync.pull`),
 * so it works the same on SQLite and PostgreSQL nodes:
 * - `history()`: every message the change log holds, in seq (commit) order, pulled as an admin.
 * - `verdict()`: acknowledged writes lost, writes stored twice, lanes whose order broke.
 * - `serverView()` / `cacheView()`: what one agent may see, folded from a pull from cursor 0, and
 *   what that agent's core cache holds; `converge()` waits until their checksums are equal.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import { PullResponseSchema, type Change } from '../../../shared/contracts/sync';
import type { Traffic } from './traffic';
import { until } from './util';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';

export async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Every change `token`'s agent may see, from cursor 0, in seq order. */
export async function pullAll(url: string, token: string): Promise<Change[]> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const changes: Change[] = [];
    let cursor = 0;
    for (;;) {
      const ack = (await socket.timeout(15_000).emitWithAck(SOCKET_EVENTS.pull, { cursor, limit: 1_000 })) as { ok: boolean; data?: unknown };
      if (!ack.ok) throw new Error('pull refused');
      const page = PullResponseSchema.parse(ack.data);
      changes.push(...page.changes);
      if (!page.hasMore || page.cursor <= cursor) return changes;
      cursor = page.cursor;
    }
  } finally {
    socket.close();
  }
}

export interface StoredMessage {
  seq: number;
  id: string;
  conversationId: string;
  text: string;
}

export async function history(url: string): Promise<StoredMessage[]> {
  const changes = await pullAll(url, await login(url, 'admin@demo.switchboard'));
  return changes.flatMap((c) =>
    c.type === 'message.created' ? [{ seq: c.seq, id: c.message.id, conversationId: c.message.conversationId, text: c.message.text }] : [],
  );
}

export interface Verdict {
  writes: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  problems: string[];
}

export function verdict(t: Traffic, stored: StoredMessage[]): Verdict {
  const mine = stored.filter((m) => m.text.startsWith(`${t.tag}-`));
  const ids = new Set(mine.map((m) => m.id));
  const copies = new Map<string, number>();
  for (const m of mine) copies.set(m.text, (copies.get(m.text) ?? 0) + 1);
  const problems: string[] = [];

  const lostIngests = [...t.acked.entries()].filter(([, id]) => !ids.has(id)).map(([text]) => text);
  const lostReplies = t.typed.filter((text) => !copies.has(text));
  const duplicated = [...copies.entries()].filter(([, n]) => n > 1).map(([text, n]) => `${text}×${n}`);
  if (lostIngests.length + lostReplies.length > 0) problems.push(`lost: ${[...lostIngests, ...lostReplies].slice(0, 10).join(', ')}`);
  if (duplicated.length > 0) problems.push(`duplicated: ${duplicated.slice(0, 10).join(', ')}`);

  // Each lane (one customer, one agent per conversation) must read back in the order it was written.
  const lanes = new Map<string, number[]>();
  for (const m of mine) {
    const match = /^(.*-(?:in|out(?:-\w+)?)-\d+)-(\d+)$/.exec(m.text);
    if (!match) continue;
    lanes.set(match[1]!, [...(lanes.get(match[1]!) ?? []), Number(match[2])]);
  }
  let outOfOrder = 0;
  for (const [lane, numbers] of lanes) {
    if (numbers.some((n, k) => k > 0 && n <= numbers[k - 1]!)) {
      outOfOrder++;
      problems.push(`lane ${lane} out of order: ${numbers.join(',').slice(0, 200)}`);
    }
  }
  return {
    writes: t.acked.size + t.typed.length,
    lost: lostIngests.length + lostReplies.length,
    duplicated: duplicated.length,
    outOfOrder,
    problems,
  };
}

/**
 * What an agent's inbox and threads show: conversation state (team, assignee, status, version,
 * message count) and the ids of confirmed messages. Lines, so a mismatch can be printed.
 */
export function viewOfChanges(changes: Change[]): string[] {
  const conversations = new Map<string, string>();
  const messages = new Set<string>();
  for (const change of changes) {
    if ('conversation' in change) {
      const c = change.conversation;
      conversations.set(c.id, `c ${c.id} ${c.teamId} ${c.assigneeId ?? '-'} ${c.status} v${c.version} n${c.messageCount}`);
    } else if (change.type === 'message.created') messages.add(`m ${change.message.conversationId} ${change.message.id}`);
  }
  return [...conversations.values(), ...messages].sort();
}

export async function serverView(url: string, token: string): Promise<string[]> {
  return viewOfChanges(await pullAll(url, token));
}

/** The same lines read from a core's cache file (read-only, beside the running core). */
export function cacheView(cacheFile: string): string[] {
  const db = new Database(cacheFile, { readonly: true, fileMustExist: true });
  try {
    const conversations = db
      .prepare('select id, team_id, assignee_id, status, version, message_count from conversations')
      .all() as { id: string; team_id: string; assignee_id: string | null; status: string; version: number; message_count: number }[];
    const messages = db.prepare('select conversation_id, id from messages where pending = 0 and failed_reason is null').all() as {
      conversation_id: string;
      id: string;
    }[];
    return [
      ...conversations.map((c) => `c ${c.id} ${c.team_id} ${c.assignee_id ?? '-'} ${c.status} v${c.version} n${c.message_count}`),
      ...messages.map((m) => `m ${m.conversation_id} ${m.id}`),
    ].sort();
  } finally {
    db.close();
  }
}

export const checksum = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

export interface ClientUnderTest {
  name: string;
  /** The client's cache, as lines. */
  cache(): string[] | Promise<string[]>;
  /** The server's view for the same agent, as lines. */
  server(): Promise<string[]>;
}

/**
 * The convergence goal: 5 s from the fault clearing. SWITCHBOARD_FAULT_CONVERGENCE_MS raises it
 * on a machine too loaded to measure (the printed time is the real figure either way).
 */
export const CONVERGENCE_LIMIT_MS = Number(process.env.SWITCHBOARD_FAULT_CONVERGENCE_MS) || 5_000;

/**
 * Waits until every client's cache checksum equals the server's view for it; returns the time
 * from `since` (when the fault cleared) to the moment the last client matched. Fails after
 * `limitMs`, printing the first differing lines.
 */
export async function converge(clients: ClientUnderTest[], since: number, limitMs = CONVERGENCE_LIMIT_MS): Promise<number> {
  let last: { name: string; cache: string[]; server: string[] } | null = null;
  let latest = since;
  try {
    for (const client of clients) {
      const matchedAt = await until(
        async () => {
          const readAt = performance.now();
          const [cache, server] = [await client.cache(), await client.server()];
          last = { name: client.name, cache, server };
          return checksum(cache) === checksum(server) ? readAt : null;
        },
        (matchedAt) => matchedAt !== null,
        `${client.name}'s cache to equal the server's view`,
        Math.max(0, since + limitMs - performance.now()),
        50,
      );
      // The cache was read before the server's view: if they match, it had converged by then.
      latest = Math.max(latest, matchedAt!);
      if (latest - since > limitMs) throw new Error(`${client.name} converged only after ${(latest - since).toFixed(0)} ms (goal ${limitMs} ms)`);
    }
  } catch (error) {
    const l = last as { name: string; cache: string[]; server: string[] } | null;
    if (l) {
      const cacheOnly = l.cache.filter((x) => !l.server.includes(x)).slice(0, 5);
      const serverOnly = l.server.filter((x) => !l.cache.includes(x)).slice(0, 5);
      throw new Error(`${(error as Error).message}\n${l.name} only in cache: ${cacheOnly.join(' | ')}\nonly on the server: ${serverOnly.join(' | ')}`, { cause: error });
    }
    throw error;
  }
  return latest - since;
}
