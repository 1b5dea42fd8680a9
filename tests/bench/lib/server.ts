/**
 * The Switchboard server the socket figures measure: `startServer()` in the bench process,
 * embedded SQLite in `dataDir`, the demo centre seeded, no logger, no environment overrides, and
 * the fixed token secret the children's tokens are signed with.
 */
import { startServer, type RunningServer, type StartServerOptions } from '../../../server/app';

export const BENCH_TOKEN_SECRET = 'bench-token-secret';

export function startBenchServer(
  dataDir: string,
  options: Partial<StartServerOptions> = {},
): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: true,
    logger: false,
    env: {},
    tokenSecret: BENCH_TOKEN_SECRET,
    ...options,
  });
}
