/**
 * Shared pieces of the mutation handlers: the context they run in, the typed rejection, and the
 * load → authorize → version-check preamble. Handlers check everything before they write, so a
 * rejection never leaves half a change behind in the transaction that records it.
 */
import { SwitchboardError, type ErrorCode } from '../../../shared/contracts/errors';
import type { Agent, Conversation } from '../../../shared/domain/model';
import { canActOnConversation } from '../../../shared/domain/visibility';
import type { Trx } from '../../db/database';
import type { NewChange } from '../../db/queries/changes';
import {
  conversationFromRow,
  getConversationRow,
  type ConversationRow,
} from '../../db/queries/conversations';
import { getAgent } from '../../db/queries/directory';
import type { OutboundConnector } from '../connectors';
import { isStale } from '../versioning';

export interface MutationContext {
  trx: Trx;
  /** The signed-in agent who sent the mutation. */
  actor: Agent;
  clientId: string;
  now: string;
  connector: OutboundConnector;
}

export interface MutationOutcome {
  changes: NewChange[];
  /** Runs after commit (outbound delivery); its failure never undoes the mutation. */
  afterCommit?: () => Promise<void>;
}

/** A rejection that is recorded like a result, so a resend gets the same answer. */
export class MutationRejected extends SwitchboardError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly conversation?: Conversation,
  ) {
    super(code, message);
  }
}

export function viewerOf(actor: Agent) {
  return { id: actor.id, role: actor.role, teamIds: actor.teamIds };
}

export async function loadActionableConversation(
  ctx: MutationContext,
  conversationId: string,
): Promise<ConversationRow> {
  const row = await getConversationRow(ctx.trx, conversationId);
  if (!row) throw new MutationRejected('not_found', `conversation ${conversationId} does not exist`);
  if (!canActOnConversation(viewerOf(ctx.actor), conversationFromRow(row))) {
    throw new MutationRejected('forbidden', 'you may not act on this conversation');
  }
  return row;
}

export function assertFresh(ctx: MutationContext, row: ConversationRow, baseVersion: number): void {
  if (isStale(row, ctx.clientId, baseVersion)) {
    throw new MutationRejected(
      'stale',
      `the conversation changed meanwhile (version ${row.version}, yours was ${baseVersion})`,
      conversationFromRow(row),
    );
  }
}

/** Agents may take a conversation or let it go; only leads and admins assign others. */
export async function resolveAssignee(
  ctx: MutationContext,
  assigneeId: string | null,
): Promise<Agent | null> {
  if (assigneeId === null) return null;
  if (ctx.actor.role === 'agent' && assigneeId !== ctx.actor.id) {
    throw new MutationRejected('forbidden', 'agents may assign conversations only to themselves');
  }
  const assignee = await getAgent(ctx.trx, assigneeId);
  if (!assignee) throw new MutationRejected('not_found', `agent ${assigneeId} does not exist`);
  if (assignee.role === 'reviewer')
    throw new MutationRejected('invalid', 'reviewers cannot hold conversations');
  return assignee;
}
