/**
 * Replays the demo simulator's plan (server/demo/simulatorPlan.ts: the same customers, scripts
 * and pauses) at a given rate on a simulated clock, against a server started with that clock,
 * and counts the alerts its leads get. Arrivals are evenly spaced (the live simulator draws them
 * around the same mean); follow-up turns keep the planned pauses scaled to the rate. The SLA
 * scheduler is re-armed every REARM_MS of simulated time, so breaches and VIP waits fire within
 * that step of when they fall due (what is counted, not when, is the point).
 * Nobody answers (the demo crew is not running): the worst case for the lead.
 */
import type { RunningServer } from '../../../server/app';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { planConversations, REFERENCE_RATE_PER_MINUTE } from '../../../server/demo/simulatorPlan';
import type { Alert } from '../../../shared/contracts/sla';

const REARM_MS = 5_000;

export interface SimulatedClock {
  now(): Date;
  set(ms: number): void;
}

export function simulatedClock(startMs: number): SimulatedClock {
  let at = startMs;
  return { now: () => new Date(at), set: (ms) => (at = Math.max(at, ms)) };
}

export interface AlertBudget {
  conversations: number;
  messages: number;
  /** Alerts (cards) created, by kind. */
  created: Partial<Record<Alert['kind'], number>>;
  /** Raises that joined an open card instead (sum of count − 1). */
  joined: number;
}

export async function replayDemo(
  server: RunningServer,
  clock: SimulatedClock,
  options: { startMs: number; minutes: number; ratePerMinute: number; seed: number },
): Promise<AlertBudget> {
  const count = Math.round(options.minutes * options.ratePerMinute);
  const plan = planConversations({ seed: options.seed, runId: `budget${options.seed}`, count });
  const spacingMs = 60_000 / options.ratePerMinute;
  const gapScale = REFERENCE_RATE_PER_MINUTE / options.ratePerMinute;
  const timeline = plan.flatMap((conversation) => {
    let at = options.startMs + conversation.index * spacingMs;
    return conversation.messages.map((message) => {
      at += message.gapMs * gapScale;
      return { at, request: message.request };
    });
  });
  const endMs = options.startMs + options.minutes * 60_000;
  const due = timeline.filter((entry) => entry.at < endMs).sort((a, b) => a.at - b.at);
  let second = options.startMs; // the last instant the scheduler was re-armed at
  for (const entry of due) {
    while (second + REARM_MS <= entry.at) {
      second += REARM_MS;
      clock.set(second);
      await server.sla.clockChanged();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await server.sla.idle();
    }
    clock.set(entry.at);
    const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS[entry.request.channel]}` },
      body: JSON.stringify({ ...entry.request, occurredAt: new Date(entry.at).toISOString() }),
    });
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    await server.bot.idle();
  }
  clock.set(endMs);
  await server.sla.clockChanged();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await server.sla.idle();

  const rows = await server.db.db.selectFrom('alerts').select('data').execute();
  const created: AlertBudget['created'] = {};
  let joined = 0;
  for (const row of rows) {
    const alert = JSON.parse(row.data) as Alert;
    created[alert.kind] = (created[alert.kind] ?? 0) + 1;
    joined += (alert.count ?? 1) - 1;
  }
  return { conversations: count, messages: due.length, created, joined };
}
