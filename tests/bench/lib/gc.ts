/** Make `gc()` callable without restarting Node with --expose-gc (heap figures need it). */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

export function exposeGc(): void {
  if (collect) return;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) collect = existing;
  else {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
}

/** Full collection (twice: weak callbacks free more on the second pass). */
export function fullGc(): void {
  exposeGc();
  collect!();
  collect!();
}
