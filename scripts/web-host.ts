// `npm run web`, second half: the web host serving the renderer and the RPC over a local WebSocket
// at a printed URL (127.0.0.1 only, launch secret required). The workstation core runs in a worker
// thread of this process, so its SQLite work never holds up the host's event loop.
import { join } from 'node:path';
import { z } from 'zod';
import { startWebHost } from '../electron/core/host/webHost';
import { ConfigError, envVar } from '../server/envField';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:4000';
  const dataDir = process.env.SWITCHBOARD_CORE_DATA_DIR ?? join(root, '.data', 'web-core');
  const host = await startWebHost({
    coreWorker: { dataDir, serverUrl },
    staticDir: join(root, 'out', 'renderer'),
    port: envVar(
      process.env,
      'SWITCHBOARD_WEB_PORT',
      z.coerce
        .number({ error: 'must be a port number 0–65535' })
        .int('must be a port number 0–65535')
        .min(0, 'must be a port number 0–65535')
        .max(65_535, 'must be a port number 0–65535')
        .default(5180),
    ),
  });
  console.log(`\n[switchboard] workstation ready: open ${host.url}\n`);
  host.coreThread?.onCrash(() => {
    console.error('[switchboard] the workstation core stopped unexpectedly; start `npm run web` again.');
    void host.close().finally(() => process.exit(1));
  });
  const shutdown = async () => {
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error('[switchboard] the web host could not start:', error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
