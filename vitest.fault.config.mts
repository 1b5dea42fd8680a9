// `npm run test:fault`: the fault-injection suite, one file at a time, so each fault's convergence
// time is measured on a machine that is not also running the other suites.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/fault/**/*.test.ts'],
    environment: 'node',
    // Prints every fault's counts as one block at the end of the run.
    globalSetup: ['tests/fault/lib/summary.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
