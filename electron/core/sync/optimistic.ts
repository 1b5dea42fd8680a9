/**
 * How a local mutation changes the conversation row the user sees, before the server confirms it.
 * Pure: (conversation, mutation) → conversation. `version` is never bumped locally: it stays the
 * server's, the base of the next versioned write.
 *
 * A message send changes only the last-message fields, the count and the wait; the versioned
 * writes change only assignee, team, status and priority. The two never touch the same field, so
 * a conversation's sends can be applied as one summary (`applyPendingSends`) after its writes,
 * with the same result as folding every mutation in id order.
 */
import { messagePreview } from '../../../shared/domain/preview';
import type { Conversation } from '../../../shared/domain/model';
import type { MutationArgs } from '../../../shared/contracts/sync';
import type { OutboxEntry, PendingSends } from '../db/queries/outbox';

export function applyMutation(conversation: Conversation, entry: OutboxEntry): Conversation {
  switch (entry.name) {
    case 'conversation.assign': {
      const args = entry.args as MutationArgs<'conversation.assign'>;
      return { ...conversation, assigneeId: args.assigneeId };
    }
    case 'conversation.transfer': {
      const args = entry.args as MutationArgs<'conversation.transfer'>;
      return { ...conversation, teamId: args.teamId, assigneeId: args.assigneeId };
    }
    case 'conversation.setStatus': {
      const args = entry.args as MutationArgs<'conversation.setStatus'>;
      return { ...conversation, status: args.status };
    }
    case 'conversation.setPriority': {
      const args = entry.args as MutationArgs<'conversation.setPriority'>;
      return { ...conversation, priority: args.priority };
    }
    case 'message.send': {
      const args = entry.args as MutationArgs<'message.send'>;
      const at = entry.createdAt > conversation.lastMessageAt ? entry.createdAt : conversation.lastMessageAt;
      return {
        ...conversation,
        lastMessageAt: at,
        lastMessagePreview: messagePreview(args.text),
        lastMessageDirection: 'out',
        messageCount: conversation.messageCount + 1,
        // A reply answers the customer; an internal note does not.
        waitingSince: args.kind === 'text' ? null : conversation.waitingSince,
      };
    }
    default:
      // Canned-response and alert writes are filed under their own records and never touch a conversation.
      return conversation;
  }
}

/** The effect of folding `applyMutation` over a conversation's pending sends, from their summary. */
export function applyPendingSends(conversation: Conversation, sends: PendingSends): Conversation {
  return {
    ...conversation,
    lastMessageAt:
      sends.lastCreatedAt > conversation.lastMessageAt ? sends.lastCreatedAt : conversation.lastMessageAt,
    lastMessagePreview: messagePreview(sends.lastText),
    lastMessageDirection: 'out',
    messageCount: conversation.messageCount + sends.count,
    waitingSince: sends.anyReply ? null : conversation.waitingSince,
  };
}
