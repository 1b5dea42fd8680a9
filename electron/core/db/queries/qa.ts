/** Quality-review cache rows (migration 013): scorecard versions, assignments with their transcripts, reviews, drafts. */
import type { QaAssignment, QaDraft, QaTranscript } from '../../../../shared/contracts/qa';
import type { Review, Scorecard } from '../../../../shared/qa/model';
import type { Db } from '../database';

/** Store a scorecard version unless a newer change already did; true if written. */
export function upsertScorecard(db: Db, card: Scorecard, seq: number): boolean {
  return (
    db
      .prepare(
        `INSERT INTO qa_scorecards (id, version, server_json, seq) VALUES (@id, @version, @json, @seq)
         ON CONFLICT (id, version) DO UPDATE SET server_json = excluded.server_json, seq = excluded.seq
         WHERE excluded.seq >= qa_scorecards.seq`,
      )
      .run({ id: card.id, version: card.version, json: JSON.stringify(card), seq }).changes > 0
  );
}

export function getScorecard(db: Db, id: string, version: number): Scorecard | null {
  const row = db
    .prepare('SELECT server_json FROM qa_scorecards WHERE id = ? AND version = ?')
    .get(id, version) as { server_json: string } | undefined;
  return row ? (JSON.parse(row.server_json) as Scorecard) : null;
}

/** The newest version of every scorecard. */
export function listLatestScorecards(db: Db): Scorecard[] {
  const rows = db
    .prepare(
      `SELECT server_json FROM qa_scorecards s
       WHERE version = (SELECT MAX(version) FROM qa_scorecards WHERE id = s.id)
       ORDER BY id`,
    )
    .all() as { server_json: string }[];
  return rows.map((row) => JSON.parse(row.server_json) as Scorecard);
}

export interface CachedAssignment {
  assignment: QaAssignment;
  transcript: QaTranscript | null;
}

/** Store an assignment's snapshot (keeping the transcript it first carried) unless a newer change did. */
export function setServerAssignment(
  db: Db,
  assignment: QaAssignment,
  transcript: QaTranscript | null,
  seq: number,
): boolean {
  return (
    db
      .prepare(
        `INSERT INTO qa_assignments (id, conversation_id, server_json, transcript_json, status, created_at, seq)
         VALUES (@id, @conversationId, @json, @transcript, @status, @createdAt, @seq)
         ON CONFLICT (id) DO UPDATE SET server_json = excluded.server_json,
           transcript_json = COALESCE(excluded.transcript_json, qa_assignments.transcript_json), seq = excluded.seq
         WHERE excluded.seq >= qa_assignments.seq`,
      )
      .run({
        id: assignment.id,
        conversationId: assignment.conversationId,
        json: JSON.stringify(assignment),
        transcript: transcript ? JSON.stringify(transcript) : null,
        status: assignment.status,
        createdAt: assignment.createdAt,
        seq,
      }).changes > 0
  );
}

export function getCachedAssignment(db: Db, id: string): CachedAssignment | null {
  const row = db.prepare('SELECT server_json, transcript_json FROM qa_assignments WHERE id = ?').get(id) as
    { server_json: string; transcript_json: string | null } | undefined;
  if (!row) return null;
  return {
    assignment: JSON.parse(row.server_json) as QaAssignment,
    transcript: row.transcript_json ? (JSON.parse(row.transcript_json) as QaTranscript) : null,
  };
}

/** The status the screens show (the snapshot's, or what a pending skip or submit made it). */
export function writeAssignmentView(
  db: Db,
  id: string,
  status: QaAssignment['status'],
  pending: boolean,
): void {
  db.prepare('UPDATE qa_assignments SET status = ?, pending = ? WHERE id = ?').run(
    status,
    pending ? 1 : 0,
    id,
  );
}

export interface AssignmentListRow {
  assignment: QaAssignment;
  status: QaAssignment['status'];
  pending: boolean;
  channel: string | null;
  subject: string | null;
  contactName: string | null;
  lastMessageAt: string | null;
  messageCount: number;
}

/** Assignments, oldest first (the order a sample is worked in), optionally of one status. */
export function listAssignments(db: Db, status?: QaAssignment['status']): AssignmentListRow[] {
  const rows = db
    .prepare(
      `SELECT server_json, status, pending,
         json_extract(transcript_json, '$.conversation.channel') AS channel,
         json_extract(transcript_json, '$.conversation.subject') AS subject,
         json_extract(transcript_json, '$.contact.name') AS contact_name,
         json_extract(transcript_json, '$.conversation.lastMessageAt') AS last_message_at,
         json_array_length(transcript_json, '$.messages') AS message_count
       FROM qa_assignments ${status ? 'WHERE status = @status' : ''}
       ORDER BY created_at, id`,
    )
    .all(status ? { status } : {}) as {
    server_json: string;
    status: QaAssignment['status'];
    pending: number;
    channel: string | null;
    subject: string | null;
    contact_name: string | null;
    last_message_at: string | null;
    message_count: number | null;
  }[];
  return rows.map((row) => ({
    assignment: JSON.parse(row.server_json) as QaAssignment,
    status: row.status,
    pending: row.pending === 1,
    channel: row.channel,
    subject: row.subject,
    contactName: row.contact_name,
    lastMessageAt: row.last_message_at,
    messageCount: row.message_count ?? 0,
  }));
}

