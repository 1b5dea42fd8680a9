/**
 * How a local mutation changes the conversation row the user sees, before the server confirms it.
 * Pure: (conversation, mutation) → conversation. `version` is never bumped locally: it stays the
 * server's, the base of the next versioned write.
 */
import { messagePreview } from '../../../shared/domain/preview';
import type { Conversation } from '../../../shared/domain/model';
import type { MutationArgs } from '../../../shared/contracts/sync';
import type { OutboxEntry } from '../db/queries/outbox';

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
      // Canned-response writes live under `canned:<id>` keys and never touch a conversation.
      return conversation;
  }
}
