/**
 * 011: indexes that nothing reads any more. Inbox totals come from `inbox_counts` (010), so the
 * count indexes of 005/008 for the team and `all` scopes go, and so do 001's channel and priority
 * filter indexes, which the page indexes of 008 replaced. Every conversation write paid for each
 * of them: an optimistic reply updates `last_message_at` and friends, and each index holding one
 * of those columns is rewritten in the same transaction. `conversations_assignee_filters` stays:
 * the agent's held load (presence) and the leads' queues read it.
 */
import type { Migration } from './index';

export const DROPPED_BY_011 = [
  'conversations_filters',
  'conversations_team_filters',
  'conversations_channel',
  'conversations_priority_filter',
] as const;

export const migration011: Migration = {
  version: 11,
  name: 'fewer conversation indexes',
  up(db) {
    for (const name of DROPPED_BY_011) db.exec(`DROP INDEX IF EXISTS ${name}`);
  },
};
