/**
 * `npm run server`: the central server from the environment (config.ts). With SWITCHBOARD_DEMO=1
 * it seeds the demo centre and prints the demo logins. Stops cleanly on SIGINT / SIGTERM.
 */
import { startServer } from './app';
import { ConfigError, loadConfig } from './config';
import { DEMO_LOGINS } from './demo/seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const demo = process.env.SWITCHBOARD_DEMO === '1';
  const server = await startServer({ seedDemo: demo, logger: process.env.SWITCHBOARD_LOG === '1' });
  const database = config.databaseUrl ? 'PostgreSQL' : `SQLite (${config.dataDir}/server.db)`;
  console.log(
    `[switchboard] server listening on ${server.url} — database: ${database}${config.redisUrl ? ', Redis adapter on' : ''}`,
  );
  if (demo) {
    console.log('[switchboard] demo logins:');
    for (const login of DEMO_LOGINS)
      console.log(`  ${login.email.padEnd(32)} ${login.password}  (${login.role}, ${login.name})`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[switchboard] ${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[switchboard] shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `[switchboard] ${error.message}` : error);
  process.exit(1);
});
