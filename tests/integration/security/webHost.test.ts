/**
 * The web-mode host's gate on the RPC socket: only a page it served itself (its own Origin), on
 * this machine's 127.0.0.1, holding this start's launch secret, may drive the core. Each refusal
 * is checked on its own with the other two conditions met, so a test cannot pass because a
 * different check happened to refuse.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { secretMatches, startWebHost, type WebHost } from '../../../electron/core/host/webHost';
import type { RpcService } from '../../../electron/core/service';

const calls: string[] = [];
const service: RpcService = {
  handle: async (method) => {
    calls.push(method);
    return { ok: true, result: null };
  },
  on: () => () => {},
};

let dir: string;
let host: WebHost;
const origin = () => `http://127.0.0.1:${host.port}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-webhost-sec-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  host = await startWebHost({ core: { rpc: service }, staticDir: dir, port: 0 });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Attempt {
  secret?: string | null;
  origin?: string | null;
  /** Local address the client connects from (any 127.0.0.0/8 address is loopback on Linux). */
  from?: string;
  /** Address to connect to; default 127.0.0.1. */
  to?: string;
}

/** 'open', the HTTP status of the refusal, or the socket error code. */
function attempt(a: Attempt): Promise<string | number> {
  const secret = a.secret === undefined ? host.secret : a.secret;
  const query = secret === null ? '' : `?secret=${encodeURIComponent(secret)}`;
  const headers: Record<string, string> = {};
  const o = a.origin === undefined ? origin() : a.origin;
  if (o !== null) headers.Origin = o;
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${a.to ?? '127.0.0.1'}:${host.port}/rpc${query}`, {
      headers,
      localAddress: a.from,
    });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('web host gate', () => {
  it('accepts its own page: secret, own Origin, from 127.0.0.1', async () => {
    expect(await attempt({})).toBe('open');
  });

  it('refuses a missing, wrong, truncated, padded or re-cased secret', async () => {
    const wrong = [
      null,
      '',
      'undefined',
      host.secret.slice(0, -1),
      `${host.secret}0`,
      host.secret.toUpperCase(),
      `${host.secret.slice(0, -1)}${host.secret.endsWith('0') ? '1' : '0'}`,
      ' '.repeat(64),
    ];
    for (const secret of wrong) expect(await attempt({ secret }), String(secret)).toBe(401);
  });

  it('refuses a foreign, missing or look-alike Origin even with the secret', async () => {
    const port = host.port;
    const origins = [
      null,
      'null', // file:// pages and sandboxed iframes
      'http://evil.example',
      `http://localhost:${port}`,
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
      `http://127.0.0.1:${port}/`,
      `http://[::1]:${port}`,
      'chrome-extension://abcdefghijklmnop',
    ];
    for (const o of origins) expect(await attempt({ origin: o }), String(o)).toBe(403);
  });

  it('refuses a client on another address than 127.0.0.1, even with the secret and Origin', async () => {
    // Linux routes all of 127.0.0.0/8 to loopback, so 127.0.0.2 is a different peer address.
    expect(await attempt({ from: '127.0.0.2' })).toBe(403);
    expect(await attempt({ from: '127.0.0.1' })).toBe('open');
  });

  it('does not listen on any other interface', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of ['::1', ...others]) {
      const to = address.includes(':') ? `[${address}]` : address;
      const result = await attempt({ to, origin: `http://${to}:${host.port}` });
      expect(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH', 'EINVAL'], address).toContain(result);
    }
  });

  it('runs no RPC for a refused connection', async () => {
    calls.length = 0;
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?secret=wrong`, { headers: { Origin: origin() } });
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('compares secrets in full', () => {
    expect(secretMatches('abc', 'abc')).toBe(true);
    expect(secretMatches('abc', null)).toBe(false);
    expect(secretMatches('abc', 'ab')).toBe(false);
    expect(secretMatches('abc', 'abcd')).toBe(false);
    expect(secretMatches('abc', 'abd')).toBe(false);
    expect(secretMatches('ü', 'u\u0308')).toBe(false);
  });

  it('never echoes the secret in the served page', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain(host.secret);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
