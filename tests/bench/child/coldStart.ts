/**
 * Child process for the cold-start and memory figures: `coldStart.ts <mode> <cacheDir>`.
 *   mode 'core'   — createCore on the cache (session restored, no server), first inbox page;
 *   mode 'bare'   — better-sqlite3 opens the same file and runs the same first-page SQL;
 *   mode 'memory' — 'core', then a working session (inbox pages in every scope and sort, searches,
 *                   opened conversations), then RSS.
 * Reports { type: 'result', ... } over IPC and exits. Times are ms from just before the modules
 * under test are loaded (`loadMs`) and from the open call (`openToFirstPageMs`).
 */
async function main(): Promise<void> {
  const [mode, dataDir] = process.argv.slice(2) as [string, string];
  const t0 = performance.now();
  if (mode === 'bare') {
    const { default: Database } = await import('better-sqlite3');
    const { listInbox } = await import('../../../electron/core/db/queries/inbox');
    const { BENCH_VIEWER } = await import('../lib/dataset');
    const { join } = await import('node:path');
    const t1 = performance.now();
    const db = new Database(join(dataDir, 'cache.sqlite'));
    db.pragma('journal_mode = WAL');
    const query = { scope: 'mine', sort: 'newest', offset: 0, limit: 100 } as const;
    // The page statements of the query module (page index read, rows by rowid, count), no core.
    const { rows } = listInbox(db, query, BENCH_VIEWER);
    const t2 = performance.now();
    process.send?.({ type: 'result', loadMs: t1 - t0, openToFirstPageMs: t2 - t1, rows: rows.length, rssMiB: process.memoryUsage().rss / 2 ** 20 });
    db.close();
    return;
  }
  const { openOfflineCore } = await import('../lib/core');
  const t1 = performance.now();
  const { core, call } = openOfflineCore(dataDir);
  const page = await call('inbox.list', { scope: 'mine', sort: 'newest', offset: 0, limit: 100 });
  const t2 = performance.now();
  const result: Record<string, unknown> = { type: 'result', loadMs: t1 - t0, openToFirstPageMs: t2 - t1, rows: page.rows.length };
  if (mode === 'memory') {
    const { INBOX_SCOPES, INBOX_SORTS } = await import('../../../shared/contracts/rpc');
    const { SEARCH_TERMS, SHORT_ZH_TERM } = await import('../lib/text');
    for (const scope of INBOX_SCOPES)
      for (const sort of INBOX_SORTS) {
        for (let offset = 0; offset < 2_000; offset += 100) {
          const r = await core.rpc.handle('inbox.list', { scope, sort, offset, limit: 100 });
          if (!r.ok) break;
        }
      }
    const opened = new Set<string>();
    for (const term of [...Object.values(SEARCH_TERMS.en), ...Object.values(SEARCH_TERMS.zh), SHORT_ZH_TERM]) {
      const { hits } = await call('inbox.search', { query: term, limit: 50 });
      for (const hit of hits.slice(0, 5)) opened.add(hit.row.id);
    }
    for (const id of opened) await call('conversation.get', { conversationId: id });
    const usage = process.memoryUsage();
    result.rssMiB = usage.rss / 2 ** 20;
    result.heapUsedMiB = usage.heapUsed / 2 ** 20;
    result.externalMiB = usage.external / 2 ** 20;
    result.opened = opened.size;
  } else result.rssMiB = process.memoryUsage().rss / 2 ** 20;
  await core.close();
  process.send?.(result);
}

main().then(
  () => setTimeout(() => process.exit(0), 50),
  (error: unknown) => {
    process.send?.({ type: 'result', error: String(error) });
    setTimeout(() => process.exit(1), 50);
  },
);
