/**
 * The inbox read model: conversation rows joined with contact, assignee and team names, filtered
 * by scope × status × channel × priority and sorted four ways, each sort read off a page index of
 * migration 008 (the EXPLAIN QUERY PLAN tests hold this). Pages go by offset (jumps) or by keyset
 * cursor (scrolling). Only `?` parameters reach SQL.
 */
import { SwitchboardError } from '../../../../shared/contracts/errors';
import type { InboxPage, InboxQuery, InboxRow } from '../../../../shared/contracts/rpc';
import type { Viewer } from '../../../../shared/domain/visibility';
import type { Db } from '../database';
import { toConversation, type ConversationRow } from './conversations';
import { inboxTotal } from './inboxTotals';
import type { ConversationSlaRow } from './sla';

type InboxDbRow = ConversationRow & {
  contact_name: string | null;
  contact_tier: InboxRow['contactTier'] | null;
  assignee_name: string | null;
  team_name: string | null;
  unread: number;
};

// Named columns, not c.*: `server_snapshot` and `sla_events` are the largest values in a row and
// the list shows neither (reading them was most of a page's cost).
const CONVERSATION_COLUMNS = [
  'id',
  'channel',
  'contact_id',
  'team_id',
  'assignee_id',
  'status',
  'priority',
  'subject',
  'created_at',
  'updated_at',
  'last_message_at',
  'last_message_preview',
  'last_message_direction',
  'waiting_since',
  'message_count',
  'version',
  // Tags and sentiment (migration 007), small values the row shows.
  'issue_types',
  'sentiment_label',
  'sentiment_strength',
  'sentiment_score',
]
  .map((column) => `c.${column}`)
  .join(', ');

export const INBOX_ROW_SELECT = `
  SELECT ${CONVERSATION_COLUMNS}, c.rowid AS row_key, ct.name AS contact_name, ct.tier AS contact_tier, a.name AS assignee_name, t.name AS team_name,
    (c.last_message_direction = 'in' AND (c.read_at IS NULL OR c.read_at < c.last_message_at)) AS unread
  FROM conversations c
  LEFT JOIN contacts ct ON ct.id = c.contact_id
  LEFT JOIN agents a ON a.id = c.assignee_id
  LEFT JOIN teams t ON t.id = c.team_id`;

/**
 * Built by assignment, not by spreading a Conversation into a new literal. Measured on the
 * 100k-conversation bench cache, 1,000 first pages: with the spread, scavenges took 1,107 ms in
 * all (10–30 ms each, a few pages apart: the inbox's p95) and a page 3.2 ms; by assignment,
 * 27 ms and 1.1 ms.
 */
export function toInboxRow(row: InboxDbRow): InboxRow {
  const inboxRow = toConversation(row) as InboxRow;
  inboxRow.contactName = row.contact_name ?? '';
  inboxRow.contactTier = row.contact_tier ?? 'standard';
  inboxRow.assigneeName = row.assignee_name;
  inboxRow.teamName = row.team_name ?? '';
  inboxRow.unread = row.unread === 1;
  return inboxRow;
}

/**
 * Each sort is a key read in one direction: the sort column(s), then team, status, channel and
 * priority (ties), then rowid. That is exactly the order of migration 008's page indexes, so a page
 * is read straight off the index with no sort step, filters are tested on index entries, and the
 * key of a page's last row seeks the next page (`after`). Tie order is arbitrary but stable.
 */
const SORT_KEYS: Record<
  InboxQuery['sort'],
  { columns: readonly string[]; descending: boolean; index: string }
> = {
  newest: { columns: ['c.last_message_at'], descending: true, index: 'newest' },
  longestWaiting: { columns: ['c.waiting_order'], descending: false, index: 'waiting' },
  priority: { columns: ['c.priority_rank', 'c.waiting_order'], descending: false, index: 'priority' },
  dueSoonest: { columns: ['c.sla_due_order'], descending: false, index: 'sla_due' }, // migration 003
};
const TIE_COLUMNS = ['c.team_id', 'c.status', 'c.channel', 'c.priority'];

const keyColumns = (sort: InboxQuery['sort']) => [...SORT_KEYS[sort].columns, ...TIE_COLUMNS, 'c.rowid'];

function orderBy(sort: InboxQuery['sort']): string {
  const direction = SORT_KEYS[sort].descending ? ' DESC' : '';
  return keyColumns(sort)
    .map((column) => `${column}${direction}`)
    .join(', ');
}

