/** The outbox: local mutations not yet acknowledged, in mutation-id order. */
import type { MutationName } from '../../../../shared/contracts/sync';
import type { Db } from '../database';

export interface OutboxEntry {
  mutationId: number;
  name: MutationName;
  args: Record<string, unknown>;
  conversationId: string | null;
  createdAt: string;
}

interface OutboxRow {
  mutation_id: number;
  name: MutationName;
  args: string;
  conversation_id: string | null;
  created_at: string;
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  mutationId: row.mutation_id,
  name: row.name,
  args: JSON.parse(row.args) as Record<string, unknown>,
  conversationId: row.conversation_id,
  createdAt: row.created_at,
});

export function insertOutbox(db: Db, entry: OutboxEntry): void {
  db.prepare(
    `INSERT INTO outbox (mutation_id, name, args, conversation_id, created_at, state)
     VALUES (?, ?, ?, ?, ?, 'queued')`,
  ).run(entry.mutationId, entry.name, JSON.stringify(entry.args), entry.conversationId, entry.createdAt);
}

export function nextOutboxBatch(db: Db, limit: number): OutboxEntry[] {
  return (db.prepare('SELECT * FROM outbox ORDER BY mutation_id LIMIT ?').all(limit) as OutboxRow[]).map(
    toEntry,
  );
}

export function markOutboxSent(db: Db, mutationIds: readonly number[]): void {
  const stmt = db.prepare("UPDATE outbox SET state = 'sent' WHERE mutation_id = ?");
  for (const id of mutationIds) stmt.run(id);
}

export function getOutboxEntry(db: Db, mutationId: number): OutboxEntry | null {
  const row = db.prepare('SELECT * FROM outbox WHERE mutation_id = ?').get(mutationId) as
    OutboxRow | undefined;
  return row ? toEntry(row) : null;
}

export function deleteOutboxEntry(db: Db, mutationId: number): void {
  db.prepare('DELETE FROM outbox WHERE mutation_id = ?').run(mutationId);
}

export function pendingForConversation(db: Db, conversationId: string): OutboxEntry[] {
  return (
    db
      .prepare('SELECT * FROM outbox WHERE conversation_id = ? ORDER BY mutation_id')
      .all(conversationId) as OutboxRow[]
  ).map(toEntry);
}

export function outboxCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/** Is a message.send for this message still waiting in the outbox? */
export function hasPendingSend(db: Db, messageId: string): boolean {
  return (
    db
      .prepare("SELECT 1 FROM outbox WHERE name = 'message.send' AND json_extract(args, '$.messageId') = ?")
      .get(messageId) !== undefined
  );
}
