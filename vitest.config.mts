import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Fault tests run on their own (vitest.fault.config.mts): their convergence times are only
    // meaningful when no other suite competes for the machine's cores.
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The fuzzing suites report their case counts; this prints them (and fault counts) as one block.
    globalSetup: ['tests/fault/lib/summary.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