type CursorValue = string | number;

/** The cursor names its sort so a cursor of another sort is refused rather than misread. */
export function encodeInboxCursor(sort: InboxQuery['sort'], key: readonly CursorValue[]): string {
  return JSON.stringify([sort, ...key]);
}

/** The key of an `after` cursor; a malformed or foreign cursor is a typed error, never SQL. */
export function decodeInboxCursor(sort: InboxQuery['sort'], cursor: string): CursorValue[] {
  const invalid = () => new SwitchboardError('invalid', 'The inbox cursor does not belong to this list.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    throw invalid();
  }
  const length = keyColumns(sort).length;
  if (!Array.isArray(parsed) || parsed.length !== length + 1 || parsed[0] !== sort) throw invalid();
  const key = parsed.slice(1) as unknown[];
  const valid = key.every(
    (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)),
  );
  if (!valid || !Number.isSafeInteger(key[length - 1])) throw invalid();
  return key as CursorValue[];
}

/** How far ahead "breaching within 30 min" looks; already breached ones are included. */
export const BREACHING_WITHIN_MS = 30 * 60_000;

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** WHERE clause and parameters for a query; exported so the plan tests inspect the same SQL. */
export function inboxWhere(
  query: InboxQuery,
  viewer: Viewer,
  options: { filtersUseIndexes?: boolean } = {},
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  switch (query.scope) {
    case 'mine':
      clauses.push('c.assignee_id = ?');
      params.push(viewer.id);
      break;
    case 'unassigned':
      clauses.push('c.assignee_id IS NULL');
      break;
    case 'myTeams':
      if (viewer.teamIds.length === 0) clauses.push('0');
      else {
        // Several teams cannot be read in one sorted index range; for a page it is cheaper to walk
        // the global page index (which carries team_id) and filter, since the cache holds little
        // beyond the viewer's teams.
        clauses.push(
          `${options.filtersUseIndexes === false ? '+' : ''}c.team_id IN (${placeholders(viewer.teamIds)})`,
        );
        params.push(...viewer.teamIds);
      }
      break;
    case 'all':
      break; // the cache holds only what the viewer may see
  }
  const filters: [string, readonly string[] | undefined][] = [
    ['c.status', query.statuses],
    ['c.channel', query.channels],
    ['c.priority', query.priorities],
  ];
  // For a page of rows the filters are written `+c.status IN (…)` so SQLite cannot pick a filter's
  // index and then sort every match: it walks the scope/sort index in order, tests the filter on
  // the index entry and stops after one page. The count keeps the indexable form (it must visit
  // every match anyway).
  const prefix = options.filtersUseIndexes === false ? '+' : '';
  for (const [column, values] of filters) {
    if (!values || values.length === 0) continue;
    clauses.push(`${prefix}${column} IN (${placeholders(values)})`);
    params.push(...values);
  }
  if (query.slaFilter === 'breachingWithin30m') {
    clauses.push('c.sla_due_order <= ?');
    params.push(new Date(Date.now() + BREACHING_WITHIN_MS).toISOString());
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The page statement (`rows`: rowids and sort keys only, read from the page index) and the count
 * (`total`). `params` bind both; a page statement with `after` binds `pageParams` (its key
 * follows), then LIMIT and OFFSET.
 */
export function inboxSql(
  query: InboxQuery,
  viewer: Viewer,
): { rows: string; total: string; params: unknown[]; pageParams: unknown[] } {
  const page = inboxWhere(query, viewer, { filtersUseIndexes: false });
  const count = inboxWhere(query, viewer);
  const sort = SORT_KEYS[query.sort];
  const columns = keyColumns(query.sort);
  let where = page.where;
  const pageParams = [...page.params];
  if (query.after !== undefined) {
    // One row-value comparison over the whole index key: SQLite seeks straight to it.
    const keyset = `(${columns.join(', ')}) ${sort.descending ? '<' : '>'} (${placeholders(columns)})`;
    where = where ? `${where} AND ${keyset}` : `WHERE ${keyset}`;
    pageParams.push(...decodeInboxCursor(query.sort, query.after));
  }
  // Mine / unassigned read the (assignee, sort) index; the other scopes the global one. Named
  // explicitly because the planner, without statistics, may prefer an index that only serves
  // the count.
  const index =
    query.scope === 'mine' || query.scope === 'unassigned'
      ? `conversations_page_assignee_${sort.index}`
      : `conversations_page_${sort.index}`;
  const keys = columns.map((column, i) => `${column} AS k${i}`).join(', ');
  return {
    rows: `SELECT ${keys} FROM conversations c INDEXED BY ${index} ${where} ORDER BY ${orderBy(query.sort)} LIMIT ? OFFSET ?`,
    // The SLA chip depends on the clock, so only it counts conversations; every other total is a
    // sum over the trigger-kept groups of migration 010 (same column names, same WHERE).
    total:
      query.slaFilter === undefined
        ? `SELECT coalesce(sum(c.n), 0) AS total FROM inbox_counts c ${count.where}`
        : `SELECT count(*) AS total FROM conversations c ${count.where}`,
    params: page.params, // both forms bind the same parameters in the same order
    pageParams,
  };
}

// The page's rows with what their SLA clocks need, so the clocks cost no second query.
const ROWS_BY_ROWID = `${INBOX_ROW_SELECT.replace(
  ', c.rowid AS row_key,',
  ', c.rowid AS row_key, c.sla_policy_id, c.sla_events,',
)} WHERE c.rowid IN (SELECT value FROM json_each(?))`;

type PageKeyRow = Record<`k${number}`, CursorValue>;
type PageDbRow = InboxDbRow & { row_key: number; sla_policy_id: string | null; sla_events: string | null };

export function listInbox(db: Db, query: InboxQuery, viewer: Viewer): InboxPage {
  return listInboxWithSla(db, query, viewer).page;
}

/** A page and, per row, the SLA inputs (`ConversationSlaRow`) read with it. */
export function listInboxWithSla(
  db: Db,
  query: InboxQuery,
  viewer: Viewer,
): { page: InboxPage; sla: ConversationSlaRow[] } {
  const sql = inboxSql(query, viewer);
  const keys = db.prepare(sql.rows).all(...sql.pageParams, query.limit, query.offset) as PageKeyRow[];
  const width = keyColumns(query.sort).length;
  const keyOf = (row: PageKeyRow) => Array.from({ length: width }, (_, i) => row[`k${i}`]!);
  const rowids = keys.map((row) => row[`k${width - 1}`]);
  // The page's rows (and their joins) are read only now, for the ≤ limit rowids the index gave:
  // an OFFSET therefore skips index entries, never joined rows.
  const fetched = db.prepare(ROWS_BY_ROWID).all(JSON.stringify(rowids)) as PageDbRow[];
  const byRowid = new Map(fetched.map((row) => [row.row_key, row]));
  const ordered = rowids.flatMap((rowid) => byRowid.get(rowid as number) ?? []);
  const last = keys.at(-1);
  const page: InboxPage = {
    total: inboxTotal(db, sql.total, sql.params, query.slaFilter === undefined),
    rows: ordered.map(toInboxRow),
    ...(last ? { next: encodeInboxCursor(query.sort, keyOf(last)) } : {}),
  };
  const sla = ordered.map((row) => ({
    id: row.id,
    priority: row.priority,
    channel: row.channel,
    team_id: row.team_id,
    tier: row.contact_tier,
    sla_policy_id: row.sla_policy_id,
    sla_events: row.sla_events,
  }));
  return { page, sla };
}

export function getInboxRow(db: Db, conversationId: string): InboxRow | null {
  const row = db.prepare(`${INBOX_ROW_SELECT} WHERE c.id = ?`).get(conversationId) as InboxDbRow | undefined;
  return row ? toInboxRow(row) : null;
}

/** The contact's other conversations, newest first (the "past conversations" panel). */
export function contactConversations(
  db: Db,
  contactId: string,
  excludeId: string,
  limit: number,
): InboxRow[] {
  const rows = db
    .prepare(
      `${INBOX_ROW_SELECT} WHERE c.contact_id = ? AND c.id <> ? ORDER BY c.last_message_at DESC LIMIT ?`,
    )
    .all(contactId, excludeId, limit) as InboxDbRow[];
  return rows.map(toInboxRow);
}

/** Conversations of the given contacts, newest first (search hits on a contact). */
export function conversationsOfContacts(db: Db, contactIds: readonly string[], limit: number): InboxRow[] {
  if (contactIds.length === 0) return [];
  const rows = db
    .prepare(
      `${INBOX_ROW_SELECT} WHERE c.contact_id IN (${placeholders(contactIds)}) ORDER BY c.last_message_at DESC LIMIT ?`,
    )
    .all(...contactIds, limit) as InboxDbRow[];
  return rows.map(toInboxRow);
}
