/**
 * Child entry: one Switchboard server node (startServer) for the fault and scale-out suites.
 * Configured by FAULT_NODE (JSON); tells its parent `ready { url }` and then, every 100 ms,
 * `leader { leader }` (whether it runs the SLA scheduler). SIGTERM closes it cleanly; SIGKILL
 * is the crash the suites inject.
 */
import { startServer } from '../../../server/app';

interface NodeConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  seedDemo: boolean;
  tokenSecret: string;
  /** Bot channels (empty: the bot is off); absent: the server's default. */
  botChannels?: ('chat' | 'sms' | 'social')[];
}

const config = JSON.parse(process.env.FAULT_NODE ?? '{}') as NodeConfig;
const send = (message: object) => process.send?.(message);

startServer({
  port: config.port,
  host: '127.0.0.1',
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  redisUrl: config.redisUrl,
  seedDemo: config.seedDemo,
  tokenSecret: config.tokenSecret,
  ...(config.botChannels ? { bot: { channels: config.botChannels } } : {}),
  logger: false,
  env: {},
}).then(
  (server) => {
    send({ type: 'ready', url: server.url });
    const beat = setInterval(() => send({ type: 'leader', leader: server.sla.isLeader() }), 100);
    process.on('SIGTERM', () => {
      clearInterval(beat);
      server.close().finally(() => process.exit(0));
    });
    process.on('disconnect', () => process.exit(0)); // the parent is gone: do not linger
  },
  (error: unknown) => {
    console.error('[fault node] start failed', error);
    process.exit(1);
  },
);
