/**
 * Routing queries: capacity per agent and channel, each team's dispatch setting and round-robin
 * pointer, agents' current load, a team's queue, and the conditional assignment that makes
 * concurrent dispatchers safe.
 */
import { DEFAULT_CAPACITY, type Capacity } from '../../../shared/contracts/routing';
import {
  CHANNELS,
  type AgentStatus,
  type Channel,
  type ContactTier,
  type Priority,
} from '../../../shared/domain/model';
import type { Db, Trx } from '../database';

/** Conversations that count against an agent's capacity. */
export const LOAD_STATUSES = ['open', 'pending'] as const;

export function emptyLoad(): Capacity {
  return { chat: 0, email: 0, voice: 0, sms: 0, social: 0 };
}

/** Capacity of each agent; channels without a row take DEFAULT_CAPACITY. */
export async function capacitiesOf(
  db: Db | Trx,
  agentIds: readonly string[],
): Promise<Map<string, Capacity>> {
  const result = new Map<string, Capacity>(agentIds.map((id) => [id, { ...DEFAULT_CAPACITY }]));
  if (agentIds.length === 0) return result;
  const rows = await db
    .selectFrom('agent_capacity')
    .select(['agent_id', 'channel', 'capacity'])
    .where('agent_id', 'in', [...agentIds])
    .execute();
  for (const row of rows) {
    const capacity = result.get(row.agent_id);
    if (capacity && (CHANNELS as readonly string[]).includes(row.channel))
      capacity[row.channel as Channel] = Number(row.capacity);
  }
  return result;
}

export async function setCapacity(trx: Trx, agentId: string, capacity: Capacity): Promise<void> {
  await trx.deleteFrom('agent_capacity').where('agent_id', '=', agentId).execute();
  await trx
    .insertInto('agent_capacity')
    .values(CHANNELS.map((channel) => ({ agent_id: agentId, channel, capacity: capacity[channel] })))
    .execute();
}

export interface TeamRouting {
  autoAssign: boolean;
  lastAssignedAgentId: string | null;
}

export async function teamRoutingOf(db: Db | Trx, teamId: string): Promise<TeamRouting> {
  const row = await db
    .selectFrom('team_routing')
    .selectAll()
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return {
    autoAssign: row ? Number(row.auto_assign) === 1 : true,
    lastAssignedAgentId: row?.last_assigned_agent_id ?? null,
  };
}

export async function setTeamAutoAssign(
  trx: Trx,
  teamId: string,
  autoAssign: boolean,
  now: string,
): Promise<void> {
  await trx
    .insertInto('team_routing')
    .values({
      team_id: teamId,
      auto_assign: autoAssign ? 1 : 0,
      last_assigned_agent_id: null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('team_id').doUpdateSet({ auto_assign: autoAssign ? 1 : 0, updated_at: now }),
    )
    .execute();
}

export async function setLastAssignedAgent(
  trx: Trx,
  teamId: string,
  agentId: string,
  now: string,
): Promise<void> {
  await trx
    .insertInto('team_routing')
    .values({ team_id: teamId, auto_assign: 1, last_assigned_agent_id: agentId, updated_at: now })
    .onConflict((oc) =>
      oc.column('team_id').doUpdateSet({ last_assigned_agent_id: agentId, updated_at: now }),
    )
    .execute();
}

export interface TeamMember {
  id: string;
  name: string;
  status: AgentStatus;
  /** When the status last changed; null when it has not since the upgrade. */
  statusSince: string | null;
}

/** The team's agents who may hold work (role agent), by id. */
export async function teamMembers(db: Db | Trx, teamId: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('agents')
    .innerJoin('agent_teams', 'agent_teams.agent_id', 'agents.id')
    .select(['agents.id', 'agents.name', 'agents.status', 'agents.status_since'])
    .where('agent_teams.team_id', '=', teamId)
    .where('agents.role', '=', 'agent')
    .orderBy('agents.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status as AgentStatus,
    statusSince: row.status_since ?? null,
  }));
}

/** Open and pending conversations each agent holds, per channel (all teams). */
export async function loadsOf(db: Db | Trx, agentIds: readonly string[]): Promise<Map<string, Capacity>> {
  const result = new Map<string, Capacity>(agentIds.map((id) => [id, emptyLoad()]));
  if (agentIds.length === 0) return result;
  const rows = await db
    .selectFrom('conversations')
    .select((eb) => ['assignee_id', 'channel', eb.fn.countAll().as('held')])
    .where('assignee_id', 'in', [...agentIds])
    .where('status', 'in', [...LOAD_STATUSES])
    .groupBy(['assignee_id', 'channel'])
    .execute();
  for (const row of rows) {
    const load = row.assignee_id ? result.get(row.assignee_id) : undefined;
    if (load && (CHANNELS as readonly string[]).includes(row.channel))
      load[row.channel as Channel] = Number(row.held);
  }
  return result;
}

