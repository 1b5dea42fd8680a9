/**
 * SLA in the core: keeps the policy and calendar lists the server sent, stores each conversation's
 * SLA events from its snapshot, computes `sla_next_due_at` (the inbox's "due soonest" sort and
 * "breaching within 30 min" filter), and builds the `SlaClock` a window needs to tick a countdown
 * itself with `computeSla`. Policy matching uses the same function as the server (first match
 * wins), so a policy edit re-matches every cached conversation without new snapshots.
 */
import type { SlaClock } from '../../../shared/contracts/sla';
import type { Change } from '../../../shared/contracts/sync';
import type { Channel, ContactTier, Conversation, Priority } from '../../../shared/domain/model';
import { computeSla, type SlaEvent } from '../../../shared/sla';
import { matchSlaPolicy, policyTargets } from '../../../shared/sla/policies';
import type { Db } from '../db/database';
import {
  getConversationSlaRows,
  getSlaConfig,
  listConversationSlaRows,
  putSlaConfig,
  setConversationSla,
  setSlaNextDueAt,
  type ConversationSlaRow,
  type SlaConfig,
} from '../db/queries/sla';

/** Applies a policy or calendar list change; returns whether it was one (and was newer). */
export function applySlaConfigChange(db: Db, change: Change): boolean {
  if (change.type === 'sla_policy.updated') return putSlaConfig(db, 'policies', change.policies, change.seq);
  if (change.type === 'business_calendar.updated')
    return putSlaConfig(db, 'calendars', change.calendars, change.seq);
  return false;
}

/** Keeps the snapshot's SLA data; snapshots without it (older servers, rollbacks) leave it as is. */
export function storeConversationSla(db: Db, conversation: Conversation): void {
  if (!conversation.slaEvents) return;
  setConversationSla(db, conversation.id, {
    policyId: conversation.slaPolicyId ?? null,
    events: conversation.slaEvents as SlaEvent[],
  });
}

/** The countdown input for one cached conversation, or null when no policy or calendar applies. */
export function slaClockOf(config: SlaConfig, row: ConversationSlaRow): SlaClock | null {
  if (!row.sla_events) return null;
  const policy = matchSlaPolicy(config.policies, {
    priority: row.priority as Priority,
    channel: row.channel as Channel,
    teamId: row.team_id,
    tier: (row.tier ?? 'standard') as ContactTier,
  });
  const calendar = policy && config.calendars.find((record) => record.id === policy.calendarId);
  if (!policy || !calendar) return null;
  return {
    policyId: policy.id,
    policyName: policy.name,
    policy: policyTargets(policy),
    calendar: calendar.calendar,
    events: JSON.parse(row.sla_events) as SlaEvent[],
  };
}

/** Earliest due instant of a counting target; null when none counts or the input is unusable. */
export function nextDueAtOf(clock: SlaClock | null, nowMs: number): string | null {
  if (!clock) return null;
  const lastEvent = clock.events.reduce((latest, event) => Math.max(latest, Date.parse(event.at)), 0);
  try {
    // A server clock a little ahead of ours must not hide its latest events.
    const now = new Date(Math.max(nowMs, lastEvent)).toISOString();
    return computeSla({ ...clock, now }).nextDueAt;
  } catch {
    return null;
  }
}

/** Recompute `sla_next_due_at` for the given conversations, or all of them (config changed). */
export function refreshSlaDue(db: Db, ids: readonly string[] | 'all', nowMs = Date.now()): void {
  const config = getSlaConfig(db);
  const rows = ids === 'all' ? listConversationSlaRows(db) : getConversationSlaRows(db, ids);
  for (const row of rows) setSlaNextDueAt(db, row.id, nextDueAtOf(slaClockOf(config, row), nowMs));
}

/**
 * Adds `sla` to inbox rows, in place (one query for the page, none when the caller read `slaRows`
 * already). In place because the rows were just read for this page, and copying each row into a
 * new literal made V8 promote them all (slow scavenges; see `toInboxRow`).
 */
export function withSlaClocks<R extends { id: string }>(
  db: Db,
  rows: R[],
  slaRows?: readonly ConversationSlaRow[],
): Array<R & { sla: SlaClock | null }> {
  const config = getSlaConfig(db);
  const byId = new Map(
    (
      slaRows ??
      getConversationSlaRows(
        db,
        rows.map((row) => row.id),
      )
    ).map((row) => [row.id, row]),
  );
  return rows.map((row) => {
    const slaRow = byId.get(row.id);
    const withClock = row as R & { sla: SlaClock | null };
    withClock.sla = slaRow ? slaClockOf(config, slaRow) : null;
    return withClock;
  });
}

export function slaClockFor(db: Db, conversationId: string): SlaClock | null {
  const [row] = getConversationSlaRows(db, [conversationId]);
  return row ? slaClockOf(getSlaConfig(db), row) : null;
}
