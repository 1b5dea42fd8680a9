/**
 * 009: where a conversation left the viewer's sight (`conversation_drops`: id → the seq of the
 * snapshot that took it away). Pokes of one flush reach a socket as separate frames, so an older
 * snapshot can arrive after the one that dropped the conversation; the drop's seq keeps it from
 * coming back (sync/apply.ts). Rows far behind the cursor are pruned as the cursor moves.
 */
import type { Migration } from './index';

export const migration009: Migration = {
  version: 9,
  name: 'conversation drops',
  up(db) {
    db.exec(`
      CREATE TABLE conversation_drops (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX conversation_drops_seq ON conversation_drops (seq);
    `);
  },
};