export interface QueuedConversation {
  id: string;
  channel: Channel;
  priority: Priority;
  tier: ContactTier;
  /** When the customer started waiting (falls back to creation). */
  waitingSince: string;
  version: number;
}

/** A team's unassigned open conversations (order is the dispatcher's business). */
export async function queuedConversations(db: Db | Trx, teamId: string): Promise<QueuedConversation[]> {
  const rows = await db
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .select([
      'conversations.id',
      'conversations.channel',
      'conversations.priority',
      'conversations.waiting_since',
      'conversations.created_at',
      'conversations.version',
      'contacts.tier',
    ])
    .where('conversations.team_id', '=', teamId)
    .where('conversations.assignee_id', 'is', null)
    .where('conversations.status', '=', 'open')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel as Channel,
    priority: row.priority as Priority,
    tier: row.tier as ContactTier,
    waitingSince: row.waiting_since ?? row.created_at,
    version: Number(row.version),
  }));
}

/**
 * Sets the assignee only if nobody holds the conversation and it is still at `version`: the
 * guard that makes two dispatchers (or a dispatcher and an agent) never both win. Returns
 * whether this call won.
 */
export async function assignIfUnassigned(
  trx: Trx,
  conversationId: string,
  version: number,
  assigneeId: string | null,
  set: VersionedWrite,
): Promise<boolean> {
  return setAssigneeIfHeldBy(trx, conversationId, null, version, assigneeId, set);
}

/** Conversations the agent holds (open/pending) and has not yet answered with a public reply. */
export async function unansweredHeldBy(db: Db | Trx, agentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('conversations.id')
    .where('conversations.assignee_id', '=', agentId)
    .where('conversations.status', 'in', [...LOAD_STATUSES])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('messages')
            .select('messages.id')
            .whereRef('messages.conversation_id', '=', 'conversations.id')
            .where('messages.direction', '=', 'out')
            .where('messages.author_type', '=', 'agent')
            .where('messages.author_id', '=', agentId)
            .where('messages.kind', '!=', 'note'),
        ),
      ),
    )
    .orderBy('conversations.id')
    .execute();
  return rows.map((row) => row.id);
}

export async function setAgentStatusRow(trx: Trx, agentId: string, status: AgentStatus, now: string): Promise<void> {
  await trx.updateTable('agents').set({ status, status_since: now }).where('id', '=', agentId).execute();
}

/** Clears the assignee only if `agentId` still holds the conversation at `version`; returns whether it did. */
export async function unassignIfHeldBy(
  trx: Trx,
  conversationId: string,
  agentId: string,
  version: number,
  set: VersionedWrite,
): Promise<boolean> {
  return setAssigneeIfHeldBy(trx, conversationId, agentId, version, null, set);
}

/** The fields every versioned conversation write moves along with the assignee. */
type VersionedWrite = {
  version: number;
  last_writer_client_id: string | null;
  writer_streak_base_version: number;
  updated_at: string;
  message_count: number;
};

/** Moves the assignee from `holder` (null: nobody) to `next`, only at `version`; true if it won. */
async function setAssigneeIfHeldBy(
  trx: Trx,
  conversationId: string,
  holder: string | null,
  version: number,
  next: string | null,
  set: VersionedWrite,
): Promise<boolean> {
  const result = await trx
    .updateTable('conversations')
    .set({ assignee_id: next, ...set })
    .where('id', '=', conversationId)
    .where('assignee_id', holder === null ? 'is' : '=', holder)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Agents whose stored status is not offline (checked after a server start for stale presence). */
export async function agentsNotOffline(db: Db | Trx): Promise<Array<{ id: string; teamIds: string[] }>> {
  const rows = await db
    .selectFrom('agents')
    .leftJoin('agent_teams', 'agent_teams.agent_id', 'agents.id')
    .select(['agents.id', 'agent_teams.team_id'])
    .where('agents.status', '!=', 'offline')
    .execute();
  const byAgent = new Map<string, string[]>();
  for (const row of rows) {
    const teams = byAgent.get(row.id) ?? [];
    if (row.team_id) teams.push(row.team_id);
    byAgent.set(row.id, teams);
  }
  return [...byAgent].map(([id, teamIds]) => ({ id, teamIds }));
}
