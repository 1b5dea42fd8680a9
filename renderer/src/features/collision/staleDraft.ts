/**
 * The stale-draft rule: a reply drafted against an older picture of the conversation. The composer
 * remembers the messages it had seen when the draft began; before sending, anything the customer
 * wrote since, or any public reply someone else (another agent, the bot) sent since, is news the
 * agent should see first. Their own messages, internal notes and system lines are not.
 */
import type { MessageView } from '../../../../shared/contracts/rpc';

export type StaleKind = 'customer' | 'agent' | 'bot';

export interface StaleMessage {
  id: string;
  kind: StaleKind;
  /** Who wrote it, as the thread shows it (the customer's name for inbound messages). */
  author: string;
  text: string;
}

/** The ids the composer had on screen when the draft began. */
export function seenBaseline(messages: readonly Pick<MessageView, 'id'>[]): Set<string> {
  return new Set(messages.map((message) => message.id));
}

function staleKind(message: MessageView, selfId: string): StaleKind | null {
  if (message.direction === 'in') return message.kind === 'system' ? null : 'customer';
  if (message.kind === 'note' || message.kind === 'system') return null;
  if (message.authorType === 'bot') return 'bot';
  if (message.authorType === 'agent' && message.authorId !== selfId) return 'agent';
  return null;
}

/** What arrived since the baseline that should hold the reply back, oldest first. */
export function newSinceDraft(
  messages: readonly MessageView[],
  seen: ReadonlySet<string>,
  selfId: string,
  customerName: string,
): StaleMessage[] {
  const stale: StaleMessage[] = [];
  for (const message of messages) {
    if (seen.has(message.id)) continue;
    const kind = staleKind(message, selfId);
    if (!kind) continue;
    const author = kind === 'customer' ? (message.authorName ?? customerName) : (message.authorName ?? '');
    stale.push({ id: message.id, kind, author, text: message.text });
  }
  return stale;
}
