/**
 * 002: full-text search. Trigram tokenizers because Chinese has no spaces between words (queries
 * of three or more characters; shorter ones use a bounded LIKE scan). Both tables are
 * external-content over the base tables' integer `rid`, kept in step by triggers, and rebuilt
 * here so a cache that already holds rows becomes searchable.
 */
import type { Migration } from './index';

export const migration002: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        text, subject, content='messages', content_rowid='rid', tokenize='trigram'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, text, subject) VALUES (new.rid, new.text, new.subject);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text, subject) VALUES ('delete', old.rid, old.text, old.subject);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, subject ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, text, subject) VALUES ('delete', old.rid, old.text, old.subject);
        INSERT INTO messages_fts (rowid, text, subject) VALUES (new.rid, new.text, new.subject);
      END;
      INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

      CREATE VIRTUAL TABLE contacts_fts USING fts5(
        name, email, phone, content='contacts', content_rowid='rid', tokenize='trigram'
      );
      CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts (rowid, name, email, phone) VALUES (new.rid, new.name, new.email, new.phone);
      END;
      CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, name, email, phone)
          VALUES ('delete', old.rid, old.name, old.email, old.phone);
      END;
      CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, email, phone ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, name, email, phone)
          VALUES ('delete', old.rid, old.name, old.email, old.phone);
        INSERT INTO contacts_fts (rowid, name, email, phone) VALUES (new.rid, new.name, new.email, new.phone);
      END;
      INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
    `);
  },
};
