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
  return db;
}
