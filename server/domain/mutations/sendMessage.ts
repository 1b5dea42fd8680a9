/**
 * message.send: an agent's reply or internal note, stored under the client's message id so a
 * resend cannot create a second copy. A public reply clears the customer's wait and leaves
 * through the outbound connector after commit; a note is never delivered.
 */
import type { MutationArgs } from '../../../shared/contracts/sync';
import { messagePreview } from '../../../shared/domain/preview';
import { getContact } from '../../db/queries/contacts';
import {
  conversationFromRow,
  saveConversationChanges,
  type ConversationRow,
} from '../../db/queries/conversations';
import { getMessageRow, insertMessage, messageFromRow } from '../../db/queries/messages';
import { addressOf, conversationChange, messageChange } from '../snapshots';
import {
  loadActionableConversation,
  MutationRejected,
  type MutationContext,
  type MutationOutcome,
} from './common';

export async function sendMessage(
  ctx: MutationContext,
  args: MutationArgs<'message.send'>,
): Promise<MutationOutcome> {
  const row = await loadActionableConversation(ctx, args.conversationId);
  const existing = await getMessageRow(ctx.trx, args.messageId);
  if (existing) {
    // Same message sent again under a new mutation id (e.g. a reinstalled outbox): already done.
    if (existing.conversation_id === row.id && existing.author_id === ctx.actor.id) return { changes: [] };
    throw new MutationRejected('invalid', `messageId ${args.messageId} is already used`);
  }

  const isNote = args.kind === 'note';
  const messageRow = {
    id: args.messageId,
    conversation_id: row.id,
    channel: row.channel,
    external_id: null,
    direction: 'out',
    kind: args.kind,
    author_type: 'agent',
    author_id: ctx.actor.id,
    text: args.text,
    subject: args.subject ?? null,
    call_json: null,
    created_at: ctx.now,
  };
  await insertMessage(ctx.trx, messageRow);

  const after: ConversationRow = isNote
    ? { ...row, updated_at: ctx.now, message_count: row.message_count + 1 }
    : {
        ...row,
        updated_at: ctx.now,
        message_count: row.message_count + 1,
        last_message_at: ctx.now,
        last_message_preview: messagePreview(args.text),
        last_message_direction: 'out',
        waiting_since: null,
      };
  await saveConversationChanges(ctx.trx, row, after);

  const conversation = conversationFromRow(after);
  const message = messageFromRow(messageRow);
  const address = addressOf(conversation);
  const changes = [
    conversationChange('conversation.updated', conversation, address),
    messageChange(message, address),
  ];
  if (isNote) return { changes };

  const contact = await getContact(ctx.trx, row.contact_id);
  return {
    changes,
    afterCommit: async () => {
      if (contact) await ctx.connector.deliver(message, conversation, contact);
    },
  };
}
