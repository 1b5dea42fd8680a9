/**
 * Inbox totals, remembered until the data changes. The window asks for a page every time the
 * list scrolls, and every page reports the same total; counting a 100k-row scope again each time
 * cost 1–15 ms (team scopes, filter chips) for a number that had not moved.
 *
 * "The data changed" is read from SQLite itself, so no writer can forget to invalidate:
 * `total_changes()` moves with every row this connection inserts, updates or deletes (triggers
 * included, and rolled-back changes too: a recount is harmless), and `PRAGMA data_version` moves
 * when another connection commits. Any change at all drops every remembered total.
 */
import type { Db } from '../database';

const MAX_REMEMBERED = 64;

interface Remembered {
  state: string;
  totals: Map<string, number>;
}

const byDb = new WeakMap<Db, Remembered>();

function changeState(db: Db): string {
  const { changes, version } = db
    .prepare('SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version')
    .get() as { changes: number; version: number };
  return `${changes}:${version}`;
}

/** `count(*)` of an inbox query; `remember` false for counts that depend on the clock. */
export function inboxTotal(db: Db, sql: string, params: readonly unknown[], remember: boolean): number {
  const count = () => (db.prepare(sql).get(...params) as { total: number }).total;
  if (!remember) return count();
  const state = changeState(db);
  let remembered = byDb.get(db);
  if (!remembered || remembered.state !== state) {
    remembered = { state, totals: new Map() };
    byDb.set(db, remembered);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const known = remembered.totals.get(key);
  if (known !== undefined) return known;
  const total = count();
  if (remembered.totals.size >= MAX_REMEMBERED) remembered.totals.clear();
  remembered.totals.set(key, total);
  return total;
}
