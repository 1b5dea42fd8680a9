/**
 * Opens the server database: embedded SQLite (one file, WAL) or PostgreSQL (pg Pool), both behind
 * one Kysely instance, and the one write-transaction helper every writer uses.
 *
 * Invariant (change log): seq is strictly increasing and commit order equals seq order. SQLite
 * has a single writer (and Kysely's SQLite driver one connection), so it holds by construction.
 * On PostgreSQL every write transaction first takes a transaction-scoped advisory lock, so
 * writers that append changes run one at a time and `max(seq)+1` is read after the previous
 * writer committed.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { cacheStatements } from './statementCache';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { ServerDatabase } from './schema';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<ServerDatabase>;
export type Trx = Transaction<ServerDatabase>;

export interface Store {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Any constant works as long as every writer uses the same one. */
export const CHANGE_LOG_LOCK_KEY = 7_340_031;

export function openSqliteStore(file: string): Store {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  cacheStatements(database);
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

export function openPostgresStore(connectionString: string): Store {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // A PostgreSQL restart breaks every open connection, and pg reports it as an 'error' event: on
  // the pool for idle connections, on the client itself for one checked out between two queries
  // of a transaction. Unheard, either event ends the process. The query that meets the broken
  // connection still fails to its caller (and its transaction rolls back), and the pool discards
  // a connection that is no longer queryable, so hearing the event is all that is needed here.
  const lost = (error: Error) => console.error(`[server] PostgreSQL connection lost: ${error.message}`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** The only way to open a transaction that writes; see the invariant above. */
export async function writeTransaction<T>(store: Store, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(${sql.lit(CHANGE_LOG_LOCK_KEY)})`.execute(trx);
    }
    return fn(trx);
  });
}
