/**
 * Figure: core process RSS with the big cache, after a working session (inbox pages in every scope
 * and sort, every search term, the hit conversations opened), in a fresh child process. Baseline:
 * the RSS of a child that only opened the same file with bare better-sqlite3 and read one page.
 * Server heap per connected agent is reported by the ingest figure (it needs the 1,000 sockets).
 */
import { ensureFixture } from '../lib/fixture';
import type { Figure } from '../lib/report';
import { cacheSize, sizeLabel } from '../lib/sizes';
import { runColdChild } from './coldStart';

export const memoryFigure: Figure = {
  id: 'memory',
  title: 'Memory: core RSS with the big cache',
  async run(ctx) {
    const size = cacheSize(ctx.quick);
    const fixture = ensureFixture(size, ctx.log, ctx.fresh);
    const core = await runColdChild('memory', fixture.dataDir);
    const bare = await runColdChild('bare', fixture.dataDir);
    ctx.detail('rss', { size, core, bare });
    return [
      {
        figure: 'core RSS after a working session',
        value: core.rssMiB,
        unit: 'MiB',
        baseline: bare.rssMiB,
        baselineLabel: 'bare node+sqlite',
        goal: '≤ 200 MB',
        met: core.rssMiB <= 200,
        note: `${sizeLabel(size)}; heap used ${core.heapUsedMiB?.toFixed(0)} MiB, external ${core.externalMiB?.toFixed(0)} MiB (Node + tsx runtime included in both)`,
      },
    ];
  },
};
