/**
 * When another agent signs in on the same workstation, nothing of the previous one stays: every
 * table of the cache is either cleared or follows the cleared rows (full-text indexes, inbox
 * counts), so a new table cannot be forgotten, as the quality-review tables once were.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { CACHED_TABLES, clearCache } from '../../../electron/core/db/queries/meta';

/** Tables that are not one agent's data, or that triggers keep in step with the cleared ones. */
const KEPT = new Set(['meta', 'inbox_counts']);

describe('clearCache', () => {
  it('covers every table of the cache', () => {
    const db = new Database(':memory:');
    migrate(db);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((row) => row.name);
    const fts = (db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5%'").all() as { name: string }[]).map(
      (row) => row.name,
    );
    const uncovered = tables.filter(
      (name) =>
        !KEPT.has(name) &&
        !(CACHED_TABLES as readonly string[]).includes(name) &&
        !fts.some((index) => name === index || name.startsWith(`${index}_`)),
    );
    expect(uncovered).toEqual([]);
  });

  it('leaves a previous reviewer’s drafts and sessions behind for nobody', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO qa_drafts (assignment_id, draft_json, updated_at) VALUES ('a1', '{}', 'now')").run();
    db.prepare("INSERT INTO qa_calibrations (id, server_json, created_at, seq) VALUES ('c1', '{}', 'now', 1)").run();
    clearCache(db);
    for (const table of CACHED_TABLES)
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
  });
});
