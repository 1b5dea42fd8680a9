import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    environment: 'node',
    // Fault tests report their counts; this prints them as one block at the end of the run.
    globalSetup: ['tests/fault/lib/summary.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
