// `npm start` / `npm run web`, first half: the embedded server with the demo centre seeded and
// simulated customers writing in on every channel through the public ingest API, and the demo crew
// (simulated agents) answering what routing assigns them unless SWITCHBOARD_DEMO_CREW=0.
import { z } from 'zod';
import { startServer } from '../server/app';
import { envVar } from '../server/envField';
import { DEMO_CHANNEL_TOKENS, DEMO_LOGINS, DEMO_TEAMS } from '../server/demo/seed';
import { crewEnabled, startCrew, type Crew } from '../server/demo/crew';
import { outboundFromEmitter, startSimulator } from '../server/demo/simulator';
import { startDemoRecordingStore } from '../server/demo/recordingStore';

async function main(): Promise<void> {
  const withCrew = crewEnabled(process.env);
  // The demo's telephony provider: simulated calls' recordings, relayed by the server to reviewers.
  const recordings = await startDemoRecordingStore();
  const server = await startServer({
    seedDemo: true,
    seedDemoCrew: withCrew,
    seedDemoReviews: true,
    logger: process.env.SWITCHBOARD_LOG === '1',
    recordingOrigins: [recordings.origin],
  });
  const ratePerMinute = envVar(
    process.env,
    'SWITCHBOARD_DEMO_RATE',
    z.coerce
      .number({ error: 'must be a number of new conversations a minute, 0–600' })
      .min(0, 'must be a number of new conversations a minute, 0–600')
      .max(600, 'must be a number of new conversations a minute, 0–600')
      .default(12),
  );
  const simulator = startSimulator({
    baseUrl: server.url,
    tokens: { ...DEMO_CHANNEL_TOKENS },
    ratePerMinute,
    onOutbound: outboundFromEmitter(server.events),
    recordingBaseUrl: recordings.origin,
  });
  console.log(`[switchboard] server on ${server.url}; simulated customers: ${ratePerMinute} new conversations a minute`);
  console.log(`[switchboard] be a customer yourself: ${server.url}/demo/widget (the demo shop with the web chat widget; ?lang=en for English)`);
  console.log('[switchboard] demo logins:');
  for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(32)} ${login.password}  (${login.role}, ${login.name})`);
  let crew: Crew | null = null;
  if (withCrew) {
    crew = startCrew({
      baseUrl: server.url,
      onError(member, message) {
        // Refused writes (a conversation that moved on) are part of the job; sign-in trouble is not.
        if (process.env.SWITCHBOARD_LOG === '1' || /sign-in/.test(message)) console.warn(`[crew] ${member}: ${message}`);
      },
    });
    const teamName = (id: string) => DEMO_TEAMS.find((team) => team.id === id)?.name ?? id;
    console.log('[switchboard] simulated agents (demo crew: they go Available and answer what routing assigns them; SWITCHBOARD_DEMO_CREW=0 turns them off):');
    for (const member of crew.members) console.log(`  ${member.name.padEnd(18)} ${member.teamIds.map(teamName).join(', ')}`);
  } else {
    console.log('[switchboard] demo crew off: dispatched conversations wait for a signed-in agent who is Available');
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await simulator.stop();
    await crew?.stop();
    await server.close();
    await recordings.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('[switchboard] the demo server could not start:', error);
  process.exit(1);
});
