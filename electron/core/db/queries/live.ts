/**
 * The Live screen's queue figures from the cache: per team, the open conversations nobody holds,
 * the longest wait among them, and how many active conversations are due within the at-risk
 * window or breached (sla_due_order, maintained when changes are applied; index
 * conversations_team_sla_due).
 */
import type { TeamQueue } from '../../../../shared/contracts/alerts';
import type { Db } from '../database';

export function teamQueues(db: Db, teamIds: readonly string[], atRiskBefore: string): TeamQueue[] {
  if (teamIds.length === 0) return [];
  const marks = teamIds.map(() => '?').join(', ');
  const waiting = db
    .prepare(
      `SELECT team_id, count(*) AS n, min(coalesce(waiting_since, created_at)) AS since
       FROM conversations WHERE assignee_id IS NULL AND status = 'open' AND team_id IN (${marks})
       GROUP BY team_id`,
    )
    .all(...teamIds) as Array<{ team_id: string; n: number; since: string | null }>;
  const atRisk = db
    .prepare(
      `SELECT team_id, count(*) AS n FROM conversations
       WHERE team_id IN (${marks}) AND sla_due_order <= ? AND status IN ('open', 'pending')
       GROUP BY team_id`,
    )
    .all(...teamIds, atRiskBefore) as Array<{ team_id: string; n: number }>;
  return teamIds.map((teamId) => {
    const queue = waiting.find((row) => row.team_id === teamId);
    return {
      teamId,
      waiting: queue?.n ?? 0,
      longestWaitingSince: queue?.since ?? null,
      atRisk: atRisk.find((row) => row.team_id === teamId)?.n ?? 0,
    };
  });
}
