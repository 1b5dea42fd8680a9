/**
 * The Live screen's queue figures from the cache: per team, the open conversations nobody holds
 * (per channel too, and how many are VIPs), the longest wait among them, and how many active
 * conversations are due within the at-risk window or already past it (sla_due_order, maintained
 * when changes are applied; index conversations_team_sla_due).
 */
import type { Channel } from '../../../../shared/domain/model';
import { AGENT_CONVERSATIONS_MAX, type AgentConversation, type TeamQueue } from '../../../../shared/contracts/alerts';
import type { Db } from '../database';

export function teamQueues(db: Db, teamIds: readonly string[], atRiskBefore: string, now: string): TeamQueue[] {
  if (teamIds.length === 0) return [];
  const marks = teamIds.map(() => '?').join(', ');
  const waiting = db
    .prepare(
      `SELECT c.team_id, c.channel, count(*) AS n, min(coalesce(c.waiting_since, c.created_at)) AS since,
              sum(CASE WHEN k.tier = 'vip' THEN 1 ELSE 0 END) AS vip
       FROM conversations c LEFT JOIN contacts k ON k.id = c.contact_id
       WHERE c.assignee_id IS NULL AND c.status = 'open' AND c.team_id IN (${marks})
       GROUP BY c.team_id, c.channel`,
    )
    .all(...teamIds) as Array<{ team_id: string; channel: Channel; n: number; since: string | null; vip: number }>;
  const due = db
    .prepare(
      `SELECT team_id, count(*) AS n, sum(CASE WHEN sla_due_order <= ? THEN 1 ELSE 0 END) AS breached
       FROM conversations
       WHERE team_id IN (${marks}) AND sla_due_order <= ? AND status IN ('open', 'pending')
       GROUP BY team_id`,
    )
    .all(now, ...teamIds, atRiskBefore) as Array<{ team_id: string; n: number; breached: number }>;
  return teamIds.map((teamId) => {
    const channels = waiting.filter((row) => row.team_id === teamId).sort((a, b) => b.n - a.n);
    const since = channels.map((row) => row.since).filter((at): at is string => at !== null).sort()[0] ?? null;
    const risk = due.find((row) => row.team_id === teamId);
    return {
      teamId,
      waiting: channels.reduce((sum, row) => sum + row.n, 0),
      longestWaitingSince: since,
      atRisk: risk?.n ?? 0,
      breached: risk?.breached ?? 0,
      vipWaiting: channels.reduce((sum, row) => sum + row.vip, 0),
      byChannel: channels.map((row) => ({ channel: row.channel, waiting: row.n, longestWaitingSince: row.since })),
    };
  });
}

/**
 * What one agent holds in the given teams (open or pending), soonest SLA target first, then the
 * longest waiting. The read walks 008's per-assignee SLA index (filters tested on its entries);
 * ties are ordered here, over one agent's handful of rows.
 */
export function agentConversations(db: Db, agentId: string, teamIds: readonly string[]): AgentConversation[] {
  if (teamIds.length === 0) return [];
  const marks = teamIds.map(() => '?').join(', ');
  const rows = db
    .prepare(
      `SELECT c.id, c.team_id, c.channel, c.status, c.priority, c.subject, c.last_message_preview, c.last_message_at,
              c.waiting_since, c.sla_next_due_at, k.name AS contact_name, k.tier
       FROM conversations c LEFT JOIN contacts k ON k.id = c.contact_id
       WHERE c.assignee_id = ? AND c.status IN ('open', 'pending') AND c.team_id IN (${marks})
       ORDER BY c.sla_due_order
       LIMIT ?`,
    )
    .all(agentId, ...teamIds, AGENT_CONVERSATIONS_MAX) as Array<{
    id: string;
    team_id: string;
    channel: Channel;
    status: 'open' | 'pending';
    priority: AgentConversation['priority'];
    subject: string | null;
    last_message_preview: string;
    last_message_at: string;
    waiting_since: string | null;
    sla_next_due_at: string | null;
    contact_name: string | null;
    tier: string | null;
  }>;
  const waitOrder = (at: string | null) => at ?? '9999';
  rows.sort(
    (a, b) =>
      waitOrder(a.sla_next_due_at).localeCompare(waitOrder(b.sla_next_due_at)) ||
      waitOrder(a.waiting_since).localeCompare(waitOrder(b.waiting_since)) ||
      a.id.localeCompare(b.id),
  );
  return rows.map((row) => ({
    id: row.id,
    teamId: row.team_id,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    contactName: row.contact_name,
    vip: row.tier === 'vip',
    subject: row.subject,
    lastMessagePreview: row.last_message_preview,
    lastMessageAt: row.last_message_at,
    waitingSince: row.waiting_since,
    slaDueAt: row.sla_next_due_at,
  }));
}
