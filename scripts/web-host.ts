// `npm run web`, second half: the workstation core in this Node process, serving the renderer and
// the RPC over a local WebSocket at a printed URL (127.0.0.1 only, launch secret required).
import { join } from 'node:path';
import { createCore } from '../electron/core/core';
import { startWebHost } from '../electron/core/host/webHost';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:4000';
  const dataDir = process.env.SWITCHBOARD_CORE_DATA_DIR ?? join(root, '.data', 'web-core');
  const core = createCore({ dataDir, serverUrl });
  const host = await startWebHost({
    core,
    staticDir: join(root, 'out', 'renderer'),
    port: Number(process.env.SWITCHBOARD_WEB_PORT ?? 5180),
  });
  console.log(`\n[switchboard] workstation ready: open ${host.url}\n`);
  const shutdown = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error('[switchboard] the web host could not start:', error);
  process.exit(1);
});
