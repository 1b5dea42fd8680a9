/**
 * Presence: the `agent.setStatus` mutation, the server-side status change (offline after the
 * last socket closed), and returning an agent's not-yet-answered work to the queue. Status
 * changes go out as `agent.updated` (a directory change), so every directory updates.
 */
import { randomUUID } from 'node:crypto';
import type { MutationArgs } from '../../../shared/contracts/sync';
import type { AgentStatus } from '../../../shared/domain/model';
import type { MessageDetail } from '../../../shared/nlu/insight';
import type { Trx } from '../../db/database';
import type { NewChange } from '../../db/queries/changes';
import { conversationFromRow, getConversationRow } from '../../db/queries/conversations';
import { getAgent } from '../../db/queries/directory';
import { insertMessage, messageFromRow } from '../../db/queries/messages';
import { setAgentStatusRow, unansweredHeldBy, unassignIfHeldBy } from '../../db/queries/routing';
import { commitWithChanges, type DomainContext } from '../context';
import type { MutationContext, MutationOutcome } from '../mutations/common';
import { MutationRejected } from '../mutations/common';
import { addressOf, conversationChange, directoryChange, messageChange } from '../snapshots';
import { bumpVersion } from '../versioning';

async function statusChange(trx: Trx, agentId: string, status: AgentStatus, now: string): Promise<NewChange[]> {
  await setAgentStatusRow(trx, agentId, status, now);
  const agent = await getAgent(trx, agentId);
  if (!agent) throw new MutationRejected('not_found', `agent ${agentId} does not exist`);
  return [directoryChange({ type: 'agent.updated', agent })];
}

/** `agent.setStatus`: the signed-in agent's own presence. */
export async function setOwnStatus(
  ctx: MutationContext,
  args: MutationArgs<'agent.setStatus'>,
): Promise<MutationOutcome> {
  const current = await getAgent(ctx.trx, ctx.actor.id);
  if (!current) throw new MutationRejected('not_found', 'your agent record no longer exists');
  if (current.status === args.status) return { changes: [] };
  return { changes: await statusChange(ctx.trx, ctx.actor.id, args.status, ctx.now) };
}

/** A status change the server decides (e.g. offline after disconnect); returns the previous status. */
export async function setAgentStatus(
  ctx: DomainContext,
  agentId: string,
  status: AgentStatus,
): Promise<AgentStatus | null> {
  return commitWithChanges(ctx, async (trx, append) => {
    const current = await getAgent(trx, agentId);
    if (!current) return null;
    if (current.status !== status) await append(await statusChange(trx, agentId, status, ctx.now().toISOString()));
    return current.status;
  });
}

/**
 * Unassigns every open or pending conversation the agent holds and has not answered yet, one
 * transaction each, with a system message. A conversation someone changed meanwhile (version
 * or assignee moved) is left alone. Returns the teams whose queues grew.
 */
/** Why an agent's unanswered work went back to the queue: set offline, or their last connection dropped. */
export type RequeueReason = 'offline' | 'disconnected';

export async function returnWorkToQueue(ctx: DomainContext, agentId: string, why: RequeueReason): Promise<string[]> {
  const agent = await getAgent(ctx.store.db, agentId);
  if (!agent) return [];
  const teams = new Set<string>();
  for (const conversationId of await unansweredHeldBy(ctx.store.db, agentId)) {
    const teamId = await commitWithChanges(ctx, async (trx, append) => {
      const before = await getConversationRow(trx, conversationId);
      if (!before || before.assignee_id !== agentId) return null;
      const now = ctx.now().toISOString();
      const versions = bumpVersion(before, null);
      const set = { ...versions, updated_at: now, message_count: before.message_count + 1 };
      if (!(await unassignIfHeldBy(trx, conversationId, agentId, before.version, set))) return null;
      const conversation = conversationFromRow({ ...before, ...set, assignee_id: null });
      const address = addressOf(conversation, conversationFromRow(before));
      const message = {
        id: randomUUID(),
        conversation_id: conversationId,
        channel: before.channel,
        external_id: null,
        direction: 'out',
        kind: 'system',
        author_type: 'system',
        author_id: null,
        text: `Returned to the queue: ${agent.name} ${why === 'offline' ? 'went offline' : 'went offline (disconnected)'}`,
        detail_json: JSON.stringify({ kind: 'returned_to_queue', agent: agent.name, reason: why } satisfies MessageDetail),
        subject: null,
        call_json: null,
        created_at: now,
      };
      await insertMessage(trx, message);
      await append([
        conversationChange('conversation.assigned', conversation, address),
        messageChange(messageFromRow(message), address),
      ]);
      return before.team_id;
    });
    if (teamId) teams.add(teamId);
  }
  return [...teams];
}
