/**
 * Conversation rows. The display columns are the server snapshot with pending local mutations on
 * top; `server_snapshot` is the server's truth alone (see migration 001).
 */
import { ConversationSchema, type Conversation } from '../../../../shared/domain/model';
import type { Db } from '../database';
import { conversationInsightOf, type ConversationInsightColumns } from './insight';

export interface ConversationRow extends ConversationInsightColumns {
  id: string;
  channel: Conversation['channel'];
  contact_id: string;
  team_id: string;
  assignee_id: string | null;
  status: Conversation['status'];
  priority: Conversation['priority'];
  subject: string | null;
  created_at: string;
  updated_at: string;
  last_message_at: string;
  last_message_preview: string;
  last_message_direction: Conversation['lastMessageDirection'];
  waiting_since: string | null;
  message_count: number;
  version: number;
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    channel: row.channel,
    contactId: row.contact_id,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    lastMessageDirection: row.last_message_direction,
    waitingSince: row.waiting_since,
    messageCount: row.message_count,
    version: row.version,
    ...conversationInsightOf(row),
  };
}

const params = (c: Conversation) => ({
  id: c.id,
  channel: c.channel,
  contactId: c.contactId,
  teamId: c.teamId,
  assigneeId: c.assigneeId,
  status: c.status,
  priority: c.priority,
  subject: c.subject,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  lastMessageAt: c.lastMessageAt,
  lastMessagePreview: c.lastMessagePreview,
  lastMessageDirection: c.lastMessageDirection,
  waitingSince: c.waitingSince,
  messageCount: c.messageCount,
  version: c.version,
});

const VIEW_SET = `channel = @channel, contact_id = @contactId, team_id = @teamId, assignee_id = @assigneeId,
  status = @status, priority = @priority, subject = @subject, created_at = @createdAt, updated_at = @updatedAt,
  last_message_at = @lastMessageAt, last_message_preview = @lastMessagePreview,
  last_message_direction = @lastMessageDirection, waiting_since = @waitingSince,
  message_count = @messageCount, version = @version`;

export function getConversation(db: Db, id: string): Conversation | null {
  const row = db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
  return row ? toConversation(row) : null;
}

/** The last snapshot the server sent, without local pending mutations. */
export function getServerSnapshot(db: Db, id: string): Conversation | null {
  const row = db.prepare('SELECT server_snapshot FROM conversations WHERE id = ?').get(id) as
    { server_snapshot: string } | undefined;
  return row ? ConversationSchema.parse(JSON.parse(row.server_snapshot)) : null;
}

export function getConversationSeq(db: Db, id: string): number | null {
  const row = db.prepare('SELECT seq FROM conversations WHERE id = ?').get(id) as { seq: number } | undefined;
  return row ? row.seq : null;
}

/**
 * Store a server snapshot (display columns and server_snapshot). Ignored when the stored row came
 * from a newer change; returns whether it was written. `read_at` is local and survives.
 */
export function upsertServerConversation(db: Db, conversation: Conversation, seq: number): boolean {
  const result = db
    .prepare(
      `INSERT INTO conversations (id, channel, contact_id, team_id, assignee_id, status, priority, subject,
         created_at, updated_at, last_message_at, last_message_preview, last_message_direction, waiting_since,
         message_count, version, seq, server_snapshot)
       VALUES (@id, @channel, @contactId, @teamId, @assigneeId, @status, @priority, @subject, @createdAt,
         @updatedAt, @lastMessageAt, @lastMessagePreview, @lastMessageDirection, @waitingSince, @messageCount,
         @version, @seq, @snapshot)
       ON CONFLICT (id) DO UPDATE SET channel = excluded.channel, contact_id = excluded.contact_id,
         team_id = excluded.team_id, assignee_id = excluded.assignee_id, status = excluded.status,
         priority = excluded.priority, subject = excluded.subject, created_at = excluded.created_at,
         updated_at = excluded.updated_at, last_message_at = excluded.last_message_at,
         last_message_preview = excluded.last_message_preview,
         last_message_direction = excluded.last_message_direction, waiting_since = excluded.waiting_since,
         message_count = excluded.message_count, version = excluded.version,
         seq = excluded.seq, server_snapshot = excluded.server_snapshot
       WHERE excluded.seq >= conversations.seq`,
    )
    .run({ ...params(conversation), seq, snapshot: JSON.stringify(conversation) });
  return result.changes > 0;
}

