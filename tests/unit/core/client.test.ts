import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contracts/rpc';
import { getConversation } from '../../../electron/core/db/queries/conversations';
import { getCursor } from '../../../electron/core/db/queries/meta';
import { outboxCount } from '../../../electron/core/db/queries/outbox';
import type { Rejection } from '../../../electron/core/sync/outbox';
import { queueConversationMutation } from '../../../electron/core/sync/outbox';
import { applyChanges } from '../../../electron/core/sync/apply';
import { settle, startSyncClient } from './fakeSocket';
import { conversation, conversationCreated, conversationUpdated, openTestDb } from './fixtures';

function setup() {
  const db = openTestDb();
  const statuses: SyncStatus[] = [];
  const rejected: Rejection[] = [];
  const ended: string[] = [];
  const { socket, client } = startSyncClient(db, {
    onRejected: (r) => rejected.push(r),
    onStatus: (s) => statuses.push(s),
    onSessionEnded: (reason) => ended.push(reason),
  });
  return { db, socket, client, statuses, rejected, ended };
}

const ok = (data: unknown) => ({ ok: true, data });

describe('SyncClient', () => {
  it('on connect pulls every page, then drains the outbox, then is online', async () => {
    const { db, socket, client } = setup();
    applyChanges(db, [conversationCreated(conversation('c0'), 1)]);
    queueConversationMutation(db, 'conversation.setStatus', { conversationId: 'c0', status: 'resolved' });
    expect(client.status().state).toBe('offline');
    socket.serverConnect();
    expect(client.status().state).toBe('syncing');

    const first = await socket.next('sync.pull');
    expect(first.payload).toMatchObject({ cursor: 0 });
    first.reply(ok({ changes: [conversationCreated(conversation('c1'), 3)], cursor: 3, hasMore: true }));
    const second = await socket.next('sync.pull');
    expect(second.payload).toMatchObject({ cursor: 3 });
    second.reply(ok({ changes: [], cursor: 9, hasMore: false }));

    const push = await socket.next('sync.push');
    expect(push.payload).toMatchObject({ mutations: [{ mutationId: 1, name: 'conversation.setStatus' }] });
    push.reply(ok({ results: [{ mutationId: 1, ok: true, seq: 10 }] }));
    await settle();
    expect(getCursor(db)).toBe(9);
    expect(getConversation(db, 'c1')).not.toBeNull();
    expect(client.status()).toMatchObject({ state: 'online', pending: 0, cursor: 9 });
  });

  it('moves the cursor only with a contiguous poke; a gap applies data at once and pulls once', async () => {
    const { db, socket } = setup();
    socket.serverConnect();
    (await socket.next('sync.pull')).reply(ok({ changes: [], cursor: 5, hasMore: false }));
    await settle();

    socket.fire('sync.poke', { from: 6, to: 7, changes: [conversationCreated(conversation('c1'), 6)] });
    expect(getCursor(db)).toBe(7);

    socket.fire('sync.poke', {
      from: 10,
      to: 10,
      changes: [conversationUpdated(conversation('c1', { status: 'pending', version: 2 }), 10)],
    });
    socket.fire('sync.poke', { from: 11, to: 12, changes: [] });
    expect(getConversation(db, 'c1')?.status).toBe('pending'); // applied at once
    expect(getCursor(db)).toBe(7); // but the gap 8..9 is not covered
    await settle();
    const pull = await socket.next('sync.pull');
    expect(pull.payload).toMatchObject({ cursor: 7 });
    expect(socket.pendingCount('sync.pull')).toBe(0); // coalesced into one pull
    pull.reply(ok({ changes: [], cursor: 12, hasMore: false }));
    await settle();
    expect(getCursor(db)).toBe(12);

    socket.fire('sync.poke', { from: 11, to: 12, changes: [] }); // an already covered range
    await settle();
    expect(socket.pendingCount('sync.pull')).toBe(0);
    socket.fire('sync.poke', { nonsense: true }); // malformed: ignored
    expect(getCursor(db)).toBe(12);
  });

  it('keeps unacknowledged mutations across a disconnect and resends them in order', async () => {
    const { db, socket } = setup();
    applyChanges(db, [conversationCreated(conversation('c1'), 1)]);
    queueConversationMutation(db, 'conversation.setStatus', { conversationId: 'c1', status: 'pending' });
    queueConversationMutation(db, 'conversation.setPriority', { conversationId: 'c1', priority: 'high' });
    socket.serverConnect();
    (await socket.next('sync.pull')).reply(ok({ changes: [], cursor: 1, hasMore: false }));
    const push = await socket.next('sync.push');
    socket.disconnect();
    push.fail(new Error('socket has been disconnected'));
    await settle();
    expect(outboxCount(db)).toBe(2);

    socket.serverConnect();
    (await socket.next('sync.pull')).reply(ok({ changes: [], cursor: 1, hasMore: false }));
    const again = await socket.next('sync.push');
    expect(
      (again.payload as { mutations: { mutationId: number }[] }).mutations.map((m) => m.mutationId),
    ).toEqual([1, 2]);
    again.reply(
      ok({
        results: [
          { mutationId: 1, ok: true, seq: 2 },
          { mutationId: 2, ok: true, seq: 3 },
        ],
      }),
    );
    await settle();
    expect(outboxCount(db)).toBe(0);
  });

  it('reports a rejected mutation and rolls it back', async () => {
    const { db, socket, rejected } = setup();
    applyChanges(db, [conversationCreated(conversation('c1', { version: 2 }), 1)]);
    queueConversationMutation(db, 'conversation.assign', { conversationId: 'c1', assigneeId: 'agent-me' });
    socket.serverConnect();
    (await socket.next('sync.pull')).reply(ok({ changes: [], cursor: 1, hasMore: false }));
    (await socket.next('sync.push')).reply(
      ok({
        results: [
          {
            mutationId: 1,
            ok: false,
            error: { code: 'stale', message: 'Changed meanwhile.' },
            conversation: conversation('c1', { version: 3, assigneeId: 'agent-other' }),
          },
        ],
      }),
    );
    await settle();
    expect(rejected).toEqual([
      { name: 'conversation.assign', conversationId: 'c1', code: 'stale', message: 'Changed meanwhile.' },
    ]);
    expect(getConversation(db, 'c1')?.assigneeId).toBe('agent-other');
  });

  it('ends the session when the server refuses the token', () => {
    const { socket, client, ended, statuses } = setup();
    socket.fire('connect_error', new Error('unauthorized'));
    expect(ended).toHaveLength(1);
    expect(client.status().state).toBe('signedOut');
    expect(statuses.at(-1)?.state).toBe('signedOut');
  });

  it('stays signed in on other connection errors and reports them', () => {
    const { socket, client, ended } = setup();
    socket.fire('connect_error', new Error('xhr poll error'));
    expect(ended).toEqual([]);
    expect(client.status()).toMatchObject({ state: 'offline', lastError: 'xhr poll error' });
  });
});
