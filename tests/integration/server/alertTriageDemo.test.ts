/**
 * What the demo lead gets with the default alert settings: the demo's traffic at 30 new
 * conversations a minute (the rate that flooded the Live screen) for 15 simulated minutes, with
 * nobody answering. Prints the figures; asserts what the lead would notice: a handful of cards,
 * not one per unhappy customer, and no mildly negative message among them.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../../shared/alerts';
import type { Alert } from '../../../shared/contracts/sla';
import { startTestServer, testBackends } from './harness';
import { replayDemo, simulatedClock } from './demoAlertBudget';

const START_MS = Date.parse('2026-11-16T02:00:00.000Z'); // a Monday, 10:00 in Shanghai
const MINUTES = 15;

describe.each(testBackends())('alert budget of the demo at 30/min (%s)', (backend) => {
  it('leaves the demo lead a handful of alerts, each worth a look', async () => {
    const clock = simulatedClock(START_MS);
    const server = await startTestServer({ backend, now: clock.now, bot: { channels: ['chat', 'sms', 'social'] } });
    try {
      const budget = await replayDemo(server, clock, { startMs: START_MS, minutes: MINUTES, ratePerMinute: 30, seed: 20261116 });
      const total = Object.values(budget.created).reduce((sum, n) => sum + n, 0);
      console.log(`[alert budget] ${backend}: ${budget.conversations} conversations, ${budget.messages} messages in ${MINUTES} simulated minutes → ${total} alerts ${JSON.stringify(budget.created)}, ${budget.joined} repeats joined an open alert`);
      const teams = (await server.db.db.selectFrom('teams').select('id').execute()).length;
      const perTeamHour = Object.values(DEFAULT_ALERT_SETTINGS)
        .filter((kind): kind is { enabled: boolean; maxPerTeamPerHour: number } => typeof kind === 'object')
        .reduce((sum, kind) => sum + kind.maxPerTeamPerHour, 0);
      // Traffic enough to have flooded the lead before: hundreds of conversations, many of them angry.
      expect(budget.conversations).toBe(450);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(teams * perTeamHour);
      const rows = await server.db.db.selectFrom('alerts').select('data').execute();
      for (const alert of rows.map((row) => JSON.parse(row.data) as Alert)) {
        if (alert.kind === 'negative_sentiment') expect(alert.score).toBeLessThanOrEqual(DEFAULT_ALERT_SETTINGS.negative_sentiment.maxScore);
        expect(alert.severity).toBeDefined();
      }
    } finally {
      await server.cleanup();
    }
  }, 300_000);
});
