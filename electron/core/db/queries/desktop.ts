/**
 * The desktop badge and the updater's "is the agent busy" question, over the signed-in agent's
 * open conversations (index conversations_assignee_newest: assignee_id first).
 */
import type { DesktopBadge } from '../../../../shared/contracts/desktop';
import type { Db } from '../database';

const WORKING_STATUSES = "('open', 'pending')";

export function desktopBadge(db: Db, agentId: string): DesktopBadge {
  const row = db
    .prepare(
      `SELECT
         coalesce(sum(last_message_direction = 'in' AND (read_at IS NULL OR read_at < last_message_at)), 0) AS unread,
         min(sla_next_due_at) AS nearest
       FROM conversations
       WHERE assignee_id = ? AND status IN ${WORKING_STATUSES}`,
    )
    .get(agentId) as { unread: number; nearest: string | null };
  return { unread: row.unread, nearestDueAt: row.nearest };
}

/** An open voice conversation assigned to the agent: a call may be in progress. */
export function hasOpenCall(db: Db, agentId: string): boolean {
  const row = db
    .prepare(`SELECT 1 FROM conversations WHERE assignee_id = ? AND status = 'open' AND channel = 'voice' LIMIT 1`)
    .get(agentId);
  return row !== undefined;
}
