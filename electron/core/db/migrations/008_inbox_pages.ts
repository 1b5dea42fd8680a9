/**
 * 008: inbox pages read inside one index.
 *
 * The sort indexes of 001/003 held only the sort key, so a filtered page (status, channel,
 * priority) visited the table row of every index entry it walked to test the filter: 50–150 ms
 * for a selective filter on a 100k-conversation cache. Each sort now has one index per scope
 * kind (global, per assignee) that carries the filter columns after the sort key, so filters are
 * tested on index entries and only the page's own rows are read from the table. Index order is
 * also the page order (sort key, then team, status, channel, priority, rowid, all in the sort's
 * direction), which makes a keyset ("after this row") page one index seek.
 *
 * The "priority" sort mixed directions (priority high→low, wait old→new); `priority_rank`
 * (urgent = 0) turns it into one direction so its keyset is a single row-value comparison.
 * The per-team sort indexes go: a team page walks the global index (the cache holds little
 * beyond the viewer's teams) and team counts use 005's index. Net: 12 sort indexes become 8,
 * so writes touch fewer indexes than before. `conversations_filters` answers the `all` scope's
 * total for any filter chip combination from the index alone; it supersedes `conversations_status`.
 */
import type { Migration } from './index';

const SORTS = {
  newest: 'last_message_at',
  waiting: 'waiting_order',
  priority: 'priority_rank, waiting_order',
  sla_due: 'sla_due_order',
} as const;

const FILTER_COLUMNS = 'team_id, status, channel, priority';

export const migration008: Migration = {
  version: 8,
  name: 'inbox_pages',
  up(db) {
    const dropped = [
      'conversations_newest',
      'conversations_waiting',
      'conversations_priority',
      'conversations_sla_due',
      'conversations_assignee_newest',
      'conversations_assignee_waiting',
      'conversations_assignee_priority',
      'conversations_assignee_sla_due',
      'conversations_team_newest',
      'conversations_team_waiting',
      'conversations_team_priority',
      'conversations_team_sla_due',
      'conversations_status',
    ];
    for (const name of dropped) db.exec(`DROP INDEX IF EXISTS ${name}`);
    db.exec(`
      ALTER TABLE conversations ADD COLUMN priority_rank INTEGER GENERATED ALWAYS AS (
        CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END
      ) VIRTUAL;
      CREATE INDEX conversations_filters ON conversations (status, channel, priority);
    `);
    for (const [sort, columns] of Object.entries(SORTS)) {
      db.exec(`
        CREATE INDEX conversations_page_${sort} ON conversations (${columns}, ${FILTER_COLUMNS});
        CREATE INDEX conversations_page_assignee_${sort} ON conversations (assignee_id, ${columns}, ${FILTER_COLUMNS});
      `);
    }
  },
};