/** Replace the server snapshot (a rejected mutation came back with the server's current state). */
export function setServerSnapshot(db: Db, conversation: Conversation): void {
  db.prepare(`UPDATE conversations SET ${VIEW_SET}, server_snapshot = @snapshot WHERE id = @id`).run({
    ...params(conversation),
    snapshot: JSON.stringify(conversation),
  });
}

/** Write the display columns only (optimistic view); server_snapshot and seq stay. */
export function writeConversationView(db: Db, conversation: Conversation): void {
  db.prepare(`UPDATE conversations SET ${VIEW_SET} WHERE id = @id`).run(params(conversation));
}

/** Deletes the conversation; its messages go with it (ON DELETE CASCADE). */
export function deleteConversation(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM conversations WHERE id = ?').run(id).changes > 0;
}

/**
 * The snapshot at `seq` took the conversation out of the viewer's sight: drop the cached row
 * unless a newer snapshot is already stored, and remember the drop so an older snapshot arriving
 * later (another poke of the same flush) cannot bring it back. Returns whether a row was dropped.
 */
export function dropConversationAt(db: Db, id: string, seq: number): boolean {
  db.prepare(
    `INSERT INTO conversation_drops (id, seq) VALUES (?, ?)
     ON CONFLICT (id) DO UPDATE SET seq = max(seq, excluded.seq)`,
  ).run(id, seq);
  return db.prepare('DELETE FROM conversations WHERE id = ? AND seq <= ?').run(id, seq).changes > 0;
}

/** Whether a snapshot at `seq` is older than the drop that took the conversation away. */
export function droppedSince(db: Db, id: string, seq: number): boolean {
  return db.prepare('SELECT 1 FROM conversation_drops WHERE id = ? AND seq >= ?').get(id, seq) !== undefined;
}

/** A newer snapshot brought the conversation back: its drop no longer guards anything. */
export function forgetDrop(db: Db, id: string): void {
  db.prepare('DELETE FROM conversation_drops WHERE id = ?').run(id);
}

/**
 * Drops far behind the cursor guard nothing: live pokes are never that old, and pulls come in
 * seq order. Keeps the table to what a few seconds of traffic can still need.
 */
export const DROP_GUARD_SEQS = 100_000;
export function pruneDrops(db: Db, cursor: number): void {
  db.prepare('DELETE FROM conversation_drops WHERE seq < ?').run(cursor - DROP_GUARD_SEQS);
}

export function listConversationScopes(db: Db): { id: string; teamId: string; assigneeId: string | null }[] {
  return db.prepare('SELECT id, team_id AS teamId, assignee_id AS assigneeId FROM conversations').all() as {
    id: string;
    teamId: string;
    assigneeId: string | null;
  }[];
}

/**
 * Whether the inbox shows the conversation as unread (the same rule as the inbox rows' `unread`);
 * null when it is not in the cache.
 */
export function isConversationUnread(db: Db, id: string): boolean | null {
  const row = db
    .prepare(
      `SELECT (last_message_direction = 'in' AND (read_at IS NULL OR read_at < last_message_at)) AS unread
       FROM conversations WHERE id = ?`,
    )
    .get(id) as { unread: number | null } | undefined;
  return row ? row.unread === 1 : null;
}

/** Mark read at `at`, never earlier than the last message (clock skew must not leave it unread). */
export function markConversationRead(db: Db, id: string, at: string): boolean {
  return (
    db.prepare('UPDATE conversations SET read_at = max(?, last_message_at) WHERE id = ?').run(at, id)
      .changes > 0
  );
}
