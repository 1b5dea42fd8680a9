import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { FakeSocket } from './fakeSocket';
import { ME, OTHER } from './fixtures';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function makeCore(fetchImpl: typeof fetch, dataDir?: string) {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'sb-core-svc-'));
  if (!dataDir) dirs.push(dir);
  const sockets: FakeSocket[] = [];
  const core = createCore({
    dataDir: dir,
    serverUrl: 'http://127.0.0.1:9',
    fetch: fetchImpl,
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
  });
  cores.push(core);
  return { core, dir, sockets };
}

const loginAs = (agent: typeof ME, token = 'secret-token-123') =>
  (async () =>
    new Response(JSON.stringify({ token, agent }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })) as unknown as typeof fetch;

describe('RPC service', () => {
  it('rejects unknown methods and invalid params with typed errors', async () => {
    const { core } = makeCore(loginAs(ME));
    expect(await core.rpc.handle('nope.method', {})).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Unknown method: nope.method' },
    });
    expect(await core.rpc.handle('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await core.rpc.handle('inbox.list', { scope: 'everything' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(
      await core.rpc.handle('conversation.reply', {
        conversationId: 'c',
        kind: 'text',
        text: 'x'.repeat(30_000),
      }),
    ).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(
      await core.rpc.handle('inbox.list', { scope: 'all', sort: 'newest', offset: 0, limit: 10 }),
    ).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('signs in over HTTP, keeps the token in memory only and reports it to the shell', async () => {
    const { core, dir, sockets } = makeCore(loginAs(ME));
    const tokens: (string | null)[] = [];
    core.onTokenChanged((token) => tokens.push(token));
    const result = await core.rpc.handle('session.login', { email: ME.email, password: 'pw' });
    expect(result).toEqual({ ok: true, result: { agent: ME, serverUrl: 'http://127.0.0.1:9' } });
    expect(tokens).toEqual(['secret-token-123']);
    expect(sockets).toHaveLength(1); // sync started
    expect(await core.rpc.handle('session.get', {})).toMatchObject({
      ok: true,
      result: { agent: { id: ME.id } },
    });
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file)).includes('secret-token-123')).toBe(false);

    expect(await core.rpc.handle('session.logout', {})).toEqual({ ok: true, result: { ok: true } });
    expect(tokens).toEqual(['secret-token-123', null]);
    expect(await core.rpc.handle('session.get', {})).toEqual({ ok: true, result: null });
  });

  it('a wrong password is unauthorized with a clear message; an unreachable server is offline', async () => {
    const wrong = makeCore(
      (async () =>
        new Response(JSON.stringify({ code: 'unauthorized', message: 'x' }), {
          status: 401,
        })) as unknown as typeof fetch,
    );
    expect(await wrong.core.rpc.handle('session.login', { email: ME.email, password: 'bad' })).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Wrong email or password.' },
    });
    const down = makeCore((async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch);
    expect(
      await down.core.rpc.handle('session.login', {
        email: ME.email,
        password: 'pw',
        serverUrl: 'http://127.0.0.1:1',
      }),
    ).toEqual({
      ok: false,
      error: { code: 'offline', message: 'Cannot reach the server at http://127.0.0.1:1.' },
    });
  });

  it('a restored token resumes the session; another agent signing in clears the cache first', async () => {
    const first = makeCore(loginAs(ME));
    await first.core.rpc.handle('session.login', { email: ME.email, password: 'pw' });
    await first.core.close();
    cores.splice(cores.indexOf(first.core), 1);

    const again = makeCore(loginAs(OTHER, 'other-token'), first.dir);
    expect(await again.core.rpc.handle('session.get', {})).toEqual({ ok: true, result: null });
    again.core.setToken('secret-token-123');
    expect(again.sockets).toHaveLength(1);
    expect(await again.core.rpc.handle('session.get', {})).toMatchObject({
      ok: true,
      result: { agent: { id: ME.id } },
    });

    const events: string[] = [];
    again.core.rpc.on((name) => events.push(name));
    await again.core.rpc.handle('session.login', { email: OTHER.email, password: 'pw' });
    expect(events).toContain('data.changed');
    expect(await again.core.rpc.handle('session.get', {})).toMatchObject({
      ok: true,
      result: { agent: { id: OTHER.id } },
    });
  });

  it('announces session.ended and clears the token when the server refuses it', async () => {
    const { core, sockets } = makeCore(loginAs(ME));
    const tokens: (string | null)[] = [];
    const ended: unknown[] = [];
    core.onTokenChanged((token) => tokens.push(token));
    core.rpc.on((name, payload) => {
      if (name === 'session.ended') ended.push(payload);
    });
    await core.rpc.handle('session.login', { email: ME.email, password: 'pw' });
    sockets[0]!.fire('connect_error', new Error('unauthorized'));
    expect(ended).toHaveLength(1);
    expect(tokens.at(-1)).toBeNull();
    expect(await core.rpc.handle('sync.status', {})).toMatchObject({
      ok: true,
      result: { state: 'signedOut' },
    });
  });
});
