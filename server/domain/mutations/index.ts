/**
 * sync.push: applies a client's mutations in order, in write transactions of up to
 * PUSH_TRANSACTION_MAX, at most once per (clientId, mutationId). Accepted and rejected results
 * are both recorded, so a resend after a lost ack gets exactly the answer the first attempt got.
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
import type { Trx } from '../../db/database';
import { commitWithChanges, type AppendFn, type DomainContext } from '../context';
import { MutationRejected, type MutationContext, type MutationOutcome } from './common';
import {
  assignConversation,
  setConversationPriority,
  setConversationStatus,
  transferConversation,
} from './conversationWrites';
import { sendMessage } from './sendMessage';
import { setOwnStatus } from '../routing/presence';
import { createCanned, recordCannedUse, removeCanned, updateCanned } from './canned';
import { acknowledgeAlert } from './alerts';
import {
  acknowledgeReview,
  assignReview,
  startCalibration,
  disputeReview,
  resolveDispute,
  saveScorecard,
  skipReview,
  submitReview,
} from '../qa/mutations';

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
  'alert.acknowledge': acknowledgeAlert,
  'qa.scorecard.save': saveScorecard,
  'qa.assign': assignReview,
  'qa.calibration.start': startCalibration,
  'qa.skip': skipReview,
  'qa.review.submit': submitReview,
  'qa.review.acknowledge': acknowledgeReview,
  'qa.review.dispute': disputeReview,
  'qa.review.resolve': resolveDispute,
};

function runHandler<N extends MutationName>(
  name: N,
  ctx: MutationContext,
  rawArgs: unknown,
): Promise<MutationOutcome> {
  const args = parseOrThrow(MutationArgsSchemas[name] as never, rawArgs, `${name} args`) as MutationArgs<N>;
  return MUTATION_HANDLERS[name](ctx, args);
}

/** What a reviewer may write: their reviews, never a conversation. */
const REVIEWER_MUTATIONS: ReadonlySet<string> = new Set<MutationName>(['qa.review.submit', 'qa.skip', 'qa.review.resolve']);

/**
 * Mutations per write transaction. A batch commits together (one commit and, on PostgreSQL, one
 * advisory-lock wait per chunk instead of per mutation), small enough that the writer lock is
 * never held long while ingest waits.
 */
export const PUSH_TRANSACTION_MAX = 50;

interface Applied {
  result: MutationResult;
  afterCommit?: () => Promise<void>;
}

export async function applyPush(
  ctx: DomainContext,
  actor: Agent,
  request: PushRequest,
): Promise<PushResponse> {
  const results: MutationResult[] = [];
  for (let start = 0; start < request.mutations.length; start += PUSH_TRANSACTION_MAX) {
    const chunk = request.mutations.slice(start, start + PUSH_TRANSACTION_MAX);
    results.push(...(await applyChunk(ctx, actor, request.clientId, chunk)));
    if (results.some(isTransientFailure)) return { results: withRestNotAttempted(results, request.mutations) };
  }
  return { results };
}

const isTransientFailure = (result: MutationResult) => !result.ok && result.error.code === 'internal';

/**
 * Once one mutation failed for a reason that may pass (`internal`), the ones after it are not
 * attempted: the client resends them after it, so a later reply can never land before an
 * earlier one that failed.
 */
function withRestNotAttempted(results: MutationResult[], mutations: readonly Mutation[]): MutationResult[] {
  const firstFailure = results.findIndex(isTransientFailure);
  return mutations.map((mutation, index) =>
    index <= firstFailure
      ? results[index]!
      : {
          mutationId: mutation.mutationId,
          ok: false,
          error: { code: 'internal', message: 'not applied: an earlier change in this batch failed; it will be retried in order' },
        },
  );
}

export async function applyMutation(
  ctx: DomainContext,
  actor: Agent,
  clientId: string,
  mutation: Mutation,
): Promise<MutationResult> {
  return (await applyChunk(ctx, actor, clientId, [mutation]))[0]!;
}

