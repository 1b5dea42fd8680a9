// `npm start` / `npm run web`, first half: the embedded server with the demo centre seeded and
// simulated customers writing in on every channel through the public ingest API.
import { startServer } from '../server/app';
import { DEMO_CHANNEL_TOKENS, DEMO_LOGINS } from '../server/demo/seed';
import { outboundFromEmitter, startSimulator } from '../server/demo/simulator';

async function main(): Promise<void> {
  const server = await startServer({ seedDemo: true, logger: process.env.SWITCHBOARD_LOG === '1' });
  const ratePerMinute = Number(process.env.SWITCHBOARD_DEMO_RATE ?? 12);
  const simulator = startSimulator({
    baseUrl: server.url,
    tokens: { ...DEMO_CHANNEL_TOKENS },
    ratePerMinute,
    onOutbound: outboundFromEmitter(server.events),
  });
  console.log(`[switchboard] server on ${server.url}; simulated customers: ${ratePerMinute} new conversations a minute`);
  console.log('[switchboard] demo logins:');
  for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(32)} ${login.password}  (${login.role}, ${login.name})`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await simulator.stop();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('[switchboard] the demo server could not start:', error);
  process.exit(1);
});
