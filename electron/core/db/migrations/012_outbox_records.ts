/**
 * 012: the outbox files each mutation under a typed record key (`record_kind`, `record_id`)
 * instead of a `conversation_id` that also carried `canned:<id>` and `alert:<id>`. Existing rows
 * move: those two prefixes become their kind, any other id a conversation, and a row with no key
 * (presence) keeps none. The index follows the key.
 */
import type { Migration } from './index';

export const migration012: Migration = {
  version: 12,
  name: 'outbox record keys',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN record_kind TEXT;
      ALTER TABLE outbox ADD COLUMN record_id TEXT;
      UPDATE outbox SET
        record_kind = CASE
          WHEN conversation_id IS NULL THEN NULL
          WHEN conversation_id LIKE 'canned:%' THEN 'canned'
          WHEN conversation_id LIKE 'alert:%' THEN 'alert'
          ELSE 'conversation' END,
        record_id = CASE
          WHEN conversation_id LIKE 'canned:%' THEN substr(conversation_id, 8)
          WHEN conversation_id LIKE 'alert:%' THEN substr(conversation_id, 7)
          ELSE conversation_id END;
      DROP INDEX outbox_conversation;
      ALTER TABLE outbox DROP COLUMN conversation_id;
      CREATE INDEX outbox_record ON outbox (record_kind, record_id, mutation_id);
    `);
  },
};
