/** Canned-response cache rows and composer drafts. */
import type { CannedResponse } from '../../../../shared/canned/model';
import type { Db } from '../database';

interface CannedRow {
  id: string;
  server_json: string | null;
  view_json: string | null;
  pending: number;
  seq: number;
}

export interface CannedView {
  response: CannedResponse;
  pending: boolean;
}

/** Store the server's snapshot (null = deleted) unless a newer change already did; true if written. */
export function setServerCanned(db: Db, id: string, response: CannedResponse | null, seq: number): boolean {
  const result = db
    .prepare(
      `INSERT INTO canned_responses (id, server_json, view_json, seq) VALUES (@id, @json, @json, @seq)
       ON CONFLICT (id) DO UPDATE SET server_json = excluded.server_json, seq = excluded.seq
       WHERE excluded.seq >= canned_responses.seq`,
    )
    .run({ id, json: response ? JSON.stringify(response) : null, seq });
  return result.changes > 0;
}

export function getServerCanned(db: Db, id: string): CannedResponse | null {
  const row = db.prepare('SELECT server_json FROM canned_responses WHERE id = ?').get(id) as
    Pick<CannedRow, 'server_json'> | undefined;
  return row?.server_json ? (JSON.parse(row.server_json) as CannedResponse) : null;
}

export function writeCannedView(db: Db, id: string, view: CannedResponse | null, pending: boolean): void {
  db.prepare(
    `INSERT INTO canned_responses (id, server_json, view_json, pending, seq) VALUES (@id, NULL, @view, @pending, 0)
     ON CONFLICT (id) DO UPDATE SET view_json = excluded.view_json, pending = excluded.pending`,
  ).run({ id, view: view ? JSON.stringify(view) : null, pending: pending ? 1 : 0 });
}

export function listCannedViews(db: Db): CannedView[] {
  const rows = db
    .prepare('SELECT view_json, pending FROM canned_responses WHERE view_json IS NOT NULL')
    .all() as Pick<CannedRow, 'view_json' | 'pending'>[];
  return rows.map((row) => ({
    response: JSON.parse(row.view_json!) as CannedResponse,
    pending: row.pending === 1,
  }));
}

export function getCannedView(db: Db, id: string): CannedView | null {
  const row = db.prepare('SELECT view_json, pending FROM canned_responses WHERE id = ?').get(id) as
    Pick<CannedRow, 'view_json' | 'pending'> | undefined;
  return row?.view_json
    ? { response: JSON.parse(row.view_json) as CannedResponse, pending: row.pending === 1 }
    : null;
}

export interface Draft {
  text: string;
  subject: string;
  updatedAt: string;
}

export function getDraft(db: Db, conversationId: string): Draft | null {
  const row = db
    .prepare('SELECT text, subject, updated_at FROM drafts WHERE conversation_id = ?')
    .get(conversationId) as { text: string; subject: string; updated_at: string } | undefined;
  return row ? { text: row.text, subject: row.subject, updatedAt: row.updated_at } : null;
}

/** An empty draft is no draft: the row goes. */
export function saveDraft(db: Db, conversationId: string, draft: Draft): void {
  if (draft.text === '' && draft.subject === '') {
    db.prepare('DELETE FROM drafts WHERE conversation_id = ?').run(conversationId);
    return;
  }
  db.prepare(
    `INSERT INTO drafts (conversation_id, text, subject, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (conversation_id) DO UPDATE SET text = excluded.text, subject = excluded.subject,
       updated_at = excluded.updated_at`,
  ).run(conversationId, draft.text, draft.subject, draft.updatedAt);
}

/** The customer's latest message text in a conversation (what suggestions answer), if any. */
export function lastCustomerMessage(db: Db, conversationId: string): string | null {
  const row = db
    .prepare(
      `SELECT text FROM messages WHERE conversation_id = ? AND direction = 'in' AND kind IN ('text', 'email', 'call')
       ORDER BY created_at DESC, rid DESC LIMIT 1`,
    )
    .get(conversationId) as { text: string } | undefined;
  return row?.text ?? null;
}
