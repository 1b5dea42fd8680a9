/**
 * Rebuild a conversation's visible row = server snapshot + its still-pending outbox mutations, in
 * mutation-id order. Called inside the transaction that changed either side. A message.send whose
 * message is already confirmed (the server's copy arrived before the ack) is skipped so the
 * message count is not doubled. Sends are applied as one summary computed in SQL (their fields
 * and the versioned writes' fields are disjoint, see optimistic.ts): this runs for every touched
 * conversation on every poke, so it must not cost a walk over a long offline queue.
 */
import type { Db } from '../db/database';
import { getServerSnapshot, writeConversationView } from '../db/queries/conversations';
import { pendingSendsForConversation, pendingWritesForConversation } from '../db/queries/outbox';
import type { RecordKey } from '../../../shared/contracts/records';
import { applyMutation, applyPendingSends } from './optimistic';
import { RECORD_SYNC } from './records';

/** Rebuild one record's visible row (after an ack, a rollback or a local write). */
export function reapplyRecord(db: Db, record: RecordKey): void {
  if (record.kind === 'conversation') reapplyPending(db, record.id);
  else RECORD_SYNC[record.kind].reapply(db, record.id);
}

/** Rebuild a conversation's visible row. */
export function reapplyPending(db: Db, conversationId: string): void {
  let view = getServerSnapshot(db, conversationId);
  if (!view) return;
  for (const entry of pendingWritesForConversation(db, conversationId)) view = applyMutation(view, entry);
  const sends = pendingSendsForConversation(db, conversationId);
  if (sends) view = applyPendingSends(view, sends);
  writeConversationView(db, view);
}
