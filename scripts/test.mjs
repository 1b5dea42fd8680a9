#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration (Vitest), build, end-to-end (Playwright in
// Chromium). Ends with one plain line "N passed, N failed" for the whole run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tmp = join(root, '.tmp', 'test');
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const summary = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function countVitest(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // Files with a test that did not pass: a test file whose worker died leaves its tests pending.
  const unfinished = (report.testResults ?? [])
    .filter((result) => (result.assertionResults ?? []).some((test) => test.status !== 'passed'))
    .map((result) => result.name.replace(`${root}/`, ''));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: report.numPendingTests ?? 0,
    unfinished,
  };
}

function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const stats = report.stats ?? {};
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };
}

const backends = ['sqlite'];
if (process.env.SWITCHBOARD_TEST_DATABASE_URL) backends.push('postgres');
console.log(`Integration backends: ${backends.join(', ')}${process.env.SWITCHBOARD_TEST_REDIS_URL ? ' (+ Redis adapter suites)' : ''}`);
if (!process.env.SWITCHBOARD_TEST_DATABASE_URL) {
  console.log('PostgreSQL suites skipped: set SWITCHBOARD_TEST_DATABASE_URL to run them (CI does).');
}

step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('electronegativity', process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]);

function vitestStep(label, reportName, args) {
  const report = join(tmp, reportName);
  rmSync(report, { force: true });
  const exitedOk = run(label, bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const counts = countVitest(report);
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    summary.push(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    // Vitest fails the run on an unhandled error or a test file whose worker exited, even when
    // every test it reported passed: that is a failure too, never a green run.
    if (!exitedOk && counts.failed === 0) {
      failed++;
      summary.push(`${label}: vitest exited with an error (an unhandled error, or a test file whose worker died)`);
    }
    for (const name of counts.unfinished) summary.push(`${label}: not every test passed in ${name}`);
  } else {
    failed++;
    summary.push(`${label}: no report (the run crashed)`);
  }
}

vitestStep('unit + integration (vitest)', 'vitest.json', []);
// Alone, after the rest: convergence times are measured on an otherwise idle machine.
vitestStep('fault injection (vitest)', 'vitest-fault.json', ['--config', 'vitest.fault.config.mts']);

if (step('build (electron-vite)', bin('electron-vite'), ['build']) && step('build (web chat widget)', bin('vite'), ['build', '-c', 'widget/vite.config.mts', '--logLevel', 'warn'])) {
  const playwrightReport = join(tmp, 'playwright.json');
  rmSync(playwrightReport, { force: true });
  const e2eExitedOk = run('end-to-end (Playwright, Chromium)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  const e2e = countPlaywright(playwrightReport);
  if (e2e) {
    passed += e2e.passed;
    failed += e2e.failed;
    summary.push(`e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
    if (!e2eExitedOk && e2e.failed === 0) {
      failed++;
      summary.push('e2e: Playwright exited with an error (global setup, a web server, or a worker)');
    }
  } else {
    failed++;
    summary.push('e2e: no report (the run crashed)');
  }
}

console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
