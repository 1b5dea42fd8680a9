/**
 * Auto-assignment: places a team's queued conversations with its available agents, in rounds of
 * a few per write transaction, each conversation its own change-log range (one audience per
 * poke), recorded as a versioned `conversation.assigned` change plus a system message saying why.
 *
 * Race safety: every round re-reads queue, presence and load inside its write transaction
 * (PostgreSQL: after the change-log advisory lock, so it sees every earlier commit; SQLite: one
 * writer), and the assignment itself is conditional on `assignee_id IS NULL AND version = v`.
 * Two nodes or two triggers on one node therefore never assign a conversation twice, and
 * capacity is checked against committed load.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Trx } from '../../db/database';
import { conversationFromRow, getConversationRow } from '../../db/queries/conversations';
import { insertMessage, messageFromRow } from '../../db/queries/messages';
import {
  assignIfUnassigned,
  capacitiesOf,
  loadsOf,
  queuedConversations,
  setLastAssignedAgent,
  teamMembers,
  teamRoutingOf,
} from '../../db/queries/routing';
import { commitWithChanges, type AppendFn, type DomainContext } from '../context';
import { addressOf, conversationChange, messageChange } from '../snapshots';
import { bumpVersion } from '../versioning';
import { assignmentReason, planAssignments, type AgentState, type Pick } from './plan';

/** Assignments per locked transaction: amortises the lock and the reads without holding up ingest for long. */
export const ROUND_SIZE = 16;
/** Upper bound on rounds per dispatch call, so one trigger never monopolises the writer. */
const MAX_ROUNDS = 50;

/**
 * One round: under the writer lock, plans up to ROUND_SIZE assignments for the team
 * (plan.ts) and writes each as its own change-log range (one conversation per `append`, so
 * every poke still concerns one conversation). Returns the picks written.
 */
export async function dispatchRound(
  ctx: DomainContext,
  teamId: string,
  roundSize = ROUND_SIZE,
): Promise<Pick[]> {
  // Cheap look without the writer lock first: most triggers find nothing to do, and on
  // PostgreSQL every locked transaction holds up ingest. The decision is re-made under the lock.
  if (!(await hasWork(ctx.store.db, teamId))) return [];
  return commitWithChanges(ctx, async (trx, append) => {
    const routing = await teamRoutingOf(trx, teamId);
    if (!routing.autoAssign) return [];
    const members = await teamMembers(trx, teamId);
    if (!members.some((member) => member.status === 'available')) return [];
    const queue = await queuedConversations(trx, teamId);
    if (queue.length === 0) return [];
    const ids = members.map((member) => member.id);
    const [capacities, loads] = await Promise.all([capacitiesOf(trx, ids), loadsOf(trx, ids)]);
    const agents: AgentState[] = members.map((member) => ({
      ...member,
      capacity: capacities.get(member.id)!,
      load: loads.get(member.id)!,
    }));
    const versions = new Map(queue.map((entry) => [entry.id, entry.version]));
    const written: Pick[] = [];
    for (const pick of planAssignments(queue, agents, routing.lastAssignedAgentId).slice(0, roundSize)) {
      // Under the lock the guard always holds; it is what keeps a wrong plan from double-assigning.
      if (
        await writeAssignment(ctx, trx, append, pick.conversationId, versions.get(pick.conversationId)!, pick)
      )
        written.push(pick);
    }
    const last = written.at(-1);
    if (last) await setLastAssignedAgent(trx, teamId, last.agentId, ctx.now().toISOString());
    return written;
  });
}

async function hasWork(db: Db, teamId: string): Promise<boolean> {
  if (!(await teamRoutingOf(db, teamId)).autoAssign) return false;
  if (!(await teamMembers(db, teamId)).some((member) => member.status === 'available')) return false;
  return (await queuedConversations(db, teamId)).length > 0;
}

async function writeAssignment(
  ctx: DomainContext,
  trx: Trx,
  append: AppendFn,
  conversationId: string,
  version: number,
  pick: Pick,
): Promise<boolean> {
  const before = await getConversationRow(trx, conversationId);
  if (!before) return false;
  const now = ctx.now().toISOString();
  const versions = bumpVersion(before, null);
  const won = await assignIfUnassigned(trx, conversationId, version, pick.agentId, {
    ...versions,
    updated_at: now,
    message_count: before.message_count + 1,
  });
  if (!won) return false;
  const after = {
    ...before,
    ...versions,
    assignee_id: pick.agentId,
    updated_at: now,
    message_count: before.message_count + 1,
  };
  const conversation = conversationFromRow(after);
  const address = addressOf(conversation, conversationFromRow(before));
  const reason = assignmentReason(pick);
  const message = {
    id: randomUUID(),
    conversation_id: conversationId,
    channel: before.channel,
    external_id: null,
    direction: 'out',
    kind: 'system',
    author_type: 'system',
    author_id: null,
    text: reason.text,
    detail_json: JSON.stringify(reason.detail),
    subject: null,
    call_json: null,
    created_at: now,
  };
  await insertMessage(trx, message);
  await append([
    conversationChange('conversation.assigned', conversation, address),
    messageChange(messageFromRow(message), address),
  ]);
  return true;
}

/** Assigns until the team's queue is empty or nobody has room; returns the picks made. */
export async function dispatchTeam(ctx: DomainContext, teamId: string): Promise<Pick[]> {
  const picks: Pick[] = [];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const written = await dispatchRound(ctx, teamId);
    picks.push(...written);
    if (written.length < ROUND_SIZE) break;
  }
  return picks;
}
