/**
 * 007: classification and the bot in the cache. Conversations keep their issue-type tags (JSON
 * array, newest first) and the latest customer sentiment (label, strength, signed score), which
 * inbox rows and the conversation header show; messages keep their classification and the
 * structured detail of bot answers and bot/system events (both JSON, shared/nlu/insight.ts).
 * Columns only: snapshots from servers older than them leave the columns NULL.
 */
import type { Migration } from './index';

export const migration007: Migration = {
  version: 7,
  name: 'message_insight',
  up(db) {
    db.exec(`
      ALTER TABLE conversations ADD COLUMN issue_types TEXT;
      ALTER TABLE conversations ADD COLUMN sentiment_label TEXT;
      ALTER TABLE conversations ADD COLUMN sentiment_strength REAL;
      ALTER TABLE conversations ADD COLUMN sentiment_score REAL;
      ALTER TABLE messages ADD COLUMN insight TEXT;
      ALTER TABLE messages ADD COLUMN detail TEXT;
    `);
  },
};
