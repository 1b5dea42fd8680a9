#!/usr/bin/env node
// Builds better-sqlite3 against Electron's headers into build/native/better_sqlite3.node, which the
// desktop app loads through better-sqlite3's `nativeBinding` option. The Node build in
// node_modules stays untouched for the tests. Needs Electron's headers from the internet, so it
// runs from `npm start` / packaging, never from `postinstall`.
import { cpSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'sb-native-'));
cpSync(join(root, 'node_modules/better-sqlite3'), join(work, 'better-sqlite3'), { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
    '--nodedir=',
  ],
  { cwd: join(work, 'better-sqlite3'), stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
);
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(join(root, 'build/native'), { recursive: true });
copyFileSync(join(work, 'better-sqlite3/build/Release/better_sqlite3.node'), join(root, 'build/native/better_sqlite3.node'));
console.log(`better-sqlite3 built for Electron ${electronVersion} → build/native/better_sqlite3.node`);
