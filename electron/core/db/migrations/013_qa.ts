/**
 * 013: quality review in the cache. Every scorecard version the viewer received (a review shows
 * the version it was scored on); the reviewer's assignments with the transcript each carried, so
 * a day's sample can be worked offline; reviews (the server's snapshot, or a submitted one still
 * in the outbox: `view_json` = what the screens show, sync/qaSync.ts); and review drafts, which
 * never leave this machine until submitted.
 */
import type { Migration } from './index';

export const migration013: Migration = {
  version: 13,
  name: 'quality review',
  up(db) {
    db.exec(`
      CREATE TABLE qa_scorecards (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        server_json TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (id, version)
      );
      CREATE TABLE qa_assignments (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        server_json TEXT NOT NULL,
        transcript_json TEXT,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL
      );
      CREATE INDEX qa_assignments_list ON qa_assignments (status, created_at);
      CREATE TABLE qa_reviews (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        assignment_id TEXT,
        server_json TEXT,
        view_json TEXT,
        submitted_at TEXT,
        pending INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX qa_reviews_list ON qa_reviews (submitted_at DESC) WHERE view_json IS NOT NULL;
      CREATE INDEX qa_reviews_assignment ON qa_reviews (assignment_id) WHERE assignment_id IS NOT NULL;
      CREATE TABLE qa_drafts (
        assignment_id TEXT PRIMARY KEY,
        draft_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
