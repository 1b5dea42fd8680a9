/**
 * `npm run bench [-- --only=cache,catchup] [-- --quick] [-- --fresh]`
 *
 * Runs each figure in turn, prints one table (value, baseline measured in the same run, ratio,
 * goal, met?) and writes bench-results/latest.json plus a timestamped copy. Benchmarks never fail:
 * a figure that throws is reported as an error row and the run goes on; the exit code is 0.
 * Every server binds 127.0.0.1 and every child process is stopped by pid before the run ends.
 */
import { dispatchLatencyFigure } from './dispatchLatency';
import { cpus, loadavg, totalmem } from 'node:os';
import { catchupFigure } from './figures/catchup';
import { cacheFigure } from './figures/cache';
import { RESULTS_DIR } from './lib/fixture';
import { formatTable, ratioOf, writeJson, type Figure, type Row } from './lib/report';
import { exposeGc } from './lib/gc';
import { ingestFigure } from './figures/ingest';
import { outboxFigure } from './figures/outbox';
import { coldStartFigure } from './figures/coldStart';
import { memoryFigure } from './figures/memory';
import { eventLoopFigure } from './figures/eventLoop';
import { fanoutFigure } from './figures/fanout';
import { twoNodeFigure } from './figures/twoNode';
import { throughputFigure } from './figures/throughput';
import { rendererFigure } from './figures/renderer';
import { ingestToScreenFigure } from './figures/ingestToScreen';
import { botOverheadFigure } from './botOverhead';
import { floorStalenessFigure } from './figures/floorStaleness';
import { webhooksFigure } from './figures/webhooks';
import { retrainingFigure } from './figures/retraining';

/** In the priority order. */
const FIGURES: Figure[] = [
  cacheFigure,
  ingestFigure,
  fanoutFigure,
  twoNodeFigure,
  throughputFigure,
  catchupFigure,
  outboxFigure,
  coldStartFigure,
  memoryFigure,
  eventLoopFigure,
  rendererFigure,
  ingestToScreenFigure,
  botOverheadFigure,
  dispatchLatencyFigure,
  floorStalenessFigure,
  webhooksFigure,
  retrainingFigure,
];

function parseArgs(argv: string[]): { only: Set<string> | null; quick: boolean; fresh: boolean } {
  let only: Set<string> | null = null;
  let quick = false;
  let fresh = false;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--fresh') fresh = true;
    else if (arg.startsWith('--only=')) only = new Set(arg.slice(7).split(',').filter(Boolean));
    else console.warn(`ignoring unknown argument ${arg}`);
  }
  return { only, quick, fresh };
}

async function main(): Promise<void> {
  const { only, quick, fresh } = parseArgs(process.argv.slice(2));
  exposeGc();
  const selected = FIGURES.filter((figure) => !only || only.has(figure.id));
  if (only) for (const id of only) if (!FIGURES.some((f) => f.id === id)) console.warn(`unknown figure "${id}"; known: ${FIGURES.map((f) => f.id).join(', ')}`);
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  console.log(`load average before: ${loadBefore.toFixed(1)} on ${cpus().length} cores (other work on the machine skews every latency)`);
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const timings: Record<string, number> = {};
  for (const figure of selected) {
    console.log(`\n▶ ${figure.id}: ${figure.title}${quick ? ' (quick)' : ''}`);
    const figureStart = Date.now();
    try {
      const figureRows = await figure.run({
        quick,
        fresh,
        log: (line) => console.log(line),
        detail: (key, value) => (details[`${figure.id}.${key}`] = value),
      });
      console.log(formatTable(figureRows));
      rows.push(...figureRows);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.log(`  ${figure.id} failed: ${message}`);
      rows.push({ figure: `${figure.id}: ERROR`, value: Number.NaN, unit: '', baseline: null, baselineLabel: '', goal: '-', met: null, note: message.split('\n')[0] });
    }
    timings[figure.id] = (Date.now() - figureStart) / 1000;
  }
  console.log(`\n═══ Switchboard benchmarks${quick ? ' (--quick sizes)' : ''}: ${rows.length} figures in ${((Date.now() - started) / 1000).toFixed(0)} s ═══`);
  console.log(formatTable(rows));
  console.log(`\nload average (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores`);
  const file = writeJson(
    {
      at: new Date().toISOString(),
      quick,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      secondsPerFigure: timings,
      rows: rows.map((row) => ({ ...row, ratio: ratioOf(row) })),
      details,
    },
    RESULTS_DIR,
  );
  console.log(`\nJSON: ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(0); // benchmarks print; they never fail a build
  },
);