export function setServerReview(db: Db, review: Review, seq: number): boolean {
  return (
    db
      .prepare(
        `INSERT INTO qa_reviews (id, conversation_id, assignment_id, server_json, view_json, submitted_at, seq)
         VALUES (@id, @conversationId, @assignmentId, @json, @json, @submittedAt, @seq)
         ON CONFLICT (id) DO UPDATE SET server_json = excluded.server_json, assignment_id = excluded.assignment_id,
           seq = excluded.seq
         WHERE excluded.seq >= qa_reviews.seq`,
      )
      .run({
        id: review.id,
        conversationId: review.conversationId,
        assignmentId: review.assignmentId,
        json: JSON.stringify(review),
        submittedAt: review.submittedAt,
        seq,
      }).changes > 0
  );
}

/** The assignment a cached review (server's or local) finishes, if any. */
export function reviewAssignmentId(db: Db, id: string): string | null {
  const row = db.prepare('SELECT assignment_id FROM qa_reviews WHERE id = ?').get(id) as
    { assignment_id: string | null } | undefined;
  return row?.assignment_id ?? null;
}

export function getServerReview(db: Db, id: string): Review | null {
  const row = db.prepare('SELECT server_json FROM qa_reviews WHERE id = ?').get(id) as
    { server_json: string | null } | undefined;
  return row?.server_json ? (JSON.parse(row.server_json) as Review) : null;
}

/** What the screens show of a review; null removes a local review that never reached the server. */
export function writeReviewView(db: Db, id: string, view: Review | null, pending: boolean): void {
  if (!view) {
    db.prepare('DELETE FROM qa_reviews WHERE id = ? AND server_json IS NULL').run(id);
    return;
  }
  db.prepare(
    `INSERT INTO qa_reviews (id, conversation_id, assignment_id, view_json, submitted_at, pending)
     VALUES (@id, @conversationId, @assignmentId, @view, @submittedAt, @pending)
     ON CONFLICT (id) DO UPDATE SET view_json = excluded.view_json, pending = excluded.pending,
       submitted_at = excluded.submitted_at`,
  ).run({
    id,
    conversationId: view.conversationId,
    assignmentId: view.assignmentId,
    view: JSON.stringify(view),
    submittedAt: view.submittedAt,
    pending: pending ? 1 : 0,
  });
}

export interface ReviewView {
  review: Review;
  pending: boolean;
}

export function reviewView(db: Db, id: string): Review | null {
  const row = db.prepare('SELECT view_json FROM qa_reviews WHERE id = ?').get(id) as
    { view_json: string | null } | undefined;
  return row?.view_json ? (JSON.parse(row.view_json) as Review) : null;
}

export function getReviewView(db: Db, id: string): ReviewView | null {
  const row = db
    .prepare('SELECT view_json, pending FROM qa_reviews WHERE id = ? AND view_json IS NOT NULL')
    .get(id) as { view_json: string; pending: number } | undefined;
  return row ? { review: JSON.parse(row.view_json) as Review, pending: row.pending === 1 } : null;
}

export function reviewForAssignment(db: Db, assignmentId: string): ReviewView | null {
  const row = db
    .prepare('SELECT view_json, pending FROM qa_reviews WHERE assignment_id = ? AND view_json IS NOT NULL')
    .get(assignmentId) as { view_json: string; pending: number } | undefined;
  return row ? { review: JSON.parse(row.view_json) as Review, pending: row.pending === 1 } : null;
}

/** Reviews the viewer holds, newest first. */
export function listReviews(db: Db, limit: number): ReviewView[] {
  const rows = db
    .prepare(
      'SELECT view_json, pending FROM qa_reviews WHERE view_json IS NOT NULL ORDER BY submitted_at DESC, id LIMIT ?',
    )
    .all(limit) as { view_json: string; pending: number }[];
  return rows.map((row) => ({ review: JSON.parse(row.view_json) as Review, pending: row.pending === 1 }));
}

export function getDraft(db: Db, assignmentId: string): (QaDraft & { updatedAt: string }) | null {
  const row = db
    .prepare('SELECT draft_json, updated_at FROM qa_drafts WHERE assignment_id = ?')
    .get(assignmentId) as { draft_json: string; updated_at: string } | undefined;
  return row ? { ...(JSON.parse(row.draft_json) as QaDraft), updatedAt: row.updated_at } : null;
}

export function saveDraft(db: Db, assignmentId: string, draft: QaDraft, at: string): void {
  db.prepare(
    `INSERT INTO qa_drafts (assignment_id, draft_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (assignment_id) DO UPDATE SET draft_json = excluded.draft_json, updated_at = excluded.updated_at`,
  ).run(assignmentId, JSON.stringify(draft), at);
}

export function deleteDraft(db: Db, assignmentId: string): void {
  db.prepare('DELETE FROM qa_drafts WHERE assignment_id = ?').run(assignmentId);
}
