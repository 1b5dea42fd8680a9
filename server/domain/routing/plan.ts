/**
 * The dispatch rule as pure functions, so it can be property-tested without a database.
 *
 * Queue order: higher priority first (urgent > high > normal > low), then VIP contacts ahead of
 * standard ones, then the longest wait, then id (a total order, so every node agrees).
 * Agent choice: only `available` agents with free capacity for the conversation's channel;
 * the lowest utilisation of that channel (held / capacity) wins; equal utilisation is broken
 * round-robin: agents in id order, starting after the team's previous pick.
 */
import type { Capacity } from '../../../shared/contracts/routing';
import type { MessageDetail } from '../../../shared/nlu/insight';
import {
  PRIORITIES,
  type AgentStatus,
  type Channel,
  type ContactTier,
  type Priority,
} from '../../../shared/domain/model';

export interface QueueEntry {
  id: string;
  channel: Channel;
  priority: Priority;
  tier: ContactTier;
  waitingSince: string;
}

export interface AgentState {
  id: string;
  name: string;
  status: AgentStatus;
  load: Capacity;
  capacity: Capacity;
}

export interface Pick {
  conversationId: string;
  agentId: string;
  agentName: string;
  channel: Channel;
  /** Available agents in the team when the pick was made. */
  available: number;
  /** Agents that were equally least loaded (round-robin decided among them when > 1). */
  tied: number;
  /** The agent's load on the channel after this assignment, and their capacity. */
  heldAfter: number;
  capacity: number;
}

export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  const byPriority = PRIORITIES.indexOf(b.priority) - PRIORITIES.indexOf(a.priority);
  if (byPriority !== 0) return byPriority;
  const byTier = (b.tier === 'vip' ? 1 : 0) - (a.tier === 'vip' ? 1 : 0);
  if (byTier !== 0) return byTier;
  if (a.waitingSince !== b.waitingSince) return a.waitingSince < b.waitingSince ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function hasRoom(agent: AgentState, channel: Channel): boolean {
  return agent.status === 'available' && agent.load[channel] < agent.capacity[channel];
}

/** The agent who gets `entry`, or null when nobody available has room for its channel. */
export function pickAgent(
  entry: QueueEntry,
  agents: readonly AgentState[],
  lastAssignedAgentId: string | null,
): Pick | null {
  const { channel } = entry;
  const eligible = agents.filter((agent) => hasRoom(agent, channel));
  if (eligible.length === 0) return null;
  // Compare utilisation as fractions without rounding: a/b < c/d  ⇔  a·d < c·b (b, d > 0 here).
  const lessLoaded = (x: AgentState, y: AgentState) =>
    x.load[channel] * y.capacity[channel] - y.load[channel] * x.capacity[channel];
  let least = eligible[0]!;
  for (const agent of eligible) if (lessLoaded(agent, least) < 0) least = agent;
  const tied = eligible
    .filter((agent) => lessLoaded(agent, least) === 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const next =
    lastAssignedAgentId === null ? undefined : tied.find((agent) => agent.id > lastAssignedAgentId);
  const chosen = next ?? tied[0]!;
  return {
    conversationId: entry.id,
    agentId: chosen.id,
    agentName: chosen.name,
    channel,
    available: agents.filter((agent) => agent.status === 'available').length,
    tied: tied.length,
    heldAfter: chosen.load[channel] + 1,
    capacity: chosen.capacity[channel],
  };
}

/**
 * Every assignment one dispatch round would make, in order: the queue in `compareQueue` order,
 * each entry to `pickAgent`, loads and the round-robin pointer updated as it goes. Entries whose
 * channel has no room stay queued; later entries of other channels may still be placed.
 */
export function planAssignments(
  queue: readonly QueueEntry[],
  agents: readonly AgentState[],
  lastAssignedAgentId: string | null,
): Pick[] {
  const state = agents.map((agent) => ({ ...agent, load: { ...agent.load } }));
  let last = lastAssignedAgentId;
  const picks: Pick[] = [];
  for (const entry of [...queue].sort(compareQueue)) {
    const pick = pickAgent(entry, state, last);
    if (!pick) continue;
    picks.push(pick);
    state.find((agent) => agent.id === pick.agentId)!.load[entry.channel] += 1;
    last = pick.agentId;
  }
  return picks;
}

/** The system message that records why: English text with names, and the detail each window words itself. */
export function assignmentReason(pick: Pick): { text: string; detail: MessageDetail } {
  const tie = pick.tied > 1 ? `, round-robin among ${pick.tied} equally loaded` : '';
  return {
    text: `Auto-assigned to ${pick.agentName}: least loaded of ${pick.available} available${tie}, ${pick.channel} ${pick.heldAfter}/${pick.capacity}`,
    detail: {
      kind: 'auto_assigned',
      to: pick.agentName,
      available: pick.available,
      tied: pick.tied,
      channel: pick.channel,
      held: pick.heldAfter,
      capacity: pick.capacity,
    },
  };
}
