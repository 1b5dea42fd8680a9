/**
 * sync.push: applies a client's mutations in order, each in its own transaction, at most once per
 * (clientId, mutationId). Accepted and rejected results are both recorded, so a resend after a
 * lost ack gets exactly the answer the first attempt got.
 */
import { parseOrThrow, SwitchboardError } from '../../../shared/contracts/errors';
import {
  MutationArgsSchemas,
  type Mutation,
  type MutationArgs,
  type MutationName,
  type MutationResult,
  type PushRequest,
  type PushResponse,
} from '../../../shared/contracts/sync';
import type { Agent } from '../../../shared/domain/model';
import { headSeq } from '../../db/queries/changes';
import { findAppliedMutation, recordAppliedMutation } from '../../db/queries/mutations';
import { commitWithChanges, type DomainContext } from '../context';
import { MutationRejected, type MutationContext, type MutationOutcome } from './common';
import {
  assignConversation,
  setConversationPriority,
  setConversationStatus,
  transferConversation,
} from './conversationWrites';
import { sendMessage } from './sendMessage';
import { setOwnStatus } from '../routing/presence';
import { afterMutation } from '../routing/triggers';
import { createCanned, recordCannedUse, removeCanned, updateCanned } from './canned';

type Handler<N extends MutationName> = (
  ctx: MutationContext,
  args: MutationArgs<N>,
) => Promise<MutationOutcome>;

export const MUTATION_HANDLERS: { [N in MutationName]: Handler<N> } = {
  'message.send': sendMessage,
  'conversation.assign': assignConversation,
  'conversation.transfer': transferConversation,
  'conversation.setStatus': setConversationStatus,
  'conversation.setPriority': setConversationPriority,
  'canned.create': createCanned,
  'canned.update': updateCanned,
  'canned.delete': removeCanned,
  'canned.used': recordCannedUse,
  'agent.setStatus': setOwnStatus,
};

function runHandler<N extends MutationName>(
  name: N,
  ctx: MutationContext,
  rawArgs: unknown,
): Promise<MutationOutcome> {
  const args = parseOrThrow(MutationArgsSchemas[name] as never, rawArgs, `${name} args`) as MutationArgs<N>;
  return MUTATION_HANDLERS[name](ctx, args);
}

export async function applyPush(
  ctx: DomainContext,
  actor: Agent,
  request: PushRequest,
): Promise<PushResponse> {
  const results: MutationResult[] = [];
  for (const mutation of request.mutations) {
    results.push(await applyMutation(ctx, actor, request.clientId, mutation));
  }
  return { results };
}

export async function applyMutation(
  ctx: DomainContext,
  actor: Agent,
  clientId: string,
  mutation: Mutation,
): Promise<MutationResult> {
  const { mutationId } = mutation;
  if (actor.role === 'reviewer') {
    // Not recorded: nothing was attempted, and a reviewer's client id must not shadow a real one.
    return {
      mutationId,
      ok: false,
      error: { code: 'forbidden', message: 'reviewers do not change conversations' },
    };
  }
  let afterCommit: (() => Promise<void>) | undefined;
  let result: MutationResult;
  try {
    result = await commitWithChanges(ctx, async (trx, append) => {
      const prior = await findAppliedMutation(trx, clientId, mutationId);
      if (prior) {
        if (prior.agentId === actor.id) return prior.result;
        return {
          mutationId,
          ok: false,
          error: { code: 'forbidden', message: 'this client id belongs to another agent' },
        };
      }
      const now = ctx.now().toISOString();
      let outcome: MutationResult;
      try {
        const done = await runHandler(
          mutation.name,
          { trx, actor, clientId, now, connector: ctx.connector },
          mutation.args,
        );
        const range = done.changes.length > 0 ? await append(done.changes) : null;
        outcome = { mutationId, ok: true, seq: range ? range.to : await headSeq(trx) };
        afterCommit = done.afterCommit;
      } catch (error) {
        if (!(error instanceof SwitchboardError)) throw error;
        outcome = {
          mutationId,
          ok: false,
          error: error.toBody(),
          ...(error instanceof MutationRejected && error.conversation
            ? { conversation: error.conversation }
            : {}),
        };
      }
      await recordAppliedMutation(trx, { clientId, mutationId, agentId: actor.id, result: outcome, now });
      return outcome;
    });
  } catch (error) {
    // Rolled back and not recorded, so the client's resend will be tried afresh.
    console.error(`[server] mutation ${mutation.name} #${mutationId} failed`, error);
    return {
      mutationId,
      ok: false,
      error: { code: 'internal', message: 'the server could not apply this change; it will be retried' },
    };
  }
  if (afterCommit) {
    await afterCommit().catch((error: unknown) => console.error('[server] outbound delivery failed', error));
  }
  afterMutation(ctx, actor, mutation, result);
  return result;
}
