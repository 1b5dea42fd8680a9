/**
 * Figure: core cold start to the first inbox page with the big cache, in a fresh child process:
 * createCore (open, migrations check, session restore) and the first `inbox.list` page through the
 * RPC service. Baseline: a child that opens the same file with bare better-sqlite3 and runs the
 * same first-page SQL. Median of several alternating runs (the OS page cache is warm after the
 * first, as it is for an agent restarting the app).
 */
import { ensureFixture } from '../lib/fixture';
import { childScript, startChild } from '../lib/child';
import type { Figure } from '../lib/report';
import { cacheSize, sizeLabel } from '../lib/sizes';

interface ChildResult {
  loadMs: number;
  openToFirstPageMs: number;
  rssMiB: number;
  heapUsedMiB?: number;
  externalMiB?: number;
  error?: string;
}

export async function runColdChild(mode: 'core' | 'bare' | 'memory', dataDir: string): Promise<ChildResult> {
  const child = startChild(childScript('coldStart.ts'), [mode, dataDir], 120_000);
  try {
    const result = await child.next<ChildResult>('result', 120_000);
    if (result.error) throw new Error(`${mode} child: ${result.error}`);
    return result;
  } finally {
    await child.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const coldStartFigure: Figure = {
  id: 'coldstart',
  title: 'Core cold start to the first inbox page with the big cache',
  async run(ctx) {
    const size = cacheSize(ctx.quick);
    const fixture = ensureFixture(size, ctx.log, ctx.fresh);
    const runs = ctx.quick ? 2 : 5;
    await runColdChild('core', fixture.dataDir); // warm the OS page cache
    const core: ChildResult[] = [];
    const bare: ChildResult[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await runColdChild('bare', fixture.dataDir));
      core.push(await runColdChild('core', fixture.dataDir));
    }
    ctx.detail('runs', { size, core, bare });
    const c = median(core.map((r) => r.openToFirstPageMs));
    const b = median(bare.map((r) => r.openToFirstPageMs));
    const load = median(core.map((r) => r.loadMs));
    return [
      {
        figure: 'cold start: createCore → first inbox page',
        value: c,
        unit: 'ms',
        baseline: b,
        baselineLabel: 'bare open + same SQL',
        goal: '≤ 300 ms',
        met: c <= 300,
        note: `${sizeLabel(size)}; median of ${runs} child processes; loading the core's modules under tsx adds ${load.toFixed(0)} ms (bundled in the app)`,
      },
    ];
  },
};
