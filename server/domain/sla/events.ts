/**
 * A conversation's SLA events, rebuilt from what the database already records: its messages
 * (customer in → customer_message, a human's public reply → agent_reply, bot → bot_reply,
 * note → note; system lines are not events) and its status history (sla_status_events, which
 * includes the automatic reopen on a customer message).
 *
 * Invariant: the list starts with the one `created` event and no event is earlier than it
 * (a channel's `occurredAt` may predate the conversation row; such messages count from creation).
 */
import type { SlaEvent } from '../../../shared/sla';
import type { ConversationStatus } from '../../../shared/domain/model';
import type { SlaMessageRow, StatusEventRow } from '../../db/queries/sla';

export function slaEventOfMessage(message: SlaMessageRow): SlaEvent['type'] | null {
  if (message.direction === 'in') return message.author_type === 'contact' ? 'customer_message' : null;
  if (message.kind === 'note') return 'note';
  if (message.kind === 'system' || message.author_type === 'system') return null;
  if (message.author_type === 'bot') return 'bot_reply';
  return message.author_type === 'agent' ? 'agent_reply' : null;
}

export interface TimedSlaEvent {
  /** `at` as epoch ms, after clamping to the conversation's creation. */
  ms: number;
  event: SlaEvent;
}

/**
 * The events of these messages and statuses in time order, without `created`. Same instant:
 * messages before statuses, each in the order it was recorded.
 */
export function orderedSlaEvents(
  createdAt: string,
  messages: readonly SlaMessageRow[],
  statuses: readonly StatusEventRow[],
): TimedSlaEvent[] {
  const created = Date.parse(createdAt);
  const clamp = (at: string) => (Date.parse(at) < created ? createdAt : at);
  const timed: Array<TimedSlaEvent & { order: number }> = [];
  messages.forEach((message, index) => {
    const type = slaEventOfMessage(message);
    if (!type) return;
    const at = clamp(message.created_at);
    timed.push({ ms: Date.parse(at), order: index, event: { at, type } });
  });
  statuses.forEach((row, index) => {
    const at = clamp(row.at);
    timed.push({
      ms: Date.parse(at),
      order: messages.length + index,
      event: { at, type: 'status', status: row.status as ConversationStatus },
    });
  });
  timed.sort((a, b) => a.ms - b.ms || a.order - b.order);
  return timed.map(({ ms, event }) => ({ ms, event }));
}

export function slaEventsFrom(
  createdAt: string,
  messages: readonly SlaMessageRow[],
  statuses: readonly StatusEventRow[],
): SlaEvent[] {
  return [
    { at: createdAt, type: 'created' },
    ...orderedSlaEvents(createdAt, messages, statuses).map((entry) => entry.event),
  ];
}
