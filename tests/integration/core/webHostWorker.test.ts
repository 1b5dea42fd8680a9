/**
 * Web mode as `npm run web` ships it: the web host runs the core in a worker thread and forwards
 * the browser's RPC frames to it. Against a real server: a browser-like WebSocket signs in, lists
 * the inbox, receives the change event when a customer writes, and closing the host ends the thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import type { InboxPage, RpcOutput, SyncStatus } from '../../../shared/contracts/rpc';
import { startWebHost, type WebHost } from '../../../electron/core/host/webHost';
import { attachCoreThread } from '../../../electron/core/host/workerCore';
import { startTestServer, type TestServer } from '../server/harness';
import { AGENT_A, eventually } from './stack';

interface Frame {
  type: 'response' | 'event';
  id?: number;
  ok?: boolean;
  result?: unknown;
  error?: { code: string };
  name?: string;
  payload?: unknown;
}

/** A browser tab's RPC client: the page's own Origin and the launch secret, JSON frames. */
async function connect(host: WebHost) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?secret=${host.secret}`, {
    headers: { Origin: `http://127.0.0.1:${host.port}` },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const events: Frame[] = [];
  const waiting = new Map<number, (frame: Frame) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    if (frame.type === 'event') events.push(frame);
    else if (frame.id !== undefined) waiting.get(frame.id)?.(frame);
  });
  let nextId = 1;
  const call = <T>(method: string, params: unknown): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, (frame) => {
        waiting.delete(id);
        if (frame.ok) resolve(frame.result as T);
        else reject(new Error(`${method}: ${frame.error?.code}`));
      });
      ws.send(JSON.stringify({ type: 'request', id, method, params }));
    });
  };
  return { ws, events, call };
}

let server: TestServer | null = null;
let host: WebHost | null = null;
let dir: string | null = null;
afterEach(async () => {
  await host?.close();
  await server?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
  host = server = dir = null;
});

describe('web host with the core in a worker thread', () => {
  it('serves sign-in, the inbox and live events to the browser, and ends the thread on close', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-web-worker-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    server = await startTestServer({ backend: 'sqlite' });
    host = await startWebHost({
      coreWorker: { dataDir: join(dir, 'core'), serverUrl: server.url },
      staticDir: dir,
      port: 0,
    });
    const thread = host.coreThread;
    expect(thread?.running()).toBe(true);

    const tab = await connect(host);
    const session = await tab.call<RpcOutput<'session.login'>>('session.login', {
      email: AGENT_A,
      password: DEMO_PASSWORD,
    });
    expect(session).toMatchObject({ agent: { email: AGENT_A } });
    await eventually(
      () => tab.call<SyncStatus>('sync.status', {}),
      (status) => status.state === 'online',
      'the worker core online',
    );

    const ingest = await server.ingest({
      channel: 'email',
      externalId: `web-worker-${Date.now()}`,
      contact: { externalId: 'web-worker-customer', name: '周女士', email: 'zhou@example.test' },
      text: '我的快递三天没有更新了',
      subject: 'Parcel',
    });
    expect(ingest.status).toBe(202);
    const { conversationId } = (await ingest.json()) as { conversationId: string };

    await eventually(
      () => tab.events.filter((e) => e.name === 'data.changed'),
      (changes) =>
        changes.some((e) => (e.payload as { conversationIds: string[] }).conversationIds.includes(conversationId)),
      'the change event over the browser socket',
    );
    const inbox = await tab.call<InboxPage>('inbox.list', { scope: 'myTeams', sort: 'newest', offset: 0, limit: 50 });
    expect(inbox.rows.map((row) => row.id)).toContain(conversationId);

    const closed = new Promise<void>((resolve) => tab.ws.once('close', () => resolve()));
    await host.close();
    host = null;
    await closed;
    expect(thread?.running()).toBe(false);
  });

  it('answers a malformed frame with an error and keeps serving, as in-process', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-web-worker-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    host = await startWebHost({
      coreWorker: { dataDir: join(dir, 'core'), serverUrl: 'http://127.0.0.1:9' },
      staticDir: dir,
      port: 0,
    });
    const tab = await connect(host);
    const reply = new Promise<Frame>((resolve) =>
      tab.ws.once('message', (data) => resolve(JSON.parse(data.toString()) as Frame)),
    );
    tab.ws.send(JSON.stringify({ type: 'request', id: 41, method: 42 }));
    expect(await reply).toMatchObject({ type: 'response', id: 41, ok: false, error: { code: 'invalid' } });
    expect(await tab.call('session.get', {})).toBeNull();
  });

  it('refuses to start when the core cannot open its cache', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-web-worker-'));
    writeFileSync(join(dir, 'not-a-dir'), '');
    await expect(
      startWebHost({
        coreWorker: { dataDir: join(dir, 'not-a-dir', 'core'), serverUrl: 'http://127.0.0.1:9' },
        staticDir: dir,
      }),
    ).rejects.toThrow(/core thread/);
  });

  it('drops the browser sockets and refuses new ones when the core thread dies', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-web-worker-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    // A core thread that fails on its first connection, as an uncaught error in the core would.
    const failing = new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => { if (m.type === 'port') throw new Error('core failure'); });
       parentPort.postMessage({ type: 'ready' });`,
      { eval: true },
    );
    host = await startWebHost({ coreThread: await attachCoreThread(failing), staticDir: dir });
    const crashed = new Promise<void>((resolve) => host!.coreThread!.onCrash(resolve));
    const tab = await connect(host);
    const dropped = new Promise<void>((resolve) => tab.ws.once('close', () => resolve()));
    await crashed;
    await dropped;
    expect(host.coreThread?.running()).toBe(false);
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host!.port}/rpc?secret=${host!.secret}`, {
        headers: { Origin: `http://127.0.0.1:${host!.port}` },
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
    });
    expect(refused).toBe(503);
  });
});
