/**
 * The inbox read model: conversation rows joined with contact, assignee and team names, filtered
 * by scope × status × channel × priority and sorted three ways, each sort backed by an index of
 * migration 001 (the EXPLAIN QUERY PLAN tests hold this). Only `?` parameters reach SQL.
 */
import type { InboxPage, InboxQuery, InboxRow } from '../../../../shared/contracts/rpc';
import type { Viewer } from '../../../../shared/domain/visibility';
import type { Db } from '../database';
import { toConversation, type ConversationRow } from './conversations';

type InboxDbRow = ConversationRow & {
  contact_name: string | null;
  contact_tier: InboxRow['contactTier'] | null;
  assignee_name: string | null;
  team_name: string | null;
  unread: number;
};

export const INBOX_ROW_SELECT = `
  SELECT c.*, ct.name AS contact_name, ct.tier AS contact_tier, a.name AS assignee_name, t.name AS team_name,
    (c.last_message_direction = 'in' AND (c.read_at IS NULL OR c.read_at < c.last_message_at)) AS unread
  FROM conversations c
  LEFT JOIN contacts ct ON ct.id = c.contact_id
  LEFT JOIN agents a ON a.id = c.assignee_id
  LEFT JOIN teams t ON t.id = c.team_id`;

export function toInboxRow(row: InboxDbRow): InboxRow {
  return {
    ...toConversation(row),
    contactName: row.contact_name ?? '',
    contactTier: row.contact_tier ?? 'standard',
    assigneeName: row.assignee_name,
    teamName: row.team_name ?? '',
    unread: row.unread === 1,
  };
}

// Ties break on rowid in the direction the sort index already stores it, so a page is read
// straight off the index with no sort step (an `id` tie-break made SQLite sort every tie: with
// most rows sharing a null SLA due, that was every row).
const ORDER_BY: Record<InboxQuery['sort'], string> = {
  newest: 'c.last_message_at DESC, c.rowid ASC',
  longestWaiting: 'c.waiting_order ASC, c.rowid ASC',
  priority: 'c.priority_weight DESC, c.waiting_order ASC, c.rowid ASC',
  dueSoonest: 'c.sla_due_order ASC, c.rowid ASC', // migration 003
};

const ASSIGNEE_SORT_INDEX: Record<InboxQuery['sort'], string> = {
  newest: 'conversations_assignee_newest',
  longestWaiting: 'conversations_assignee_waiting',
  priority: 'conversations_assignee_priority',
  dueSoonest: 'conversations_assignee_sla_due',
};

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
        // the sort index and filter, since the cache holds little beyond the viewer's teams.
        clauses.push(`${options.filtersUseIndexes === false ? '+' : ''}c.team_id IN (${placeholders(viewer.teamIds)})`);
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
  // index and then sort every match: it walks the scope/sort index in order and stops after one
  // page. The count keeps the indexable form (it must visit every match anyway).
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

export function inboxSql(
  query: InboxQuery,
  viewer: Viewer,
): { rows: string; total: string; params: unknown[] } {
  const page = inboxWhere(query, viewer, { filtersUseIndexes: false });
  const count = inboxWhere(query, viewer);
  // Mine / unassigned: the (assignee, sort) index reads one page in order. Named explicitly because
  // the planner, without statistics, may prefer (assignee, status), which serves only the count.
  const select =
    query.scope === 'mine' || query.scope === 'unassigned'
      ? INBOX_ROW_SELECT.replace('FROM conversations c', `FROM conversations c INDEXED BY ${ASSIGNEE_SORT_INDEX[query.sort]}`)
      : INBOX_ROW_SELECT;
  return {
    rows: `${select} ${page.where} ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`,
    total: `SELECT count(*) AS total FROM conversations c ${count.where}`,
    params: page.params, // both forms bind the same parameters in the same order
  };
}

export function listInbox(db: Db, query: InboxQuery, viewer: Viewer): InboxPage {
  const sql = inboxSql(query, viewer);
  const rows = db.prepare(sql.rows).all(...sql.params, query.limit, query.offset) as InboxDbRow[];
  const { total } = db.prepare(sql.total).get(...sql.params) as { total: number };
  return { total, rows: rows.map(toInboxRow) };
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
