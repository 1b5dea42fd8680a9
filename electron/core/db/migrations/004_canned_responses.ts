/**
 * 004: the canned-response cache and composer drafts.
 * canned_responses keeps the server's snapshot (`server_json`, NULL once deleted, kept with its
 * seq so an older snapshot cannot resurrect it) and the row the user sees (`view_json` = server
 * snapshot + pending outbox writes, sync/cannedSync.ts). drafts survive switching conversations
 * and restarts; they are local only and never synced. contacts.attributes: a contact's custom
 * attributes (JSON object) for `{{contact.attributes.*}}`.
 */
import type { Migration } from './index';

export const migration004: Migration = {
  version: 4,
  name: 'canned_responses',
  up(db) {
    db.exec(`
      CREATE TABLE canned_responses (
        id TEXT PRIMARY KEY,
        server_json TEXT,
        view_json TEXT,
        pending INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE drafts (
        conversation_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        subject TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      ALTER TABLE contacts ADD COLUMN attributes TEXT;
    `);
  },
};
