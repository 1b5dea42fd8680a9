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
import { preparedQuery, type PreparedQuery } from '../compiledQuery';

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

// Read by every mutation and ingest (compiledQuery.ts).
const selectConversation = preparedQuery<{ id: string }, ConversationRow>(['id'], (db, p) =>
  db.selectFrom('conversations').selectAll().where('id', '=', p.id),
);

export async function getConversationRow(db: Db | Trx, id: string): Promise<ConversationRow | undefined> {
  const row = await selectConversation.executeTakeFirst(db, { id });
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

/**
 * Writes only the columns in which `after` differs from `before` (the row as read in this
 * transaction). A reply changes a handful of columns; setting all of them made SQLite touch every
 * index on the table and was a tenth of the server's time in an outbox drain (tests/bench).
 */
export async function saveConversationChanges(
  trx: Trx,
  before: ConversationRow,
  after: ConversationRow,
): Promise<void> {
  const changed: Partial<ConversationRow> = {};
  for (const key of Object.keys(after) as (keyof ConversationRow)[]) {
    if (key !== 'id' && after[key] !== before[key]) (changed as Record<string, unknown>)[key] = after[key];
  }
  const columns = Object.keys(changed).sort();
  if (columns.length === 0) return;
  await updateColumns(columns).execute(trx, { ...changed, id: after.id });
}

/** One compiled UPDATE per set of changed columns (a reply, a note, a status change…). */
const updatesByColumns = new Map<string, PreparedQuery<Record<string, unknown>, never>>();
const UPDATE_SHAPES_MAX = 200;

function updateColumns(columns: readonly string[]): PreparedQuery<Record<string, unknown>, never> {
  const key = columns.join(',');
  let query = updatesByColumns.get(key);
  if (!query) {
    if (updatesByColumns.size >= UPDATE_SHAPES_MAX) updatesByColumns.clear();
    query = preparedQuery<Record<string, unknown>, never>([...columns, 'id'], (db, p) =>
      db
        .updateTable('conversations')
        .set(Object.fromEntries(columns.map((column) => [column, p[column]])) as Partial<ConversationRow>)
        .where('id', '=', p.id as string),
    );
    updatesByColumns.set(key, query);
  }
  return query;
}

/** Writes every mutable column of `row` (the caller computed the next state). */
export async function saveConversation(trx: Trx, row: ConversationRow): Promise<void> {
  const { id, ...rest } = row;
  await trx.updateTable('conversations').set(rest).where('id', '=', id).execute();
}
