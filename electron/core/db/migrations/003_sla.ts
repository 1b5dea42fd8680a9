/**
 * 003: SLA. The policies and calendars the server sent (one row each, replaced whole, seq-guarded)
 * and, per conversation, the matched policy, the SLA events from the server snapshot and
 * `sla_next_due_at`, the earliest due instant of a counting target, computed by the core when it
 * applies changes. `sla_due_order` puts "nothing due" last so the "due soonest" sort and the
 * "breaching within 30 min" filter are plain index scans.
 */
import type { Migration } from './index';

export const migration003: Migration = {
  version: 3,
  name: 'sla',
  up(db) {
    db.exec(`
      CREATE TABLE sla_config (kind TEXT PRIMARY KEY, data TEXT NOT NULL, seq INTEGER NOT NULL);

      ALTER TABLE conversations ADD COLUMN sla_policy_id TEXT;
      ALTER TABLE conversations ADD COLUMN sla_events TEXT;
      ALTER TABLE conversations ADD COLUMN sla_next_due_at TEXT;
      ALTER TABLE conversations ADD COLUMN sla_due_order TEXT
        GENERATED ALWAYS AS (coalesce(sla_next_due_at, '9999-12-31T23:59:59.999Z')) VIRTUAL;
      CREATE INDEX conversations_sla_due ON conversations (sla_due_order);
      CREATE INDEX conversations_assignee_sla_due ON conversations (assignee_id, sla_due_order);
      CREATE INDEX conversations_team_sla_due ON conversations (team_id, sla_due_order);
    `);
  },
};
