/**
 * Each fault test records one result line: printed at once, and written to the run's report
 * folder so `summary.ts` (Vitest global setup) prints every fault of the run in one block.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { formatResult, type FaultResult } from './format';

export type { FaultResult };

export function recordResult(result: FaultResult): void {
  console.log(`[fault] ${formatResult(result)}`);
  let dir: string | undefined;
  try {
    dir = inject('faultReportDir');
  } catch {
    dir = undefined; // run without the global setup: the line above is the report
  }
  if (dir) writeFileSync(join(dir, `${result.fault.replace(/[^a-z0-9]+/gi, '-')}.json`), JSON.stringify(result));
}
