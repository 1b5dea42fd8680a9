/**
 * Kysely's SQLite driver calls `prepare(sql)` for every query it runs; compiling the same SQL
 * again on each ingest showed up in the ingest benchmark (tests/bench). This memoizes `prepare`
 * per SQL text on one better-sqlite3 connection. Kysely never changes a statement's mode
 * (raw/pluck/expand), so sharing is safe; a statement still being iterated (`busy`) is never
 * handed out twice: a fresh one is.
 */
import type Database from 'better-sqlite3';

/** Above this many distinct SQL texts the cache starts over (dynamic IN lists vary). */
const STATEMENT_CACHE_MAX = 1_000;

export function cacheStatements(database: Database.Database): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Database.Statement>();
  database.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) return cached;
    const statement = prepare(source);
    if (cached) return statement;
    if (cache.size >= STATEMENT_CACHE_MAX) cache.clear();
    cache.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
}
