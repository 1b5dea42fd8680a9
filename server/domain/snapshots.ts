/** Builders for change-log entries, so every writer records the same shapes and audiences. */
import type { Contact, Conversation, Message } from '../../shared/domain/model';
import type { Alert } from '../../shared/contracts/sla';
import { EVERYONE } from '../../shared/domain/audience';
import type { ChangeAddress, ChangeBody, NewChange } from '../db/queries/changes';
import type { ConversationChange } from '../../shared/contracts/sync';
import { addressFor } from './records';

/** A conversation's address; `previous` is the state before this write (records.ts). */
export function addressOf(conversation: Conversation, previous?: Conversation): ChangeAddress {
  return addressFor('conversation', conversation, previous);
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

/** An escalation (its audience: records.ts). */
export function alertChange(type: 'alert.created' | 'alert.updated', alert: Alert): NewChange {
  return { change: { type, alert }, ...addressFor('alert', alert) };
}

/** Teams, agents, SLA policies and calendars: every signed-in user hears of them. */
export function directoryChange(change: ChangeBody): NewChange {
  return { change, record: null, audience: EVERYONE };
}
