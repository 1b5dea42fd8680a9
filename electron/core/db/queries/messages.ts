/** Message rows: server inserts (which confirm optimistic ones), local pending/failed states, threads. */
import type { MessageView } from '../../../../shared/contracts/rpc';
import type { CallInfo, Message } from '../../../../shared/domain/model';
import type { Db } from '../database';
import { messageInsightOf, type MessageInsightColumns } from './insight';

interface MessageRow extends MessageInsightColumns {
  id: string;
  conversation_id: string;
  direction: Message['direction'];
  kind: Message['kind'];
  author_type: Message['authorType'];
  author_id: string | null;
  text: string;
  subject: string | null;
  call: string | null;
  created_at: string;
  pending: number;
  failed_reason: string | null;
  author_name?: string | null;
}

export type StoredMessage = Message & { pending: boolean; failedReason: string | null };

function toStored(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction,
    kind: row.kind,
    authorType: row.author_type,
    authorId: row.author_id,
    text: row.text,
    subject: row.subject,
    call: row.call ? (JSON.parse(row.call) as CallInfo) : null,
    createdAt: row.created_at,
    pending: row.pending === 1,
    failedReason: row.failed_reason,
    ...messageInsightOf(row),
  };
}

const params = (m: Message) => ({
  id: m.id,
  conversationId: m.conversationId,
  direction: m.direction,
  kind: m.kind,
  authorType: m.authorType,
  authorId: m.authorId,
  text: m.text,
  subject: m.subject,
  call: m.call ? JSON.stringify(m.call) : null,
  createdAt: m.createdAt,
});

/**
 * Insert a message the server committed. An optimistic row with the same id becomes confirmed
 * (pending = 0, no failure). Returns false when its conversation is not cached (not visible).
 */
export function upsertServerMessage(db: Db, message: Message, seq: number): boolean {
  const known = db.prepare('SELECT 1 FROM conversations WHERE id = ?').get(message.conversationId);
  if (!known) return false;
  db.prepare(
    `INSERT INTO messages (id, conversation_id, direction, kind, author_type, author_id, text, subject, call,
       created_at, seq, pending)
     VALUES (@id, @conversationId, @direction, @kind, @authorType, @authorId, @text, @subject, @call, @createdAt, @seq, 0)
     ON CONFLICT (id) DO UPDATE SET conversation_id = excluded.conversation_id, direction = excluded.direction,
       kind = excluded.kind, author_type = excluded.author_type, author_id = excluded.author_id,
       text = excluded.text, subject = excluded.subject, call = excluded.call, created_at = excluded.created_at,
       seq = excluded.seq, pending = 0, failed_reason = NULL`,
  ).run({ ...params(message), seq });
  return true;
}

export function insertPendingMessage(db: Db, message: Message): void {
  db.prepare(
    `INSERT INTO messages (id, conversation_id, direction, kind, author_type, author_id, text, subject, call,
       created_at, pending)
     VALUES (@id, @conversationId, @direction, @kind, @authorType, @authorId, @text, @subject, @call, @createdAt, 1)`,
  ).run(params(message));
}

export function getMessage(db: Db, id: string): StoredMessage | null {
  const row = db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
  return row ? toStored(row) : null;
}

export function markMessageFailed(db: Db, id: string, reason: string): void {
  db.prepare('UPDATE messages SET pending = 0, failed_reason = ? WHERE id = ?').run(reason, id);
}

export function markMessagePending(db: Db, id: string): void {
  db.prepare('UPDATE messages SET pending = 1, failed_reason = NULL WHERE id = ?').run(id);
}

export function deleteMessage(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM messages WHERE id = ?').run(id).changes > 0;
}

/** The whole thread, oldest first, with author names from the directory. */
export function listThread(db: Db, conversationId: string): MessageView[] {
  const rows = db
    .prepare(
      `SELECT m.*, a.name AS author_name FROM messages m LEFT JOIN agents a ON a.id = m.author_id
       WHERE m.conversation_id = ? ORDER BY m.created_at, m.rid`,
    )
    .all(conversationId) as MessageRow[];
  return rows.map((row) => ({ ...toStored(row), authorName: row.author_name ?? null }));
}
