/**
 * Shared by the fuzzing suites (fuzzSocket.test.ts, fuzzHttp.test.ts): the domain tables whose
 * row counts must not move, the typed-error checks, and a case counter that runs fast-check
 * properties, prints the number of cases and hands it to the run summary.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, inject } from 'vitest';
import { ErrorBodySchema, type ErrorCode } from '../../../shared/contracts/errors';
import { type Ack } from '../../../shared/contracts/socket';
import { MAX_PAYLOAD_BYTES } from '../../../shared/domain/limits';
import type { TestServer } from '../server/harness';
import '../../fault/lib/format'; // declares the run's report folder (faultReportDir)

export const DOMAIN_TABLES = [
  'teams',
  'agents',
  'agent_teams',
  'contacts',
  'contact_identities',
  'conversations',
  'messages',
  'channel_tokens',
  'sessions',
  'change_log',
  'outbound_deliveries',
  'surveys',
] as const;

export const INPUT_ERRORS: ErrorCode[] = ['invalid', 'too_large'];

/** The per-run minimum is 10 000 cases over both suites: each surface carries its half. */
export const MIN_CASES_PER_SURFACE = 5_000;

export async function rowCounts(server: TestServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DOMAIN_TABLES) {
    const row = await server.db.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Payloads the generators may produce; the oversized ones have tests of their own. */
export function fits(payload: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8') < MAX_PAYLOAD_BYTES - 1_024;
}

export function expectTypedError(ack: Ack<unknown>, codes: ErrorCode[]): void {
  expect(ack.ok).toBe(false);
  if (ack.ok) return;
  expect(ErrorBodySchema.safeParse(ack.error).success).toBe(true);
  expect(codes).toContain(ack.error.code);
}

export interface CaseCounter {
  check<Ts extends unknown[]>(name: string, property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void>;
  add(name: string, cases: number): void;
  total(): number;
  /** Prints `[fuzz] <surface>: N cases (…)` and files the count for the run summary. */
  report(): void;
}

export function caseCounter(surface: string): CaseCounter {
  const runs: Record<string, number> = {};
  const total = () => Object.values(runs).reduce((a, b) => a + b, 0);
  return {
    async check(name, property, numRuns) {
      try {
        await fc.assert(property, { numRuns, endOnFailure: true });
      } catch (error) {
        // Counterexamples can be megabytes long: keep the report readable, with the failed assertion as cause.
        // eslint-disable-next-line preserve-caught-error -- the full fast-check error is what is too long to print
        throw new Error(String((error as Error).message).slice(0, 3_000), { cause: (error as Error).cause });
      }
      runs[name] = (runs[name] ?? 0) + numRuns;
    },
    add(name, cases) {
      runs[name] = (runs[name] ?? 0) + cases;
    },
    total,
    report() {
      const detail = Object.entries(runs).map(([k, v]) => `${k} ${v}`).join(', ');
      console.log(`[fuzz] ${surface}: ${total()} cases (${detail})`);
      let dir: string | undefined;
      try {
        dir = inject('faultReportDir');
      } catch {
        dir = undefined;
      }
      if (dir) writeFileSync(join(dir, `fuzz-${surface}.fuzz`), JSON.stringify({ surface, cases: total() }));
    },
  };
}
