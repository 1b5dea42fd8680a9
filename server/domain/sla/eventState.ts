/**
 * A conversation's SLA events, kept folded in sla_event_state so a write costs its own events,
 * not a reread of the whole thread. The stored list is `compactSlaEvents(slaEventsFrom(...))`
 * of everything folded so far; compaction is a streaming filter whose state only depends on
 * the events it kept, so compact(stored ++ later) equals compact(all) whenever the new events
 * sort after every stored one.
 *
 * Fold or rebuild: the new events are folded in only when
 * - the stored message count plus this commit's messages equals the snapshot's message_count
 *   (a writer that stored a message without announcing it makes them differ), and
 * - every new event sorts after the stored ones exactly as the full rebuild would order them
 *   (no instant earlier than the latest stored one; a new message at the same instant as a
 *   stored status would sort before it, so that also rebuilds).
 * Otherwise the events are rebuilt from messages and sla_status_events (events.ts), as before
 * the state existed; a missing row (a database from before migration 007) rebuilds once.
 */
import type { Conversation } from '../../../shared/domain/model';
import type { SlaEvent } from '../../../shared/sla';
import { compactSlaEvents } from '../../../shared/sla/policies';
import type { Db, Trx } from '../../db/database';
import type { ConversationRow } from '../../db/queries/conversations';
import {
  appendStatusEvent,
  listSlaMessages,
  listStatusEvents,
  type SlaMessageRow,
  type StatusEventRow,
} from '../../db/queries/sla';
import { getSlaEventState, saveSlaEventState, type SlaEventStateRow } from '../../db/queries/slaState';
import { orderedSlaEvents, slaEventsFrom } from './events';

type Snapshot = Pick<Conversation, 'id' | 'createdAt' | 'messageCount'> & { status: string };

export interface Folded {
  events: SlaEvent[];
  state: SlaEventStateRow;
  /** The status row to append to sla_status_events, when the status changed. */
  status: (StatusEventRow & { ordinal: number }) | null;
}

/** Folds this commit's messages and status into the stored state; null when it must rebuild. */
export function foldSlaEvents(
  stored: SlaEventStateRow,
  conversation: Snapshot,
  fresh: readonly SlaMessageRow[],
  now: string,
): Folded | null {
  if (stored.message_count + fresh.length !== conversation.messageCount) return null;
  const status =
    stored.status === conversation.status
      ? null
      : {
          status: conversation.status,
          at: stored.status_count === 0 ? conversation.createdAt : now,
          ordinal: stored.status_count,
        };
  const added = orderedSlaEvents(conversation.createdAt, fresh, status ? [status] : []);
  const lastMs = Date.parse(stored.last_at);
  const statusMs = Date.parse(stored.status_at);
  for (const { ms, event } of added) {
    if (ms < lastMs) return null;
    if (event.type !== 'status' && ms === lastMs && statusMs === lastMs) return null;
  }
  const last = added.at(-1);
  const stateStatusAt = status ? added.find((entry) => entry.event.type === 'status')! : null;
  const events = compactSlaEvents([
    ...(JSON.parse(stored.events) as SlaEvent[]),
    ...added.map((a) => a.event),
  ]);
  return {
    events,
    status,
    state: {
      conversation_id: conversation.id,
      events: JSON.stringify(events),
      message_count: conversation.messageCount,
      last_at: last && last.ms > lastMs ? last.event.at : stored.last_at,
      status: conversation.status,
      status_count: stored.status_count + (status ? 1 : 0),
      status_at: stateStatusAt ? stateStatusAt.event.at : stored.status_at,
    },
  };
}

/** The full rebuild, and the state it leaves. */
export function rebuildSlaEvents(
  conversation: Snapshot,
  messages: readonly SlaMessageRow[],
  statuses: readonly StatusEventRow[],
): { events: SlaEvent[]; state: SlaEventStateRow } {
  const ordered = orderedSlaEvents(conversation.createdAt, messages, statuses);
  const events = compactSlaEvents(slaEventsFrom(conversation.createdAt, messages, statuses));
  const latest = (list: typeof ordered) =>
    list.reduce((max, entry) => (entry.ms > Date.parse(max) ? entry.event.at : max), conversation.createdAt);
  return {
    events,
    state: {
      conversation_id: conversation.id,
      events: JSON.stringify(events),
      message_count: messages.length,
      last_at: latest(ordered),
      status: statuses.at(-1)?.status ?? '',
      status_count: statuses.length,
      status_at: latest(ordered.filter((entry) => entry.event.type === 'status')),
    },
  };
}

/**
 * The folded states a write transaction produced, by conversation, written once before it
 * commits (`flushSlaEventStates`). A batch of pushes folds the same conversation once per reply;
 * reading and upserting its row each time was most of the SLA cost of an outbox drain. Only
 * commitSlaEvents reads or writes sla_event_state inside a write transaction, so the buffer is
 * the row's current value for the rest of that transaction.
 */
export type SlaEventStateBuffer = Map<string, SlaEventStateRow>;

export async function flushSlaEventStates(trx: Trx, buffer: SlaEventStateBuffer): Promise<void> {
  for (const row of buffer.values()) await saveSlaEventState(trx, row);
  buffer.clear();
}

/**
 * Inside a write transaction (attach.ts): records a status change in sla_status_events and
 * returns the conversation's compacted events with this commit's messages in them. With a
 * `buffer`, the state row is kept there and written by flushSlaEventStates before commit.
 */
export async function commitSlaEvents(
  trx: Trx,
  conversation: Snapshot,
  fresh: readonly SlaMessageRow[],
  now: string,
  buffer?: SlaEventStateBuffer,
): Promise<SlaEvent[]> {
  const save = async (row: SlaEventStateRow) => {
    if (buffer) buffer.set(row.conversation_id, row);
    else await saveSlaEventState(trx, row);
  };
  const stored = buffer?.get(conversation.id) ?? (await getSlaEventState(trx, conversation.id));
  const folded = stored && foldSlaEvents(stored, conversation, fresh, now);
  if (folded) {
    if (folded.status)
      await appendStatusEvent(
        trx,
        conversation.id,
        folded.status.ordinal,
        folded.status.status,
        folded.status.at,
      );
    await save(folded.state);
    return folded.events;
  }
  const statuses = await listStatusEvents(trx, conversation.id);
  const last = statuses[statuses.length - 1];
  if (!last || last.status !== conversation.status) {
    const at = statuses.length === 0 ? conversation.createdAt : now;
    await appendStatusEvent(trx, conversation.id, statuses.length, conversation.status, at);
    statuses.push({ status: conversation.status, at });
  }
  const { events, state } = rebuildSlaEvents(
    conversation,
    await listSlaMessages(trx, conversation.id),
    statuses,
  );
  await save(state);
  return events;
}

/** Outside a transaction (the SLA scheduler): the stored events when current, else a rebuild. */
export async function readSlaEvents(db: Db, row: ConversationRow): Promise<SlaEvent[]> {
  const stored = await getSlaEventState(db, row.id);
  if (stored && stored.message_count === row.message_count && stored.status === row.status)
    return JSON.parse(stored.events) as SlaEvent[];
  const snapshot = {
    id: row.id,
    createdAt: row.created_at,
    status: row.status,
    messageCount: row.message_count,
  };
  return rebuildSlaEvents(snapshot, await listSlaMessages(db, row.id), await listStatusEvents(db, row.id))
    .events;
}
