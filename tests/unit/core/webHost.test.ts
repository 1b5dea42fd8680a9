import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, CONTENT_SECURITY_POLICY, type WebHost } from '../../../electron/core/host/webHost';
import type { RpcService } from '../../../electron/core/service';

const service: RpcService = {
  handle: async (method) => ({ ok: true, result: { method } }),
  on: () => () => {},
};

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-webhost-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  host = await startWebHost({ core: { rpc: service }, staticDir: dir, port: 0 });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Open a socket and report how it ended: 'open' or the HTTP status of the refusal. */
function tryConnect(path: string, headers: Record<string, string>): Promise<string | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve('error'));
  });
}

describe('web host', () => {
  const origin = () => `http://127.0.0.1:${host.port}`;

  it('prints a loopback URL with a 32-byte hex secret', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?secret=${host.secret}`);
    expect(host.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the renderer with strict security headers', async () => {
    const res = await fetch(`${origin()}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Switchboard');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('accepts the RPC socket with the secret and its own origin, and answers requests', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?secret=${host.secret}`, {
      headers: { Origin: origin() },
    });
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    const reply = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    ws.send(JSON.stringify({ type: 'request', id: 1, method: 'sync.status', params: {} }));
    expect(await reply).toEqual({ type: 'response', id: 1, ok: true, result: { method: 'sync.status' } });
    const bad = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'request', id: 2, method: 5 }));
    expect(await bad).toMatchObject({ type: 'response', id: 2, ok: false, error: { code: 'invalid' } });
    ws.close();
  });

  it('refuses a missing or wrong secret', async () => {
    expect(await tryConnect('/rpc', { Origin: origin() })).toBe(401);
    expect(await tryConnect(`/rpc?secret=${'0'.repeat(64)}`, { Origin: origin() })).toBe(401);
    expect(await tryConnect(`/rpc?secret=${host.secret.slice(1)}`, { Origin: origin() })).toBe(401);
  });

  it('refuses a foreign or missing Origin even with the right secret', async () => {
    expect(await tryConnect(`/rpc?secret=${host.secret}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await tryConnect(`/rpc?secret=${host.secret}`, { Origin: `http://localhost:${host.port}` })).toBe(
      403,
    );
    expect(await tryConnect(`/rpc?secret=${host.secret}`, {})).toBe(403);
  });

  it('refuses sockets on other paths', async () => {
    expect(await tryConnect(`/other?secret=${host.secret}`, { Origin: origin() })).toBe(404);
  });
});
