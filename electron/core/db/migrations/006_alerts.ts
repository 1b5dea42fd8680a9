/**
 * 006: alerts a lead or admin received (`alert.created` / `alert.updated`). `server_json` is the
 * server's snapshot (kept with its seq so an older one never overwrites a newer one); the
 * acknowledgement columns are the view = snapshot + a pending local acknowledgement
 * (sync/alertSync.ts). `acknowledged` (0/1) leads the list index so "unacknowledged first, newest
 * first" and the unacknowledged count are read from the index alone.
 */
import type { Migration } from './index';

export const migration006: Migration = {
  version: 6,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alerts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        server_json TEXT NOT NULL,
        seq INTEGER NOT NULL,
        acknowledged INTEGER NOT NULL DEFAULT 0,
        acknowledged_at TEXT,
        acknowledged_by TEXT,
        pending INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX alerts_list ON alerts (acknowledged, created_at DESC);
    `);
  },
};
