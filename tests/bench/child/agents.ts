/**
 * Child process: the client side of the ingest figure, so client sockets do not share the server's
 * event loop. The figure runs two: one holding only the measured client (so its latency is not
 * queued behind a thousand other sockets' decoding) and one holding the light sockets. Messages (IPC):
 *   { type: 'connect', url, tokens, count, mode: 'switchboard' | 'bare', measured?: { email, password },
 *     measure?: boolean }
 *     → { type: 'connected', connected, failed }
 *   arrivals are streamed as { type: 'arrivals', items: [marker, epochMs][] }
 *   { type: 'stats' } → { type: 'stats', deliveries, at } (messages received so far, see connectOne;
 *     `at` is when the child answered: a child busy decoding answers late, and the rate uses `at`)
 *   { type: 'close' } → closes every socket and the core, then exits.
 * In 'switchboard' mode the measured agent is a real core signed in to the real server; an arrival
 * is the moment a `bench#<n>` message is committed to its cache (read back through a second,
 * read-only connection right after the core announces the change).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { CACHE_FILE, createCore, type Core } from '../../../electron/core/core';
import { rpcCaller } from '../lib/core';
import { epochMs } from '../lib/child';

interface ConnectMessage {
  type: 'connect';
  url: string;
  tokens: string[];
  count: number;
  mode: 'switchboard' | 'bare';
  measured?: { email: string; password: string };
  /** bare mode: the first socket records arrivals. */
  measure?: boolean;
}

const sockets: Socket[] = [];
let deliveries = 0;
let core: Core | null = null;
let reader: Database.Database | null = null;
let dir: string | null = null;
let pending: [number, number][] = [];
const send = (message: object) => process.send?.(message);

setInterval(() => {
  if (pending.length === 0) return;
  send({ type: 'arrivals', items: pending });
  pending = [];
}, 50);

function connectOne(url: string, token: string, event: string): Promise<boolean> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  // A delivery is one customer message reaching one socket: a bare broadcast carries one, a
  // Switchboard poke as many `message.created` as the commits it covers (pokes are coalesced).
  socket.on(event, (payload: { changes?: { type?: string }[] } | undefined) => {
    deliveries += payload?.changes
      ? payload.changes.filter((change) => change.type === 'message.created').length
      : 1;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 20_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.once('connect_error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

async function startMeasuredCore(url: string, measured: { email: string; password: string }): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'sb-bench-agent-'));
  core = createCore({ dataDir: dir, serverUrl: url });
  const call = rpcCaller(core);
  await call('session.login', { email: measured.email, password: measured.password, serverUrl: url });
  const deadline = Date.now() + 30_000;
  while ((await call('sync.status', {})).state !== 'online') {
    if (Date.now() > deadline) throw new Error('measured core did not come online');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  reader = new Database(join(dir, CACHE_FILE), { readonly: true });
  const newer = reader.prepare(
    `SELECT rid, text FROM messages WHERE rid > ? AND text LIKE 'bench#%' ORDER BY rid`,
  );
  let lastRid = (reader.prepare('SELECT coalesce(max(rid), 0) AS rid FROM messages').get() as { rid: number })
    .rid;
  core.rpc.on((name) => {
    if (name !== 'data.changed' || !reader) return;
    const at = epochMs();
    for (const row of newer.all(lastRid) as { rid: number; text: string }[]) {
      lastRid = Math.max(lastRid, row.rid);
      const marker = Number(/^bench#(\d+)/.exec(row.text)?.[1]);
      if (Number.isFinite(marker)) pending.push([marker, at]);
    }
  });
}

async function connect(message: ConnectMessage): Promise<void> {
  if (message.mode === 'switchboard' && message.measured)
    await startMeasuredCore(message.url, message.measured);
  const event = message.mode === 'bare' ? 'bench' : 'sync.poke';
  let connected = 0;
  let failed = 0;
  const batch = 50;
  for (let i = 0; i < message.count; i += batch) {
    const results = await Promise.all(
      Array.from({ length: Math.min(batch, message.count - i) }, (_, j) =>
        connectOne(message.url, message.tokens[(i + j) % message.tokens.length]!, event),
      ),
    );
    for (const ok of results) {
      if (ok) connected++;
      else failed++;
    }
  }
  if (message.mode === 'bare' && message.measure) {
    // The first socket measures: every broadcast carries its send time and marker.
    sockets[0]?.on('bench', (payload: { marker: number }) => pending.push([payload.marker, epochMs()]));
  }
  send({ type: 'connected', connected, failed });
}

process.on('message', (raw) => {
  const message = raw as { type: string };
  if (message.type === 'connect')
    connect(message as ConnectMessage).catch((error: unknown) =>
      send({ type: 'connected', connected: 0, failed: -1, error: String(error) }),
    );
  else if (message.type === 'stats') send({ type: 'stats', deliveries, at: epochMs() });
  else if (message.type === 'close') {
    for (const socket of sockets) socket.close();
    reader?.close();
    void (core?.close() ?? Promise.resolve()).finally(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
