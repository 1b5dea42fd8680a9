/**
 * Command line for the traffic simulator, for pointing it at a server that is already running:
 *
 *   npx tsx server/demo/simulatorCli.ts --base-url http://127.0.0.1:4000 --rate 30 --seed 7
 *
 * Flags (all optional): --base-url (default $SWITCHBOARD_URL or http://127.0.0.1:4000),
 * --rate <conversations per minute>, --seed <int>, --burst <n>, --run-id <id>, --quiet.
 * Uses the demo channel tokens of seed.ts. Ctrl+C stops cleanly and prints the totals.
 */
import { parseArgs } from 'node:util';
import { SwitchboardError } from '../../shared/contracts/errors';
import { DEMO_CHANNEL_TOKENS } from './seed';
import { startSimulator, type SimulatorOptions } from './simulator';

function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new SwitchboardError('invalid', `--${name} must be a number, got "${value}"`);
  return n;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      burst: { type: 'string' },
      'run-id': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const options: SimulatorOptions = {
    baseUrl: values['base-url'] ?? process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:4000',
    tokens: { ...DEMO_CHANNEL_TOKENS },
    ratePerMinute: numberFlag(values.rate, 'rate'),
    seed: numberFlag(values.seed, 'seed'),
    burst: numberFlag(values.burst, 'burst'),
    runId: values['run-id'],
    onEvent: values.quiet
      ? undefined
      : (event) => {
          const where = `${event.request.channel} ${event.request.conversationExternalId ?? ''}`;
          if (event.type === 'sent')
            console.log(`sent   ${where} ${event.request.text.split('\n')[0]?.slice(0, 60)}`);
          else console.log(`failed ${where} ${event.error}${event.willRetry ? ' (will retry)' : ''}`);
        },
  };
  const simulator = startSimulator(options);
  console.log(`simulating traffic to ${options.baseUrl}; Ctrl+C to stop`);
  process.once('SIGINT', () => {
    void simulator.stop().then(() => {
      const { sent, failed } = simulator.stats();
      console.log(`stopped: ${sent} sent, ${failed} failed`);
    });
  });
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
