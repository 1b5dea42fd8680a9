/**
 * What a figure reports: one row per measured value, printed as one table and written as JSON.
 * `ratio` is always value ÷ baseline (both in `unit`); `goal` says in words what the issue asks
 * and `met` is the figure's own verdict against it (null when there is no comparable goal).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Row {
  figure: string;
  value: number;
  unit: string;
  baseline: number | null;
  baselineLabel: string;
  goal: string;
  met: boolean | null;
  /** Sizes actually run, and anything that differs from the full size. */
  note?: string;
}

export interface FigureContext {
  quick: boolean;
  fresh: boolean;
  log(line: string): void;
  /** Extra key/values to keep in the JSON (sizes, raw summaries). */
  detail(key: string, value: unknown): void;
}

export interface Figure {
  id: string;
  title: string;
  run(ctx: FigureContext): Promise<Row[]>;
}

const fmt = (value: number | null, unit = ''): string => {
  if (value === null || Number.isNaN(value)) return '-';
  const abs = Math.abs(value);
  const text = abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 1 ? value.toFixed(2) : value.toFixed(3);
  return unit ? `${text} ${unit}` : text;
};

export function ratioOf(row: Row): number | null {
  return row.baseline && row.baseline !== 0 ? row.value / row.baseline : null;
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'value', 'baseline (same run)', 'ratio', 'goal', 'met?'];
  const body = rows.map((row) => [
    row.figure,
    fmt(row.value, row.unit),
    row.baseline === null ? '-' : `${fmt(row.baseline, row.unit)} ${row.baselineLabel}`.trim(),
    ratioOf(row) === null ? '-' : `${fmt(ratioOf(row))}×`,
    row.goal,
    row.met === null ? '-' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
  const notes = rows.filter((row) => row.note).map((row) => `  * ${row.figure}: ${row.note}`);
  return [...out, ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

export function writeJson(report: unknown, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(report, null, 2));
  return file;
}
