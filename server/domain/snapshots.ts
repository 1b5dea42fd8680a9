/** Builders for change-log entries, so every writer records the same shapes and audiences. */
import type { Contact, Conversation, Message } from '../../shared/domain/model';
import type { ConversationAudience, NewChange } from '../db/queries/changes';
import type { ConversationChange } from '../../shared/contracts/sync';

/** `previous` is the state before this write, so the team or agent it left still hears of it. */
export function audienceOf(conversation: Conversation, previous?: Conversation): ConversationAudience {
  return {
    conversationId: conversation.id,
    teamId: conversation.teamId,
    prevTeamId: previous && previous.teamId !== conversation.teamId ? previous.teamId : null,
    assigneeId: conversation.assigneeId,
    prevAssigneeId: previous && previous.assigneeId !== conversation.assigneeId ? previous.assigneeId : null,
  };
}

export function conversationChange(
  type: ConversationChange['type'],
  conversation: Conversation,
  audience: ConversationAudience,
): NewChange {
  return { change: { type, conversation }, audience };
}

export function messageChange(message: Message, audience: ConversationAudience): NewChange {
  return { change: { type: 'message.created', message }, audience };
}

export function contactChange(contact: Contact, audience: ConversationAudience): NewChange {
  return { change: { type: 'contact.updated', contact }, audience };
}
