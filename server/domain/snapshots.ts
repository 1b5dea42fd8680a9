/** Builders for change-log entries, so every writer records the same shapes and audiences. */
import type { Contact, Conversation, Message } from '../../shared/domain/model';
import type { Alert } from '../../shared/contracts/sla';
import { EVERYONE, type AudienceMember } from '../../shared/domain/audience';
import { recordKey } from '../../shared/contracts/records';
import type { ChangeAddress, ChangeBody, NewChange } from '../db/queries/changes';
import type { ConversationChange } from '../../shared/contracts/sync';

/**
 * A conversation's changes reach its team and its assignee; `previous` is the state before this
 * write, so the team or agent it left still hears of it.
 */
export function addressOf(conversation: Conversation, previous?: Conversation): ChangeAddress {
  const audience: AudienceMember[] = [{ kind: 'team', teamId: conversation.teamId }];
  if (previous && previous.teamId !== conversation.teamId) audience.push({ kind: 'team', teamId: previous.teamId });
  if (conversation.assigneeId) audience.push({ kind: 'agent', agentId: conversation.assigneeId });
  if (previous?.assigneeId && previous.assigneeId !== conversation.assigneeId)
    audience.push({ kind: 'agent', agentId: previous.assigneeId });
  return { record: recordKey('conversation', conversation.id), audience };
}

export function conversationChange(
  type: ConversationChange['type'],
  conversation: Conversation,
  address: ChangeAddress,
): NewChange {
  return { change: { type, conversation }, ...address };
}

export function messageChange(message: Message, address: ChangeAddress): NewChange {
  return { change: { type: 'message.created', message }, ...address };
}

export function contactChange(contact: Contact, address: ChangeAddress): NewChange {
  return { change: { type: 'contact.updated', contact }, ...address };
}

/** An escalation: only the leads of the alert's team (and admins) hear of it. */
export function alertChange(type: 'alert.created' | 'alert.updated', alert: Alert): NewChange {
  return {
    change: { type, alert },
    record: recordKey('alert', alert.id),
    audience: [{ kind: 'leads', teamId: alert.teamId }],
  };
}

/** Teams, agents, SLA policies and calendars: every signed-in user hears of them. */
export function directoryChange(change: ChangeBody): NewChange {
  return { change, record: null, audience: EVERYONE };
}
