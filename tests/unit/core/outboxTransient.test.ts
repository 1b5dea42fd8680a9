/**
 * A mutation the server could not apply this time (`internal`, e.g. while its database restarts)
 * is not a rejection: the reply stays pending and queued, and so do the mutations after it, so
 * the resend keeps their order. Found by the PostgreSQL-restart fault test, where such replies
 * used to be marked failed and never sent again.
 */
import { describe, expect, it } from 'vitest';
import { getMessage } from '../../../electron/core/db/queries/messages';
import { nextOutboxBatch } from '../../../electron/core/db/queries/outbox';
import { applyChanges } from '../../../electron/core/sync/apply';
import { acknowledge, queueMessageSend } from '../../../electron/core/sync/outbox';
import { ME, conversation, conversationCreated, openTestDb } from './fixtures';

const IDS = ['0b6c3f0e-7a43-4d5f-9d54-5d1c2b3a4f01', '0b6c3f0e-7a43-4d5f-9d54-5d1c2b3a4f02', '0b6c3f0e-7a43-4d5f-9d54-5d1c2b3a4f03'];

describe('acknowledging a transient failure', () => {
  it('keeps the failed mutation and the later ones queued and pending, in order', () => {
    const db = openTestDb();
    applyChanges(db, [conversationCreated(conversation('c1', { version: 1 }), 1)]);
    for (const [n, messageId] of IDS.entries()) queueMessageSend(db, { conversationId: 'c1', messageId, kind: 'text', text: `reply ${n}` }, ME);
    const [first, second, third] = nextOutboxBatch(db, 10).map((e) => e.mutationId) as [number, number, number];

    const outcome = acknowledge(db, [
      { mutationId: first, ok: true, seq: 2 },
      { mutationId: second, ok: false, error: { code: 'internal', message: 'the server could not apply this change; it will be retried' } },
      { mutationId: third, ok: true, seq: 3 },
    ]);

    expect(outcome.retryLater).toBe(true);
    expect(outcome.rejected).toEqual([]);
    expect(nextOutboxBatch(db, 10).map((e) => e.mutationId)).toEqual([second, third]);
    expect(getMessage(db, IDS[1]!)).toMatchObject({ pending: true, failedReason: null });
    expect(getMessage(db, IDS[2]!)).toMatchObject({ pending: true, failedReason: null });
  });

  it('still rolls back a real rejection', () => {
    const db = openTestDb();
    applyChanges(db, [conversationCreated(conversation('c1', { version: 1 }), 1)]);
    queueMessageSend(db, { conversationId: 'c1', messageId: IDS[0]!, kind: 'text', text: 'reply' }, ME);
    const [entry] = nextOutboxBatch(db, 10);
    const outcome = acknowledge(db, [{ mutationId: entry!.mutationId, ok: false, error: { code: 'forbidden', message: 'No.' } }]);
    expect(outcome.retryLater).toBe(false);
    expect(outcome.rejected).toHaveLength(1);
    expect(getMessage(db, IDS[0]!)).toMatchObject({ failedReason: 'No.' });
  });
});
