/** Conversations: lookups ingest and mutations need, and the row → model mapping. */
import type {
  Channel,
  Conversation,
  ConversationStatus,
  MessageDirection,
  Priority,
} from '../../../shared/domain/model';
import type { Db, Trx } from '../database';
import type { ConversationsTable } from '../schema';
import { conversationInsightFromRow } from './insight';

export type ConversationRow = ConversationsTable;

export function conversationFromRow(row: ConversationRow): Conversation {
  return {
    id: row.id,
    channel: row.channel as Channel,
    contactId: row.contact_id,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    status: row.status as ConversationStatus,
    priority: row.priority as Priority,
    subject: row.subject,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    lastMessageDirection: row.last_message_direction as MessageDirection,
    waitingSince: row.waiting_since,
    messageCount: Number(row.message_count),
    version: Number(row.version),
    ...conversationInsightFromRow(row),
  };
}

function normalize(row: ConversationRow): ConversationRow {
  return {
    ...row,
    message_count: Number(row.message_count),
    version: Number(row.version),
    writer_streak_base_version: Number(row.writer_streak_base_version),
  };
}

export async function getConversationRow(db: Db | Trx, id: string): Promise<ConversationRow | undefined> {
  const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && normalize(row);
}

export async function findConversationByExternalId(
  db: Db | Trx,
  channel: Channel,
  externalId: string,
): Promise<ConversationRow | undefined> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row && normalize(row);
}

/** The contact's newest conversation on this channel that is still in progress. */
export async function findActiveConversationForContact(
  db: Db | Trx,
  contactId: string,
  channel: Channel,
): Promise<ConversationRow | undefined> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('channel', '=', channel)
    .where('status', 'not in', ['resolved', 'closed'])
    .orderBy('last_message_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && normalize(row);
}

export async function insertConversation(trx: Trx, row: ConversationRow): Promise<void> {
  await trx.insertInto('conversations').values(row).execute();
}

/** Writes every mutable column of `row` (the caller computed the next state). */
export async function saveConversation(trx: Trx, row: ConversationRow): Promise<void> {
  const { id, ...rest } = row;
  await trx.updateTable('conversations').set(rest).where('id', '=', id).execute();
}
