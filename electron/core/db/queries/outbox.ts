/**
 * The outbox: local mutations not yet acknowledged, in mutation-id order. Each is filed under
 * the record it changes (a conversation, a canned response, an alert), or none (presence).
 */
import type { RecordKey, RecordKind } from '../../../../shared/contracts/records';
import type { MutationName } from '../../../../shared/contracts/sync';
import type { Db } from '../database';

export interface OutboxEntry {
  mutationId: number;
  name: MutationName;
  args: Record<string, unknown>;
  record: RecordKey | null;
  createdAt: string;
}

interface OutboxRow {
  mutation_id: number;
  name: MutationName;
  args: string;
  record_kind: RecordKind | null;
  record_id: string | null;
  created_at: string;
}

const toEntry = (row: OutboxRow): OutboxEntry => ({
  mutationId: row.mutation_id,
  name: row.name,
  args: JSON.parse(row.args) as Record<string, unknown>,
  record: row.record_kind && row.record_id ? { kind: row.record_kind, id: row.record_id } : null,
  createdAt: row.created_at,
});

export function insertOutbox(db: Db, entry: OutboxEntry): void {
  db.prepare(
    `INSERT INTO outbox (mutation_id, name, args, record_kind, record_id, created_at, state)
     VALUES (?, ?, ?, ?, ?, ?, 'queued')`,
  ).run(
    entry.mutationId,
    entry.name,
    JSON.stringify(entry.args),
    entry.record?.kind ?? null,
    entry.record?.id ?? null,
    entry.createdAt,
  );
}

export function nextOutboxBatch(db: Db, limit: number): OutboxEntry[] {
  return (db.prepare('SELECT * FROM outbox ORDER BY mutation_id LIMIT ?').all(limit) as OutboxRow[]).map(
    toEntry,
  );
}

/** One transaction for the batch: a commit per row was a noticeable part of a long drain. */
export function markOutboxSent(db: Db, mutationIds: readonly number[]): void {
  const stmt = db.prepare("UPDATE outbox SET state = 'sent' WHERE mutation_id = ?");
  db.transaction(() => {
    for (const id of mutationIds) stmt.run(id);
  })();
}

export function getOutboxEntry(db: Db, mutationId: number): OutboxEntry | null {
  const row = db.prepare('SELECT * FROM outbox WHERE mutation_id = ?').get(mutationId) as
    OutboxRow | undefined;
  return row ? toEntry(row) : null;
}

export function deleteOutboxEntry(db: Db, mutationId: number): void {
  db.prepare('DELETE FROM outbox WHERE mutation_id = ?').run(mutationId);
}

/** Pending mutations of one record, in order. */
export function pendingForRecord(db: Db, record: RecordKey): OutboxEntry[] {
  return (
    db
      .prepare('SELECT * FROM outbox WHERE record_kind = ? AND record_id = ? ORDER BY mutation_id')
      .all(record.kind, record.id) as OutboxRow[]
  ).map(toEntry);
}

/** Pending versioned writes of one conversation (everything but message sends), in order. */
export function pendingWritesForConversation(db: Db, conversationId: string): OutboxEntry[] {
  return (
    db
      .prepare(
        "SELECT * FROM outbox WHERE record_kind = 'conversation' AND record_id = ? AND name <> 'message.send' ORDER BY mutation_id",
      )
      .all(conversationId) as OutboxRow[]
  ).map(toEntry);
}

/** What a conversation's queued sends whose message is still pending add up to (none: null). */
export interface PendingSends {
  count: number;
  /** Latest queue time among them. */
  lastCreatedAt: string;
  /** The text of the last one in mutation-id order (the preview the row shows). */
  lastText: string;
  /** Whether any of them is a public reply (which clears the customer's wait). */
  anyReply: boolean;
}

/**
 * Summed in SQL rather than folded row by row: a drain re-derives every touched conversation on
 * each poke while up to thousands of its sends are queued, and walking them in JS (one message
 * lookup and one JSON parse each) made the drain quadratic. A send whose message is already
 * confirmed (the server's copy arrived before the ack) is left out, as the fold did. Kind and
 * text are read from the pending message, which was written from the same arguments.
 */
export function pendingSendsForConversation(db: Db, conversationId: string): PendingSends | null {
  const sends = (alias: string, message: string) =>
    `FROM outbox ${alias} JOIN messages ${message}
       ON ${message}.id = json_extract(${alias}.args, '$.messageId') AND ${message}.pending = 1
     WHERE ${alias}.record_kind = 'conversation' AND ${alias}.record_id = @conversationId
       AND ${alias}.name = 'message.send'`;
  // One statement: this runs inside every optimistic write, where each extra call shows.
  const row = db
    .prepare(
      `SELECT count(*) AS n, max(o.created_at) AS last_at, max(m.kind = 'text') AS any_reply,
              (SELECT lm.text ${sends('lo', 'lm')} ORDER BY lo.mutation_id DESC LIMIT 1) AS last_text
       ${sends('o', 'm')}`,
    )
    .get({ conversationId }) as {
    n: number;
    last_at: string | null;
    any_reply: number | null;
    last_text: string | null;
  };
  if (row.n === 0 || row.last_at === null || row.last_text === null) return null;
  return { count: row.n, lastCreatedAt: row.last_at, lastText: row.last_text, anyReply: row.any_reply === 1 };
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
