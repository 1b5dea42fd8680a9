/**
 * Rebuild a conversation's visible row = server snapshot + its still-pending outbox mutations, in
 * mutation-id order. Called inside the transaction that changed either side. A message.send whose
 * message is already confirmed (the server's copy arrived before the ack) is skipped so the
 * message count is not doubled.
 */
import type { Db } from '../db/database';
import { getServerSnapshot, writeConversationView } from '../db/queries/conversations';
import { getMessage } from '../db/queries/messages';
import { pendingForConversation } from '../db/queries/outbox';
import { applyMutation } from './optimistic';
import { reapplyCannedKey } from './cannedSync';
import { reapplyAlertKey } from './alertSync';

export function reapplyPending(db: Db, conversationId: string): void {
  if (reapplyCannedKey(db, conversationId)) return; // a canned response, not a conversation
  if (reapplyAlertKey(db, conversationId)) return; // an alert's acknowledgement
  let view = getServerSnapshot(db, conversationId);
  if (!view) return;
  for (const entry of pendingForConversation(db, conversationId)) {
    if (entry.name === 'message.send') {
      const message = getMessage(db, String(entry.args.messageId));
      if (!message?.pending) continue;
    }
    view = applyMutation(view, entry);
  }
  writeConversationView(db, view);
}
