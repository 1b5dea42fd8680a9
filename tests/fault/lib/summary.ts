/**
 * Vitest global setup: gives fault tests (and the fuzzing suites) a fresh report folder for this
 * run and, at the end, prints every fault's counts (writes, faults, lost, duplicated, order,
 * convergence) as one block, and the fuzzing cases run. Runs without either print nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { formatResult, type FaultResult } from './format';

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'sb-fault-report-'));
  project.provide('faultReportDir', dir);
  return () => {
    const files = readdirSync(dir);
    const read = <T>(suffix: string) => files.filter((f) => f.endsWith(suffix)).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T);
    const results = read<FaultResult>('.json').sort((a, b) => a.fault.localeCompare(b.fault));
    const fuzz = read<{ surface: string; cases: number }>('.fuzz').sort((a, b) => a.surface.localeCompare(b.surface));
    rmSync(dir, { recursive: true, force: true });
    const lines: string[] = [];
    if (results.length > 0) {
      const bad = results.filter((r) => r.lost + r.duplicated + r.outOfOrder > 0).length;
      lines.push('=== fault injection ===', ...results.map(formatResult), `${results.length} faults run, ${bad} with lost, duplicated or reordered writes`);
    }
    if (fuzz.length > 0) {
      const total = fuzz.reduce((sum, f) => sum + f.cases, 0);
      lines.push(`=== fuzzing === ${total} cases (${fuzz.map((f) => `${f.surface} ${f.cases}`).join(', ')})`);
    }
    if (lines.length > 0) console.log(['', ...lines, ''].join('\n'));
  };
}
