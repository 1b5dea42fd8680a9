/** One fault's counts as a fixed-width line (shared by the per-test print and the run summary). */
import type { Verdict } from './checker';

/** The run's report folder, handed to the test workers by summary.ts. */
declare module 'vitest' {
  export interface ProvidedContext {
    faultReportDir: string;
  }
}

export interface FaultResult extends Omit<Verdict, 'problems'> {
  fault: string;
  faults: number;
  /** Time from the fault clearing to every client cache matching the server, ms. */
  convergenceMs: number | null;
  note?: string;
}

export function formatResult(r: FaultResult): string {
  const converged = r.convergenceMs === null ? '—' : `${r.convergenceMs.toFixed(0)} ms`;
  return `${r.fault.padEnd(34)} writes ${String(r.writes).padStart(5)}  faults ${String(r.faults).padStart(3)}  lost ${r.lost}  duplicated ${r.duplicated}  out of order ${r.outOfOrder}  converged ${converged}${r.note ? `  (${r.note})` : ''}`;
}

