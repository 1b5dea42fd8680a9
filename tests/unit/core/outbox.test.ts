import { describe, expect, it } from 'vitest';
import { getConversation, getServerSnapshot } from '../../../electron/core/db/queries/conversations';
import { getMessage } from '../../../electron/core/db/queries/messages';
import { nextOutboxBatch, outboxCount } from '../../../electron/core/db/queries/outbox';
import { applyChanges } from '../../../electron/core/sync/apply';
import {
  acknowledge,
  discardMessage,
  queueConversationMutation,
  queueMessageSend,
  retryMessage,
} from '../../../electron/core/sync/outbox';
import { ME, OTHER, conversation, conversationCreated, openTestDb } from './fixtures';

const MESSAGE_ID = '6f1c1f5e-2a4b-4c9a-9a57-0d7c9b2d2f11';

function seeded() {
  const db = openTestDb();
  applyChanges(db, [
    conversationCreated(conversation('c1', { version: 4, waitingSince: '2026-01-01T00:00:00.000Z' }), 1),
  ]);
  return db;
}

describe('outbox writes', () => {
  it('queue and apply optimistically in one step, without bumping the version', () => {
    const db = seeded();
    queueConversationMutation(db, 'conversation.assign', { conversationId: 'c1', assigneeId: ME.id });
    expect(getConversation(db, 'c1')).toMatchObject({ assigneeId: ME.id, version: 4 });
    expect(getServerSnapshot(db, 'c1')?.assigneeId).toBeNull();
    const [entry] = nextOutboxBatch(db, 10);
    expect(entry).toMatchObject({
      name: 'conversation.assign',
      args: { conversationId: 'c1', assigneeId: ME.id, baseVersion: 4 },
    });
  });

  it('bases every queued versioned write on the server version this client saw', () => {
    const db = seeded();
    queueConversationMutation(db, 'conversation.assign', { conversationId: 'c1', assigneeId: ME.id });
    queueConversationMutation(db, 'conversation.setPriority', { conversationId: 'c1', priority: 'urgent' });
    expect(nextOutboxBatch(db, 10).map((e) => [e.mutationId, e.args.baseVersion])).toEqual([
      [1, 4],
      [2, 4],
    ]);
  });

  it('a reply inserts a pending message and updates the preview; a note leaves the customer waiting', () => {
    const db = seeded();
    queueMessageSend(
      db,
      { conversationId: 'c1', messageId: MESSAGE_ID, kind: 'note', text: 'internal  note' },
      ME,
    );
    expect(getConversation(db, 'c1')).toMatchObject({
      lastMessagePreview: 'internal note',
      lastMessageDirection: 'out',
      waitingSince: '2026-01-01T00:00:00.000Z',
      messageCount: 2,
    });
    expect(getMessage(db, MESSAGE_ID)).toMatchObject({ pending: true, authorId: ME.id, kind: 'note' });
  });

  it('an acknowledged write leaves the outbox and keeps its optimistic value', () => {
    const db = seeded();
    const id = queueConversationMutation(db, 'conversation.setStatus', {
      conversationId: 'c1',
      status: 'resolved',
    });
    const outcome = acknowledge(db, [{ mutationId: id, ok: true, seq: 2 }]);
    expect(outcome.rejected).toEqual([]);
    expect(outboxCount(db)).toBe(0);
    expect(getConversation(db, 'c1')?.status).toBe('resolved');
  });

  it('a rejected stale write rolls back to the server snapshot it returns, keeping later pending writes', () => {
    const db = seeded();
    const assign = queueConversationMutation(db, 'conversation.assign', {
      conversationId: 'c1',
      assigneeId: ME.id,
    });
    queueConversationMutation(db, 'conversation.setPriority', { conversationId: 'c1', priority: 'high' });
    const truth = conversation('c1', { version: 6, assigneeId: OTHER.id, status: 'pending' });
    const outcome = acknowledge(db, [
      {
        mutationId: assign,
        ok: false,
        error: { code: 'stale', message: 'Someone else changed this conversation.' },
        conversation: truth,
      },
    ]);
    expect(outcome.rejected).toEqual([
      {
        name: 'conversation.assign',
        conversationId: 'c1',
        code: 'stale',
        message: 'Someone else changed this conversation.',
      },
    ]);
    expect(getConversation(db, 'c1')).toMatchObject({
      assigneeId: OTHER.id,
      status: 'pending',
      version: 6,
      priority: 'high',
    });
    expect(outboxCount(db)).toBe(1);
  });

  it('a rejection without a snapshot rolls back to the stored server snapshot', () => {
    const db = seeded();
    const id = queueConversationMutation(db, 'conversation.setStatus', {
      conversationId: 'c1',
      status: 'resolved',
    });
    acknowledge(db, [{ mutationId: id, ok: false, error: { code: 'forbidden', message: 'No.' } }]);
    expect(getConversation(db, 'c1')?.status).toBe('open');
  });

  it('a rejected message stays, marked failed; retry re-queues it and discard removes it', () => {
    const db = seeded();
    const id = queueMessageSend(
      db,
      { conversationId: 'c1', messageId: MESSAGE_ID, kind: 'text', text: 'hello there' },
      ME,
    );
    acknowledge(db, [
      { mutationId: id, ok: false, error: { code: 'forbidden', message: 'Channel closed.' } },
    ]);
    expect(getMessage(db, MESSAGE_ID)).toMatchObject({ pending: false, failedReason: 'Channel closed.' });
    expect(getConversation(db, 'c1')).toMatchObject({ messageCount: 1, lastMessagePreview: 'hello' });

    retryMessage(db, MESSAGE_ID);
    expect(getMessage(db, MESSAGE_ID)).toMatchObject({ pending: true, failedReason: null });
    const [again] = nextOutboxBatch(db, 10);
    expect(again!.mutationId).toBeGreaterThan(id);
    expect(again!.args.messageId).toBe(MESSAGE_ID);
    expect(() => discardMessage(db, MESSAGE_ID)).toThrow(/No failed message/);

    acknowledge(db, [
      { mutationId: again!.mutationId, ok: false, error: { code: 'forbidden', message: 'Still closed.' } },
    ]);
    discardMessage(db, MESSAGE_ID);
    expect(getMessage(db, MESSAGE_ID)).toBeNull();
  });

  it('refuses writes to a conversation the cache does not hold', () => {
    const db = seeded();
    expect(() =>
      queueConversationMutation(db, 'conversation.assign', { conversationId: 'nope', assigneeId: null }),
    ).toThrow(/not found/);
    expect(outboxCount(db)).toBe(0);
  });
});
