/**
 * Applies numbered migrations in order, tracking the schema version in `PRAGMA user_version`.
 * Each migration runs in its own transaction together with the version bump, so a crash leaves
 * the schema at a whole version. Migrations are never edited once landed: add a new one.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Migrate up to `target` (default: the newest). Returns the versions applied. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target?: number,
): number[] {
  const applied: number[] = [];
  const goal = target ?? migrations.at(-1)?.version ?? 0;
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db) || migration.version > goal) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
