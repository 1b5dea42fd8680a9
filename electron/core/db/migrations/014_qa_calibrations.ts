/**
 * 014: calibration sessions in the cache: each session the viewer received (a lead: every one of
 * their teams; a reviewer: the ones they have submitted their scores to), as the server sent it.
 */
import type { Migration } from './index';

export const migration014: Migration = {
  version: 14,
  name: 'calibration sessions',
  up(db) {
    db.exec(`
      CREATE TABLE qa_calibrations (
        id TEXT PRIMARY KEY,
        server_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE INDEX qa_calibrations_list ON qa_calibrations (created_at DESC);
    `);
  },
};
