/**
 * When dispatch runs: after ingest created or reopened a conversation, after an agent became
 * available, and after capacity freed (resolve, transfer, unassign, an agent going offline).
 * Routing subscribes to what commits announce (afterCommit.ts: `ingested`, `mutated`); its work
 * runs in the dispatch scheduler and never throws into the writer.
 */
import type { IngestMessageResponse } from '../../../shared/contracts/http';
import type { Mutation, MutationResult } from '../../../shared/contracts/sync';
import type { Agent } from '../../../shared/domain/model';
import { getConversationRow } from '../../db/queries/conversations';
import { queuedConversations } from '../../db/queries/routing';
import type { CommitSubscriber } from '../afterCommit';
import type { DomainContext } from '../context';
import { compareQueue, type QueueEntry } from './plan';
import type { RequeueReason } from './presence';
import { returnWorkToQueue } from './presence';
import { dispatchScheduler, triggerDispatch } from './scheduler';

const CAPACITY_MUTATIONS = new Set([
  'conversation.setStatus',
  'conversation.transfer',
  'conversation.assign',
]);

/** Routing's part of the after-commit announcements. */
export function routingSubscriber(ctx: DomainContext): CommitSubscriber {
  return {
    ingested: (result) => afterIngest(ctx, result),
    mutated: ({ actor, mutation, result }) => afterMutation(ctx, actor, mutation, result),
  };
}

/** After an ingest committed: dispatch the conversation's team. */
function afterIngest(ctx: DomainContext, result: IngestMessageResponse): void {
  if (result.duplicate) return;
  dispatchScheduler(ctx).run(async () => {
    const row = await getConversationRow(ctx.store.db, result.conversationId);
    if (row && row.assignee_id === null && row.status === 'open') triggerDispatch(ctx, [row.team_id]);
  });
}

/** After a sync.push mutation committed. */
function afterMutation(
  ctx: DomainContext,
  actor: Agent,
  mutation: Mutation,
  result: MutationResult,
): void {
  if (!result.ok) return;
  if (mutation.name === 'agent.setStatus') {
    const { status } = mutation.args as { status: string };
    const scheduler = dispatchScheduler(ctx);
    if (status === 'available') scheduler.run(() => dispatchInQueueOrder(ctx, actor.teamIds));
    if (status === 'offline') scheduler.run(() => requeueAndDispatch(ctx, actor.id, 'offline', actor.teamIds));
    return;
  }
  if (!CAPACITY_MUTATIONS.has(mutation.name)) return;
  const { conversationId } = mutation.args as { conversationId: string };
  dispatchScheduler(ctx).run(async () => {
    const row = await getConversationRow(ctx.store.db, conversationId);
    await dispatchInQueueOrder(ctx, [...actor.teamIds, ...(row ? [row.team_id] : [])]);
  });
}

/** Returns the agent's unanswered work to the queue, then dispatches the affected teams. */
export async function requeueAndDispatch(
  ctx: DomainContext,
  agentId: string,
  why: RequeueReason,
  alsoTeams: readonly string[] = [],
): Promise<void> {
  try {
    const teams = await returnWorkToQueue(ctx, agentId, why);
    triggerDispatch(ctx, [...teams, ...alsoTeams]);
  } catch (error) {
    console.error(`[server] returning ${agentId}'s work to the queue failed`, error);
  }
}

/**
 * For an agent in several teams whose room just grew: dispatch the teams one after another,
 * the team whose most pressing queued conversation comes first (compareQueue) going first, so
 * a VIP or urgent conversation in one team is not beaten to the free slot by an ordinary one
 * in another team.
 */
export async function dispatchInQueueOrder(ctx: DomainContext, teamIds: readonly string[]): Promise<void> {
  try {
    const heads: Array<{ teamId: string; head: QueueEntry | undefined }> = [];
    for (const teamId of new Set(teamIds)) {
      heads.push({ teamId, head: (await queuedConversations(ctx.store.db, teamId)).sort(compareQueue)[0] });
    }
    heads.sort((a, b) => (a.head && b.head ? compareQueue(a.head, b.head) : a.head ? -1 : b.head ? 1 : 0));
    const scheduler = dispatchScheduler(ctx);
    for (const { teamId, head } of heads) if (head) await scheduler.trigger(teamId);
  } catch (error) {
    console.error('[server] dispatch in queue order failed', error);
  }
}
