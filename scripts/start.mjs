#!/usr/bin/env node
// `npm start`: the embedded server with demo data and simulated customers, then the desktop app.
// `npm run web`: the same, with the workstation core in a Node process and the UI in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const web = process.argv.includes('--web');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const port = process.env.PORT ?? '4000';
const serverUrl = `http://127.0.0.1:${port}`;
const children = [];

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function spawnChild(label, command, args, env = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (signal === 'SIGTERM') return;
    console.error(`[switchboard] ${label} exited (${signal ?? code})`);
    stopAll(code ?? 1);
  });
  children.push(child);
  return child;
}

async function waitForHealth(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer at ${url}/healthz within ${timeoutMs / 1000}s`);
}

console.log('[switchboard] building the app (electron-vite build)…');
const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const widget = spawnSync(bin('vite'), ['build', '-c', 'widget/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (widget.status !== 0) process.exit(widget.status ?? 1);

spawnChild('server', bin('tsx'), ['scripts/demo-server.ts'], { PORT: port });
await waitForHealth(serverUrl);

if (web) {
  spawnChild('web host', bin('tsx'), ['scripts/web-host.ts'], { SWITCHBOARD_SERVER_URL: serverUrl });
} else {
  const binding = join(root, 'build', 'native', 'better_sqlite3.node');
  if (!existsSync(binding)) {
    console.log('[switchboard] preparing the Electron build of better-sqlite3 (needs internet once)…');
    const prepared = spawnSync(process.execPath, ['scripts/prepare-native.mjs'], { cwd: root, stdio: 'inherit' });
    if (prepared.status !== 0) {
      console.error('[switchboard] could not build better-sqlite3 for Electron; `npm run web` runs the same app in a browser.');
      stopAll(1);
    }
  }
  const electron = spawnChild('desktop app', bin('electron'), ['.'], {
    SWITCHBOARD_SERVER_URL: serverUrl,
    SWITCHBOARD_SQLITE_BINDING: binding,
  });
  electron.on('error', () => {
    console.error('[switchboard] Electron could not start here; `npm run web` runs the same app in a browser.');
    stopAll(1);
  });
}
