/**
 * The KPI report's figures over one fact row per conversation: overall, and grouped by team,
 * agent, channel, tag and day. Every figure goes through the formulas of this folder (csat, nps,
 * firstContactResolution, rate, median, percentile), so a report and a dashboard agree. The
 * server reads the facts from its tables (server/domain/reports/kpiFacts.ts); nothing here knows
 * about SQL. Imports nothing outside shared/kpi.
 */
import { csat, nps } from './satisfaction';
import { firstContactResolution } from './service';
import { dayIn } from './calendarDays';
import { median, percentile, rate } from './stats';

export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type KpiSlaTargetName = (typeof SLA_TARGETS)[number];

/** What the stored data says about one conversation started in the period. */
export interface ConversationFacts {
  teamId: string;
  agentId: string | null;
  channel: string;
  tags: readonly string[];
  /** The day it started, YYYY-MM-DD in the centre's time zone. */
  day: string;
  /** Seconds from waiting for a person to the first agent reply; null while unanswered. */
  firstResponseSec: number | null;
  /** Each answered wait after the first reply (nextResponseWaits), in seconds. */
  nextResponseSecs: readonly number[];
  /** Seconds from its start to its latest resolution; null when never resolved. */
  resolutionSec: number | null;
  /** Talk time of a phone call; null for written channels. */
  handleTimeSec: number | null;
  reopened: boolean;
  /** Distinct agents who replied. */
  agents: number;
  startedWithBot: boolean;
  /** Started with the bot, the bot answered, and no person was ever needed. */
  containedByBot: boolean;
  /** The latest outcome of each SLA target instance. */
  slaOutcomes: ReadonlyArray<{ target: KpiSlaTargetName; met: boolean }>;
  /** The current answers (a re-rating replaced the earlier one). */
  csatScore: number | null;
  npsScore: number | null;
}

export interface KpiDurationFigures {
  count: number;
  medianSec: number | null;
  p90Sec: number | null;
}

export interface KpiFigureSet {
  conversations: number;
  firstResponse: KpiDurationFigures;
  nextResponse: KpiDurationFigures;
  resolution: KpiDurationFigures;
  handleTime: KpiDurationFigures;
  resolved: number;
  reopened: number;
  firstContactResolution: number | null;
  reopenRate: number | null;
  handled: number;
  transferred: number;
  transferRate: number | null;
  botStarted: number;
  botContained: number;
  botContainment: number | null;
  sla: Record<KpiSlaTargetName, { met: number; breached: number; hitRate: number | null }>;
  csat: { answers: number; score: number | null };
  nps: { answers: number; score: number | null };
}

function durations(values: number[]): KpiDurationFigures {
  return { count: values.length, medianSec: median(values), p90Sec: percentile(values, 90) };
}

const present = <T>(value: T | null): value is T => value !== null;

/** Every figure of one row. */
export function kpiFigures(facts: readonly ConversationFacts[]): KpiFigureSet {
  const resolved = facts.filter((f) => f.resolutionSec !== null);
  const reopened = resolved.filter((f) => f.reopened).length;
  const handled = facts.filter((f) => f.agents >= 1).length;
  const transferred = facts.filter((f) => f.agents >= 2).length;
  const botStarted = facts.filter((f) => f.startedWithBot).length;
  const botContained = facts.filter((f) => f.startedWithBot && f.containedByBot).length;
  const sla = {} as KpiFigureSet['sla'];
  for (const target of SLA_TARGETS) {
    const outcomes = facts.flatMap((f) => f.slaOutcomes.filter((o) => o.target === target));
    const met = outcomes.filter((o) => o.met).length;
    sla[target] = { met, breached: outcomes.length - met, hitRate: rate(met, outcomes.length) };
  }
  const csatScores = facts.map((f) => f.csatScore).filter(present);
  const npsScores = facts.map((f) => f.npsScore).filter(present);
  return {
    conversations: facts.length,
    firstResponse: durations(facts.map((f) => f.firstResponseSec).filter(present)),
    // Every answered wait counts once, so a long thread weighs by its replies, as agents feel it.
    nextResponse: durations(facts.flatMap((f) => f.nextResponseSecs)),
    resolution: durations(resolved.map((f) => f.resolutionSec!)),
    handleTime: durations(facts.map((f) => f.handleTimeSec).filter(present)),
    resolved: resolved.length,
    reopened,
    firstContactResolution: firstContactResolution(
      facts.map((f) => ({ resolved: f.resolutionSec !== null, reopened: f.reopened, agents: f.agents })),
    ),
    reopenRate: rate(reopened, resolved.length),
    handled,
    transferred,
    transferRate: rate(transferred, handled),
    botStarted,
    botContained,
    botContainment: rate(botContained, botStarted),
    sla,
    csat: { answers: csatScores.length, score: csat(csatScores) },
    nps: { answers: npsScores.length, score: nps(npsScores) },
  };
}

/** Rows of `facts` grouped by `keysOf` (a fact may fall in several groups), busiest first. */
export function kpiGroups<K>(
  facts: readonly ConversationFacts[],
  keysOf: (fact: ConversationFacts) => readonly K[],
): Array<{ key: K; figures: KpiFigureSet }> {
  const groups = new Map<K, ConversationFacts[]>();
  for (const fact of facts) {
    for (const key of keysOf(fact)) {
      const list = groups.get(key) ?? [];
      list.push(fact);
      groups.set(key, list);
    }
  }
  return [...groups]
    .map(([key, list]) => ({ key, figures: kpiFigures(list) }))
    .sort((a, b) => b.figures.conversations - a.figures.conversations || String(a.key).localeCompare(String(b.key)));
}

/** Every day in `timeZone` that the period [from, to) touches, oldest first. */
export function daysOfPeriod(timeZone: string, from: Date, to: Date): string[] {
  const days: string[] = [];
  // Hour steps find every calendar day whatever the zone's offset or daylight saving does.
  for (let at = from.getTime(); at < to.getTime(); at += 3_600_000) {
    const day = dayIn(timeZone, new Date(at));
    if (days[days.length - 1] !== day) days.push(day);
  }
  const last = dayIn(timeZone, new Date(to.getTime() - 1));
  if (days[days.length - 1] !== last) days.push(last);
  return days;
}

/** One row per day of the period, quiet days included. */
export function kpiByDay(
  facts: readonly ConversationFacts[],
  days: readonly string[],
): Array<{ day: string; figures: KpiFigureSet }> {
  const byDay = new Map<string, ConversationFacts[]>(days.map((day) => [day, []]));
  for (const fact of facts) byDay.get(fact.day)?.push(fact);
  return [...byDay].map(([day, list]) => ({ day, figures: kpiFigures(list) }));
}
