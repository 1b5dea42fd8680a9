/** Presence in the cache: the signed-in agent's optimistic status and the load they hold. */
import type { Capacity } from '../../../../shared/contracts/routing';
import { CHANNELS, type AgentStatus, type Channel } from '../../../../shared/domain/model';
import type { Db } from '../database';

/** Optimistic: the server's `agent.updated` that follows (higher seq) overwrites it either way. */
export function setLocalAgentStatus(db: Db, agentId: string, status: AgentStatus): void {
  db.prepare('UPDATE agents SET status = ? WHERE id = ?').run(status, agentId);
}

/** Open and pending conversations the agent holds, per channel (what counts against capacity). */
export function heldLoad(db: Db, agentId: string): Capacity {
  const load: Capacity = { chat: 0, email: 0, voice: 0, sms: 0, social: 0 };
  const rows = db
    .prepare(
      `SELECT channel, COUNT(*) AS held FROM conversations
       WHERE assignee_id = ? AND status IN ('open', 'pending') GROUP BY channel`,
    )
    .all(agentId) as Array<{ channel: string; held: number }>;
  for (const row of rows)
    if ((CHANNELS as readonly string[]).includes(row.channel)) load[row.channel as Channel] = row.held;
  return load;
}
