/**
 * One server flush reaches a workstation as several pokes over the same seq range (one per
 * audience). These tests deliver them in awkward orders and cut the connection between them:
 * the cache must end where the server's seq order says, and a lost poke costs a re-pull.
 */
import { describe, expect, it } from 'vitest';
import { getConversation } from '../../../electron/core/db/queries/conversations';
import { getCursor, getPokeFloor } from '../../../electron/core/db/queries/meta';
import { applyChanges } from '../../../electron/core/sync/apply';
import { settle, startSyncClient } from './fakeSocket';
import { conversation, conversationCreated, conversationUpdated, openTestDb } from './fixtures';

const ok = (data: unknown) => ({ ok: true, data });

describe('applying the pokes of one flush out of seq order', () => {
  it('an older snapshot arriving after the one that took the conversation away does not bring it back', () => {
    const db = openTestDb();
    applyChanges(db, [conversationCreated(conversation('c1'), 10)]);
    // seq 12 transferred it to a team the viewer is not in; seq 11 (still ours) comes after it.
    applyChanges(db, [conversationUpdated(conversation('c1', { teamId: 'team-tech', version: 3 }), 12)]);
    expect(getConversation(db, 'c1')).toBeNull();
    applyChanges(db, [conversationUpdated(conversation('c1', { status: 'pending', version: 2 }), 11)]);
    expect(getConversation(db, 'c1')).toBeNull();
    // A newer snapshot that puts it back in sight does.
    applyChanges(db, [conversationUpdated(conversation('c1', { version: 4 }), 13)]);
    expect(getConversation(db, 'c1')).toMatchObject({ teamId: 'team-sales' });
  });

  it('an older out-of-sight snapshot arriving after a newer visible one does not drop it', () => {
    const db = openTestDb();
    applyChanges(db, [conversationUpdated(conversation('c1', { version: 3 }), 20)]);
    applyChanges(db, [conversationUpdated(conversation('c1', { teamId: 'team-tech', version: 2 }), 19)]);
    expect(getConversation(db, 'c1')).toMatchObject({ version: 3, teamId: 'team-sales' });
  });
});

describe('a connection cut between two pokes of one flush', () => {
  function setup(db = openTestDb()) {
    return { db, ...startSyncClient(db) };
  }

  it('re-pulls the flush range after reconnecting, so the missing poke is not lost', async () => {
    const { db, socket, client } = setup();
    socket.serverConnect();
    (await socket.next('sync.pull')).reply(ok({ changes: [], cursor: 5, hasMore: false }));
    await settle();
    // The flush covers 6..8: the team poke (6, 8) arrives, the poke for the viewer's own room (7)
    // was still on the way when the connection dropped.
    socket.fire('sync.poke', {
      from: 6,
      to: 8,
      changes: [conversationCreated(conversation('c1'), 6), conversationCreated(conversation('c3'), 8)],
    });
    expect(getCursor(db)).toBe(8);
    expect(getPokeFloor(db)).toBe(5);
    socket.disconnect();

    socket.serverConnect();
    const pull = await socket.next('sync.pull');
    expect(pull.payload).toMatchObject({ cursor: 5 }); // from the floor, not the cursor
    pull.reply(
      ok({
        changes: [
          conversationCreated(conversation('c1'), 6),
          conversationCreated(conversation('c2', { assigneeId: 'agent-me', teamId: 'team-tech' }), 7),
          conversationCreated(conversation('c3'), 8),
        ],
        cursor: 8,
        hasMore: false,
      }),
    );
    await settle();
    expect(getConversation(db, 'c2')).not.toBeNull();
    expect(getCursor(db)).toBe(8);
    expect(getPokeFloor(db)).toBeNull(); // a full pull clears it
    client.stop();
  });

  it('survives a restart of the workstation core between the two pokes', async () => {
    const first = setup();
    first.socket.serverConnect();
    (await first.socket.next('sync.pull')).reply(ok({ changes: [], cursor: 5, hasMore: false }));
    await settle();
    first.socket.fire('sync.poke', { from: 6, to: 7, changes: [conversationCreated(conversation('c1'), 6)] });
    first.client.stop(); // the process dies; the cache file stays

    const second = setup(first.db);
    second.socket.serverConnect();
    const pull = await second.socket.next('sync.pull');
    expect(pull.payload).toMatchObject({ cursor: 5 });
    pull.reply(ok({ changes: [], cursor: 7, hasMore: false }));
    await settle();
    second.client.stop();
  });

  it('a gap pull while connected still starts at the cursor', async () => {
    const { socket, client } = setup();
    socket.serverConnect();
    (await socket.next('sync.pull')).reply(ok({ changes: [], cursor: 5, hasMore: false }));
    await settle();
    socket.fire('sync.poke', { from: 6, to: 7, changes: [] });
    socket.fire('sync.poke', { from: 9, to: 9, changes: [] });
    await settle();
    expect((await socket.next('sync.pull')).payload).toMatchObject({ cursor: 7 });
    client.stop();
  });
});
