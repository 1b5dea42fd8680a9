/**
 * Builds (once) a workstation cache directory holding the synthetic working set, written through
 * the core's own `applyChanges` on a database opened by the core's `openDatabase`, so schema,
 * indexes and FTS triggers are the real ones. Kept under bench-results/fixtures/ and reused by
 * later runs (delete the folder or pass --fresh to rebuild); a `complete` marker is written last,
 * so an interrupted build is never reused.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILE } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/db/database';
import { setServerUrl, setSessionAgent } from '../../../electron/core/db/queries/meta';
import { applyChanges } from '../../../electron/core/sync/apply';
import type { Change } from '../../../shared/contracts/sync';
import { BENCH_VIEWER, conversationChanges, directoryChanges, type DatasetSize } from './dataset';
import { now } from './stats';
import { assertFillerClean } from './text';

export const RESULTS_DIR = join(process.cwd(), 'bench-results');
const FIXTURE_VERSION = 1;
/** The fixture's cache points at this URL; nothing listens there (the core stays offline). */
export const FIXTURE_SERVER_URL = 'http://127.0.0.1:9';

export interface Fixture {
  dataDir: string;
  file: string;
  size: DatasetSize;
  /** Seconds it took to build now, or null when reused. */
  buildSeconds: number | null;
}

export function fixtureDir(size: DatasetSize): string {
  return join(RESULTS_DIR, 'fixtures', `cache-v${FIXTURE_VERSION}-${size.conversations}c-${size.messages}m`);
}

/** Fixtures rebuilt by this run: `--fresh` rebuilds each one once, not once per figure. */
const rebuiltThisRun = new Set<string>();

export function ensureFixture(size: DatasetSize, log: (line: string) => void, fresh = false): Fixture {
  const dataDir = fixtureDir(size);
  const file = join(dataDir, CACHE_FILE);
  const marker = join(dataDir, 'complete');
  const rebuild = fresh && !rebuiltThisRun.has(dataDir);
  if (!rebuild && existsSync(marker)) return { dataDir, file, size, buildSeconds: null };
  rebuiltThisRun.add(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  assertFillerClean();
  const start = now();
  const db = openDatabase(file);
  setSessionAgent(db, BENCH_VIEWER);
  setServerUrl(db, FIXTURE_SERVER_URL);
  applyChanges(db, directoryChanges(), { moveCursorTo: 999 });
  let page: Change[] = [];
  let done = 0;
  const flush = () => {
    if (page.length === 0) return;
    applyChanges(db, page, { moveCursorTo: page[page.length - 1]!.seq });
    page = [];
  };
  for (const batch of conversationChanges(size)) {
    page.push(...batch);
    if (page.length >= 20_000) flush();
    done++;
    if (done % 10_000 === 0) log(`  fixture: ${done}/${size.conversations} conversations`);
  }
  flush();
  // No ANALYZE: the app never runs it, so the planner works from the schema alone, as here.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const buildSeconds = (now() - start) / 1000;
  writeFileSync(marker, JSON.stringify({ size, buildSeconds, at: new Date().toISOString() }));
  return { dataDir, file, size, buildSeconds };
}