/**
 * Applies mutations in order in one write transaction, each recorded with its own result (a
 * rejection is a result, so it never undoes its neighbours). Acks, outbound delivery and
 * dispatch follow the commit. An unexpected failure rolls the whole transaction back with
 * nothing recorded; the chunk is then applied one mutation per transaction up to the failing
 * one, which answers `internal` (tried afresh when the client resends it), as do the ones after
 * it, unattempted, so that order holds.
 */
async function applyChunk(
  ctx: DomainContext,
  actor: Agent,
  clientId: string,
  chunk: readonly Mutation[],
): Promise<MutationResult[]> {
  if (actor.role === 'reviewer' && chunk.some((mutation) => !REVIEWER_MUTATIONS.has(mutation.name))) {
    // Refused unrecorded: nothing was attempted, and a reviewer's client id must not shadow a real
    // one. Their review writes in the same chunk still apply, in order.
    const allowed = chunk.filter((mutation) => REVIEWER_MUTATIONS.has(mutation.name));
    const applied = new Map(
      (allowed.length > 0 ? await applyChunk(ctx, actor, clientId, allowed) : []).map((r) => [r.mutationId, r]),
    );
    return chunk.map(
      ({ mutationId }) =>
        applied.get(mutationId) ?? {
          mutationId,
          ok: false,
          error: { code: 'forbidden', message: 'reviewers do not change conversations' },
        },
    );
  }
  let applied: Applied[];
  try {
    applied = await commitWithChanges(ctx, async (trx, append) => {
      const done: Applied[] = [];
      for (const mutation of chunk)
        done.push(await applyInTransaction(ctx, trx, append, actor, clientId, mutation));
      return done;
    });
  } catch (error) {
    if (chunk.length > 1) {
      const results: MutationResult[] = [];
      for (const mutation of chunk) {
        results.push(await applyMutation(ctx, actor, clientId, mutation));
        if (isTransientFailure(results[results.length - 1]!)) break;
      }
      return withRestNotAttempted(results, chunk);
    }
    // Rolled back and not recorded, so the client's resend will be tried afresh.
    console.error(`[server] mutation ${chunk[0]!.name} #${chunk[0]!.mutationId} failed`, error);
    return [
      {
        mutationId: chunk[0]!.mutationId,
        ok: false,
        error: { code: 'internal', message: 'the server could not apply this change; it will be retried' },
      },
    ];
  }
  for (const [index, { result, afterCommit }] of applied.entries()) {
    if (afterCommit) {
      await afterCommit().catch((error: unknown) =>
        console.error('[server] outbound delivery failed', error),
      );
    }
    ctx.announcer.mutated?.({ actor, mutation: chunk[index]!, result });
  }
  return applied.map(({ result }) => result);
}

async function applyInTransaction(
  ctx: DomainContext,
  trx: Trx,
  append: AppendFn,
  actor: Agent,
  clientId: string,
  mutation: Mutation,
): Promise<Applied> {
  const { mutationId } = mutation;
  const prior = await findAppliedMutation(trx, clientId, mutationId);
  if (prior) {
    if (prior.agentId === actor.id) return { result: prior.result };
    return {
      result: {
        mutationId,
        ok: false,
        error: { code: 'forbidden', message: 'this client id belongs to another agent' },
      },
    };
  }
  const now = ctx.now().toISOString();
  let applied: Applied;
  try {
    const done = await runHandler(
      mutation.name,
      { trx, actor, clientId, now, connector: ctx.connector },
      mutation.args,
    );
    const range = done.changes.length > 0 ? await append(done.changes) : null;
    applied = {
      result: { mutationId, ok: true, seq: range ? range.to : await headSeq(trx) },
      afterCommit: done.afterCommit,
    };
  } catch (error) {
    if (!(error instanceof SwitchboardError)) throw error;
    applied = {
      result: {
        mutationId,
        ok: false,
        error: error.toBody(),
        ...(error instanceof MutationRejected && error.conversation
          ? { conversation: error.conversation }
          : {}),
      },
    };
  }
  await recordAppliedMutation(trx, { clientId, mutationId, agentId: actor.id, result: applied.result, now });
  return applied;
}
