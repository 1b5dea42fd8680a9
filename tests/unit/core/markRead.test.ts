/**
 * conversation.markRead runs on every open. It tells the windows about it only when the inbox
 * row's unread dot goes out; re-opening a read conversation must not make every window reload its
 * inbox page and the open conversation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CACHE_FILE, createCore, type Core } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/db/database';
import { applyChanges } from '../../../electron/core/sync/apply';
import { FakeSocket } from './fakeSocket';
import { conversation, conversationCreated, ME, message, messageCreated, nextSeq } from './fixtures';

let core: Core | null = null;
let dir: string | null = null;
afterEach(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  core = dir = null;
});

it('announces a conversation read once, when its unread dot goes out', async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-core-read-'));
  const login = (async () =>
    new Response(JSON.stringify({ token: 'secret-token-123', agent: ME }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })) as unknown as typeof fetch;
  core = createCore({ dataDir: dir, serverUrl: 'http://127.0.0.1:9', fetch: login, createSocket: () => new FakeSocket() });
  expect(await core.rpc.handle('session.login', { email: ME.email, password: 'pw' })).toMatchObject({ ok: true });

  const cache = openDatabase(join(dir, CACHE_FILE));
  const seq = nextSeq();
  applyChanges(
    cache,
    [
      conversationCreated(conversation('c-read', { assigneeId: ME.id }), seq),
      messageCreated(message('m-read', 'c-read', '在吗？'), seq + 1),
    ],
    {},
  );
  cache.close();

  const changed: unknown[] = [];
  core.rpc.on((name, payload) => {
    if (name === 'data.changed') changed.push(payload);
  });
  const unread = async () => {
    const page = await core!.rpc.handle('inbox.list', { scope: 'mine', sort: 'newest', offset: 0, limit: 10 });
    if (!page.ok) throw new Error(page.error.message);
    return (page.result as { rows: { id: string; unread: boolean }[] }).rows.find((row) => row.id === 'c-read')?.unread;
  };

  expect(await unread()).toBe(true);
  expect(await core.rpc.handle('conversation.markRead', { conversationId: 'c-read' })).toEqual({ ok: true, result: { ok: true } });
  expect(await unread()).toBe(false);
  expect(changed).toEqual([{ conversationIds: ['c-read'], inbox: true, directory: false, onlyListed: true }]);

  expect(await core.rpc.handle('conversation.markRead', { conversationId: 'c-read' })).toEqual({ ok: true, result: { ok: true } });
  expect(changed).toHaveLength(1);

  expect(await core.rpc.handle('conversation.markRead', { conversationId: 'nope' })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });
});
