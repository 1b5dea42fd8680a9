// `npm run test:fault`: the fault-injection suite, one file at a time, so each fault's convergence
// time is measured on a machine that is not also running the other suites.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mts';

export default mergeConfig(base, defineConfig({ test: { include: ['tests/fault/**/*.test.ts'], fileParallelism: false, maxWorkers: 1 } }));
