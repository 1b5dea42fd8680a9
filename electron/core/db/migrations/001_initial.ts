/**
 * 001: the cache tables and the inbox indexes.
 *
 * conversations keeps two views of each row: the columns are what the UI shows (the server
 * snapshot with still-pending local mutations applied on top) and `server_snapshot` is the last
 * snapshot the server sent, so a rejected mutation can be rolled back without a round trip.
 * `priority_weight` and `waiting_order` are generated so the three inbox sorts have plain indexes
 * (waiting_order puts "nobody waiting" last).
 */
import type { Migration } from './index';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE teams (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE agents (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, role TEXT NOT NULL,
        team_ids TEXT NOT NULL, status TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE contacts (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT, phone TEXT,
        tier TEXT NOT NULL, identities TEXT NOT NULL, created_at TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        assignee_id TEXT,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        subject TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_message_at TEXT NOT NULL,
        last_message_preview TEXT NOT NULL,
        last_message_direction TEXT NOT NULL,
        waiting_since TEXT,
        message_count INTEGER NOT NULL,
        version INTEGER NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        read_at TEXT,
        server_snapshot TEXT NOT NULL,
        priority_weight INTEGER GENERATED ALWAYS AS (
          CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END
        ) VIRTUAL,
        waiting_order TEXT GENERATED ALWAYS AS (coalesce(waiting_since, '9999-12-31T23:59:59.999Z')) VIRTUAL
      );
      CREATE INDEX conversations_newest ON conversations (last_message_at DESC);
      CREATE INDEX conversations_waiting ON conversations (waiting_order);
      CREATE INDEX conversations_priority ON conversations (priority_weight DESC, waiting_order);
      CREATE INDEX conversations_assignee_newest ON conversations (assignee_id, last_message_at DESC);
      CREATE INDEX conversations_assignee_waiting ON conversations (assignee_id, waiting_order);
      CREATE INDEX conversations_assignee_priority ON conversations (assignee_id, priority_weight DESC, waiting_order);
      CREATE INDEX conversations_team_newest ON conversations (team_id, last_message_at DESC);
      CREATE INDEX conversations_team_waiting ON conversations (team_id, waiting_order);
      CREATE INDEX conversations_team_priority ON conversations (team_id, priority_weight DESC, waiting_order);
      CREATE INDEX conversations_status ON conversations (status, last_message_at DESC);
      CREATE INDEX conversations_channel ON conversations (channel, last_message_at DESC);
      CREATE INDEX conversations_priority_filter ON conversations (priority, last_message_at DESC);
      CREATE INDEX conversations_contact ON conversations (contact_id, last_message_at DESC);

      CREATE TABLE messages (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        direction TEXT NOT NULL,
        kind TEXT NOT NULL,
        author_type TEXT NOT NULL,
        author_id TEXT,
        text TEXT NOT NULL,
        subject TEXT,
        call TEXT,
        created_at TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        pending INTEGER NOT NULL DEFAULT 0,
        failed_reason TEXT
      );
      CREATE INDEX messages_thread ON messages (conversation_id, created_at, rid);

      CREATE TABLE outbox (
        mutation_id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        conversation_id TEXT,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued'
      );
      CREATE INDEX outbox_conversation ON outbox (conversation_id, mutation_id);
    `);
  },
};
