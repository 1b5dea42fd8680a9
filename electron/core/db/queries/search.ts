/**
 * Full-text search over cached messages and contacts.
 *
 * - 3+ characters: FTS5 trigram MATCH with the whole input quoted as one phrase, so `"`, `*`,
 *   `NEAR`, `OR` are literal text. Hits are read newest first (rowid DESC, which FTS5 streams) and
 *   reading stops once `limit` conversations are found: no bm25 over the whole match set, so a
 *   common word costs no more than a rare one.
 * - 1–2 characters (trigrams cannot match them; common for Chinese): a substring scan over the
 *   most recent RECENT_SCAN_ROWS messages (newest first, stopping at `limit`) and all contacts.
 * Snippets mark the hit with \u0002 … \u0003, never HTML; the renderer turns them into elements.
 */
import type { SearchHit } from '../../../../shared/contracts/rpc';
import type { Db } from '../database';
import { conversationsOfContacts, getInboxRow } from './inbox';

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
/** How many recent messages a short (1–2 character) query scans. */
export const RECENT_SCAN_ROWS = 20_000;
/** Upper bound on FTS rows read for one query (many hits in few conversations). */
const MAX_FTS_ROWS = 5_000;
const SNIPPET_CONTEXT_CHARS = 24;

/** Quote user input as a single FTS5 phrase: every operator character becomes literal. */
export function ftsPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}

interface Candidate {
  conversationId: string;
  snippet: string;
}

export function searchConversations(db: Db, rawQuery: string, limit: number): SearchHit[] {
  const query = rawQuery.trim();
  if (!query) return [];
  const short = [...query].length < 3;
  const messageHits = short ? scanRecentMessages(db, query, limit) : matchMessages(db, query, limit);
  const contactHits = short ? scanContacts(db, query) : matchContacts(db, query);

  const snippets = new Map<string, string>();
  for (const hit of messageHits)
    if (!snippets.has(hit.conversationId)) snippets.set(hit.conversationId, hit.snippet);
  const hits: SearchHit[] = [];
  for (const id of snippets.keys()) {
    const row = getInboxRow(db, id);
    if (row) hits.push({ row, snippet: snippets.get(id) ?? '' });
  }
  const contactSnippet = new Map(contactHits.map((hit) => [hit.contactId, hit.snippet]));
  for (const row of conversationsOfContacts(db, [...contactSnippet.keys()], limit)) {
    if (snippets.has(row.id)) continue;
    snippets.set(row.id, '');
    hits.push({ row, snippet: contactSnippet.get(row.contactId) ?? '' });
  }
  hits.sort((a, b) =>
    a.row.lastMessageAt < b.row.lastMessageAt ? 1 : a.row.lastMessageAt > b.row.lastMessageAt ? -1 : 0,
  );
  return hits.slice(0, limit);
}

// A trigram phrase match is a case-insensitive substring match, so the snippet is cut in JS for
// the (at most `limit`) hits kept: FTS5 snippet() re-tokenized every matching row, duplicates of
// an already-found conversation included, which was most of a rare term's cost.
function matchMessages(db: Db, query: string, limit: number): Candidate[] {
  const rows = db
    .prepare(
      `SELECT m.conversation_id AS conversationId, m.text AS text, m.subject AS subject
       FROM messages_fts JOIN messages m ON m.rid = messages_fts.rowid
       WHERE messages_fts MATCH ? ORDER BY messages_fts.rowid DESC LIMIT ?`,
    )
    .iterate(ftsPhrase(query), MAX_FTS_ROWS) as IterableIterator<{
    conversationId: string;
    text: string;
    subject: string | null;
  }>;
  const folded = query.toLowerCase();
  return firstPerConversation(rows, limit).map((row) => ({
    conversationId: row.conversationId,
    // The phrase may have matched the subject (email) rather than the body.
    snippet: highlight(
      row.subject && !row.text.toLowerCase().includes(folded) ? row.subject : row.text,
      query,
    ),
  }));
}

function matchContacts(db: Db, query: string): { contactId: string; snippet: string }[] {
  return db
    .prepare(
      `SELECT c.id AS contactId, snippet(contacts_fts, -1, char(2), char(3), '…', 12) AS snippet
       FROM contacts_fts JOIN contacts c ON c.rid = contacts_fts.rowid
       WHERE contacts_fts MATCH ? ORDER BY contacts_fts.rowid DESC LIMIT 200`,
    )
    .all(ftsPhrase(query)) as { contactId: string; snippet: string }[];
}

// The window is a rowid range (the newest RECENT_SCAN_ROWS rows as inserted), read newest first
// and left as soon as `limit` conversations are found. The former `ORDER BY rid DESC LIMIT n`
// subquery was read whole and sorted again before the first row came out.
function scanRecentMessages(db: Db, query: string, limit: number): Candidate[] {
  const rows = db
    .prepare(
      `SELECT conversation_id AS conversationId, text FROM messages
       WHERE rid > (SELECT coalesce(max(rid), 0) FROM messages) - ? AND instr(lower(text), lower(?)) > 0
       ORDER BY rid DESC`,
    )
    .iterate(RECENT_SCAN_ROWS, query) as IterableIterator<{ conversationId: string; text: string }>;
  return firstPerConversation(rows, limit).map((row) => ({
    conversationId: row.conversationId,
    snippet: highlight(row.text, query),
  }));
}

function scanContacts(db: Db, query: string): { contactId: string; snippet: string }[] {
  const rows = db
    .prepare(
      `SELECT id, name, email, phone FROM contacts
       WHERE instr(lower(name), lower(@q)) > 0 OR instr(lower(coalesce(email, '')), lower(@q)) > 0
         OR instr(coalesce(phone, ''), @q) > 0
       ORDER BY rid DESC LIMIT 200`,
    )
    .all({ q: query }) as { id: string; name: string; email: string | null; phone: string | null }[];
  return rows.map((row) => {
    const field = [row.name, row.email ?? '', row.phone ?? ''].find((text) =>
      text.toLowerCase().includes(query.toLowerCase()),
    );
    return { contactId: row.id, snippet: highlight(field ?? row.name, query) };
  });
}

/** Distinct conversations in iteration order; stops reading (and closes the cursor) at `limit`. */
function firstPerConversation<R extends { conversationId: string }>(rows: Iterable<R>, limit: number): R[] {
  const seen = new Set<string>();
  const out: R[] = [];
  for (const row of rows) {
    if (seen.has(row.conversationId)) continue;
    seen.add(row.conversationId);
    out.push(row);
    if (out.length >= limit) break; // for..of closes the statement iterator
  }
  return out;
}

/** Wrap the first occurrence of `query` in markers, with a little context either side. */
export function highlight(text: string, query: string): string {
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return text.slice(0, SNIPPET_CONTEXT_CHARS * 2);
  const start = Math.max(0, at - SNIPPET_CONTEXT_CHARS);
  const end = Math.min(text.length, at + query.length + SNIPPET_CONTEXT_CHARS);
  return (
    (start > 0 ? '…' : '') +
    text.slice(start, at) +
    HIGHLIGHT_START +
    text.slice(at, at + query.length) +
    HIGHLIGHT_END +
    text.slice(at + query.length, end) +
    (end < text.length ? '…' : '')
  );
}
