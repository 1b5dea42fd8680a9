/**
 * `sync.head`: after a Redis outage the server tells its sockets the change log's head, because
 * pokes published meanwhile reached no other node. A client behind it pulls; one that is not
 * stays quiet; a malformed nudge is ignored.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCursor } from '../../../electron/core/db/queries/meta';
import { HEAD_PULL_JITTER_MS } from '../../../electron/core/sync/client';
import { settle, startSyncClient } from './fakeSocket';
import { conversation, conversationCreated, openTestDb } from './fixtures';

const ok = (data: unknown) => ({ ok: true, data });

async function connectedAt(cursor: number) {
  const db = openTestDb();
  const { socket } = startSyncClient(db);
  socket.serverConnect();
  (await socket.next('sync.pull')).reply(ok({ changes: [], cursor, hasMore: false }));
  await settle();
  return { db, socket };
}

describe('a head nudge after pokes may have been lost', () => {
  afterEach(() => vi.useRealTimers());

  it('pulls when the head is past the cursor, and applies what it missed', async () => {
    const { db, socket } = await connectedAt(5);
    vi.useFakeTimers();
    socket.fire('sync.head', { seq: 9 });
    vi.advanceTimersByTime(HEAD_PULL_JITTER_MS + 1);
    vi.useRealTimers();
    const pull = await socket.next('sync.pull');
    expect(pull.payload).toMatchObject({ cursor: 5 });
    pull.reply(ok({ changes: [conversationCreated(conversation('c9'), 9)], cursor: 9, hasMore: false }));
    await settle();
    expect(getCursor(db)).toBe(9);
  });

  it('does nothing when the cursor is already at the head, or the nudge is malformed', async () => {
    const { socket } = await connectedAt(9);
    vi.useFakeTimers();
    socket.fire('sync.head', { seq: 9 });
    socket.fire('sync.head', { seq: -1 });
    socket.fire('sync.head', 'not a head');
    vi.advanceTimersByTime(HEAD_PULL_JITTER_MS + 1);
    vi.useRealTimers();
    await settle();
    expect(socket.requests.filter((r) => r.event === 'sync.pull')).toHaveLength(1);
  });
});
