/**
 * One ConversationFacts row (shared/kpi/report.ts) per conversation started in the period, from
 * what the server stores: agent replies (messages by agents, notes left out), the bot's answers,
 * the status history (sla_status_events), the latest SLA outcome of each target, the current
 * survey answers (`surveys`: a re-rating replaced the earlier answer) and phone calls' durations.
 *
 * Derivations, stated once here and in README "KPI report":
 * - the wait for a person starts at the first status other than `bot` (the handoff; the start
 *   for conversations that never were with the bot) and ends at the first agent reply;
 * - resolved = entered `resolved` or `closed` at least once; resolution time runs from the start
 *   to the latest such entry; reopened = any other status after one;
 * - next response = after the first agent reply, each time the customer writes again (a run of
 *   their messages is one wait), until an agent replies (shared/kpi/nextResponse.ts);
 * - agents = distinct agents who replied (assignments are not kept as history, replies are);
 * - contained by the bot = started with it, the bot answered, and it never left `bot` except
 *   to be resolved or closed, with no agent reply;
 * - handle time = a call's `durationSec`: nothing records how long an agent worked on a written
 *   conversation, so written channels have no handle time rather than an invented one.
 */
import { SLA_TARGETS, dayIn, nextResponseWaits, type ConversationFacts, type KpiSlaTargetName } from '../../../shared/kpi';
import type { KpiConversationRow, KpiDetailRows } from '../../db/queries/kpiReport';

const FINISHED = new Set(['resolved', 'closed']);

function groupBy<T extends { conversationId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.conversationId) ?? [];
    list.push(row);
    map.set(row.conversationId, list);
  }
  return map;
}

const seconds = (fromIso: string, toIso: string) => Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);

function tagsOf(issueTypes: string | null): string[] {
  if (!issueTypes) return [];
  try {
    const parsed: unknown = JSON.parse(issueTypes);
    return Array.isArray(parsed) ? [...new Set(parsed.filter((t): t is string => typeof t === 'string'))] : [];
  } catch {
    return [];
  }
}

function callSeconds(callJson: string): number | null {
  try {
    const call = JSON.parse(callJson) as { durationSec?: unknown };
    return typeof call.durationSec === 'number' && Number.isFinite(call.durationSec) && call.durationSec >= 0
      ? call.durationSec
      : null;
  } catch {
    return null;
  }
}

export function conversationFacts(
  conversations: readonly KpiConversationRow[],
  details: KpiDetailRows,
  timeZone: string,
): Array<ConversationFacts & { conversationId: string }> {
  const replies = groupBy(details.replies);
  const turns = groupBy(details.turns);
  const statuses = groupBy(details.statuses);
  const outcomes = groupBy(details.outcomes);
  const surveys = groupBy(details.surveys);
  const calls = groupBy(details.calls);
  const targets = new Set<string>(SLA_TARGETS);

  return conversations.map((c) => {
    const history = statuses.get(c.id) ?? [];
    const agentReplies = replies.get(c.id) ?? [];
    const firstReplyAt = agentReplies.map((r) => r.firstAt).sort()[0] ?? null;
    const handedOver = history.find((s) => s.status !== 'bot')?.at ?? c.createdAt;
    const waitStart = firstReplyAt !== null && handedOver > firstReplyAt ? c.createdAt : handedOver;

    let lastResolvedAt: string | null = null;
    let reopened = false;
    for (const { status, at } of history) {
      if (FINISHED.has(status)) lastResolvedAt = at;
      else if (lastResolvedAt !== null) reopened = true;
    }
    const startedWithBot = history[0]?.status === 'bot';
    const stayedWithBot = history.every((s) => s.status === 'bot' || FINISHED.has(s.status));
    const survey = (kind: string) => surveys.get(c.id)?.find((s) => s.kind === kind)?.score ?? null;
    const talk = (calls.get(c.id) ?? []).map((row) => callSeconds(row.callJson)).filter((s): s is number => s !== null);

    return {
      conversationId: c.id,
      teamId: c.teamId,
      agentId: c.assigneeId,
      channel: c.channel,
      tags: tagsOf(c.issueTypes),
      day: dayIn(timeZone, new Date(c.createdAt)),
      firstResponseSec: firstReplyAt === null ? null : seconds(waitStart, firstReplyAt),
      nextResponseSecs: nextResponseWaits((turns.get(c.id) ?? []).map((turn) => ({ by: turn.by, at: Date.parse(turn.at) }))),
      resolutionSec: lastResolvedAt === null ? null : seconds(c.createdAt, lastResolvedAt),
      handleTimeSec: talk.length === 0 ? null : talk.reduce((sum, s) => sum + s, 0),
      reopened,
      agents: agentReplies.length,
      startedWithBot,
      containedByBot: startedWithBot && stayedWithBot && agentReplies.length === 0 && details.botAnswers.has(c.id),
      slaOutcomes: (outcomes.get(c.id) ?? [])
        .filter((o) => targets.has(o.target))
        .map((o) => ({ target: o.target as KpiSlaTargetName, met: o.outcome === 'met' })),
      csatScore: survey('csat'),
      npsScore: survey('nps'),
    };
  });
}
