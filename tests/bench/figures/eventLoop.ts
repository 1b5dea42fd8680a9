/**
 * Figure: event-loop delay of the process that hosts the windows' RPC (the web host runs the core
 * in-process) while a search and a catch-up run. On a copy of the big cache: an offline core
 * answers `inbox.search` (common and rare terms, every 50 ms) while a 10k-change backlog is
 * applied in pull pages through `applyChanges`, each page on its own turn of the loop as the sync
 * client does. Delay: perf_hooks monitorEventLoopDelay (1 ms resolution). Baseline: the same
 * monitor over an idle loop in the same process.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CACHE_FILE } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/db/database';
import { applyChanges } from '../../../electron/core/sync/apply';
import { openOfflineCore } from '../lib/core';
import { ensureFixture } from '../lib/fixture';
import type { Figure } from '../lib/report';
import { cacheSize, sizeLabel } from '../lib/sizes';
import { sleep } from '../lib/stats';
import { SEARCH_TERMS } from '../lib/text';
import { backlog, pages } from './catchup';

async function delayWhile(work: () => Promise<void>): Promise<{ p50: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await work();
  histogram.disable();
  const ms = (ns: number) => ns / 1e6;
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
}

export const eventLoopFigure: Figure = {
  id: 'eventloop',
  title: 'Event-loop delay of the RPC host process during a search and a catch-up',
  async run(ctx) {
    const size = cacheSize(ctx.quick);
    const fixture = ensureFixture(size, ctx.log, ctx.fresh);
    const dir = mkdtempSync(join(tmpdir(), 'sb-bench-loop-'));
    copyFileSync(fixture.file, join(dir, CACHE_FILE));
    const { core, call } = openOfflineCore(dir);
    const writer = openDatabase(join(dir, CACHE_FILE));
    try {
      const idle = await delayWhile(() => sleep(2_000));
      const changes = backlog(10_000, 'loop', 13).map((change) => ({ ...change, seq: change.seq + 10_000_000 }));
      let searches = 0;
      const busy = await delayWhile(async () => {
        let done = false;
        const searching = (async () => {
          const terms = [SEARCH_TERMS.zh.common, SEARCH_TERMS.en.rare, SEARCH_TERMS.en.common, SEARCH_TERMS.zh.rare];
          while (!done) {
            await call('inbox.search', { query: terms[searches++ % terms.length]!, limit: 50 });
            await sleep(50);
          }
        })();
        for (const page of pages(changes)) {
          await new Promise((resolve) => setImmediate(resolve));
          applyChanges(writer, page, { moveCursorTo: page.at(-1)!.seq });
        }
        await sleep(200);
        done = true;
        await searching;
      });
      ctx.detail('delay', { size, idle, busy, searches });
      return [
        {
          figure: 'RPC host event-loop delay p99 during search + catch-up',
          value: busy.p99,
          unit: 'ms',
          baseline: idle.p99,
          baselineLabel: 'idle loop',
          goal: '≤ 10 ms',
          met: busy.p99 <= 10,
          note: `${sizeLabel(size)} copy; 10k changes in pages of 1000 while ${searches} searches ran; max ${busy.max.toFixed(0)} ms, p50 ${busy.p50.toFixed(1)} ms`,
        },
      ];
    } finally {
      writer.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
