/**
 * Opens the workstation cache. WAL keeps readers off the writer's back, synchronous=NORMAL is safe
 * with WAL (a power cut may lose the last commits, never corrupt), and foreign keys make a dropped
 * conversation take its messages with it.
 */
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the host runtime (the desktop app loads Electron's). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  cacheStatements(db);
  return db;
}

/** Above this many distinct SQL texts the cache starts over (dynamic IN lists vary). */
const STATEMENT_CACHE_MAX = 500;

/**
 * Query modules call `db.prepare(sql)` on every use; compiling the SQL again each time was about a
 * fifth of the time spent applying a catch-up backlog (see tests/bench). `prepare` is therefore
 * memoized per SQL text. No module changes a statement's mode (pluck/raw/expand), so sharing is
 * safe; a statement still being iterated (`busy`) is never handed out twice: a fresh one is.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) return cached;
    const statement = prepare(source);
    if (cached) return statement;
    if (cache.size >= STATEMENT_CACHE_MAX) cache.clear();
    cache.set(source, statement);
    return statement;
  }) as Db['prepare'];
}
