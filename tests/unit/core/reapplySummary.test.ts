/**
 * The visible row is rebuilt from the server snapshot plus a summary of the pending sends
 * (sync/reapply.ts). It must equal folding every pending mutation in id order, the definition in
 * optimistic.ts, whatever mix of sends, notes, versioned writes, confirmations and acks came first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getConversation, getServerSnapshot } from '../../../electron/core/db/queries/conversations';
import { getMessage } from '../../../electron/core/db/queries/messages';
import { nextOutboxBatch, pendingForRecord } from '../../../electron/core/db/queries/outbox';
import type { Db } from '../../../electron/core/db/database';
import { applyChanges } from '../../../electron/core/sync/apply';
import { applyMutation } from '../../../electron/core/sync/optimistic';
import { reapplyPending } from '../../../electron/core/sync/reapply';
import { acknowledge, queueConversationMutation, queueMessageSend } from '../../../electron/core/sync/outbox';
import { ME, conversation, conversationCreated, message, messageCreated, openTestDb } from './fixtures';

/** The definition: every pending mutation folded in id order, confirmed sends skipped. */
function folded(db: Db, conversationId: string) {
  let view = getServerSnapshot(db, conversationId)!;
  for (const entry of pendingForRecord(db, { kind: 'conversation', id: conversationId })) {
    if (entry.name === 'message.send' && !getMessage(db, String(entry.args.messageId))?.pending) continue;
    view = applyMutation(view, entry);
  }
  return view;
}

const step = fc.oneof(
  fc.record({
    op: fc.constant('send' as const),
    kind: fc.constantFrom('text' as const, 'note' as const),
    minute: fc.integer({ min: 0, max: 59 }),
    text: fc.string({ maxLength: 200 }),
  }),
  fc.record({
    op: fc.constant('status' as const),
    status: fc.constantFrom('open' as const, 'pending' as const, 'resolved' as const),
  }),
  fc.record({
    op: fc.constant('priority' as const),
    priority: fc.constantFrom('low' as const, 'high' as const, 'urgent' as const),
  }),
  fc.record({ op: fc.constant('confirm' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('ack' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

describe('pending sends applied as a summary', () => {
  it('equal folding every pending mutation in order, after every step', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const db = openTestDb();
        let seq = 1;
        applyChanges(db, [
          conversationCreated(
            conversation('c1', {
              waitingSince: '2026-01-01T00:00:00.000Z',
              lastMessageAt: '2026-01-01T00:30:00.000Z',
            }),
            seq,
          ),
        ]);
        const sent: string[] = [];
        for (const [index, s] of steps.entries()) {
          if (s.op === 'send') {
            const messageId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
            const at = new Date(Date.UTC(2026, 0, 1, 0, s.minute));
            queueMessageSend(db, { conversationId: 'c1', messageId, kind: s.kind, text: s.text }, ME, at);
            sent.push(messageId);
          } else if (s.op === 'status') {
            queueConversationMutation(db, 'conversation.setStatus', {
              conversationId: 'c1',
              status: s.status,
            });
          } else if (s.op === 'priority') {
            queueConversationMutation(db, 'conversation.setPriority', {
              conversationId: 'c1',
              priority: s.priority,
            });
          } else if (s.op === 'confirm' && sent.length > 0) {
            // The server's copy of one sent message arrives (before or after its ack).
            const id = sent[s.pick % sent.length]!;
            const stored = getMessage(db, id)!;
            const snapshot = getServerSnapshot(db, 'c1')!;
            seq += 2;
            applyChanges(db, [
              conversationCreated({ ...snapshot, messageCount: snapshot.messageCount + 1 }, seq - 1),
              messageCreated(
                message(id, 'c1', stored.text, {
                  direction: 'out',
                  kind: stored.kind,
                  authorType: 'agent',
                  authorId: ME.id,
                  createdAt: stored.createdAt,
                }),
                seq,
              ),
            ]);
          } else if (s.op === 'ack') {
            const batch = nextOutboxBatch(db, s.count);
            acknowledge(
              db,
              batch.map((entry) => ({ mutationId: entry.mutationId, ok: true as const, seq })),
            );
          }
          // An ok ack alone leaves the row as it is (the server's change carries the data): rebuild.
          db.transaction(() => reapplyPending(db, 'c1'))();
          expect(getConversation(db, 'c1')).toEqual(folded(db, 'c1'));
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
