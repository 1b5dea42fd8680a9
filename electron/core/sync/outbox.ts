/**
 * Local writes go through the outbox: the outbox row and its optimistic effect are written in ONE
 * transaction, before anything touches the network (the client sends later, in mutation-id order).
 * Acknowledgements are handled here too: ok → the row goes (the server's change that follows
 * carries the data); rejected → the row goes and the optimistic effect is rolled back.
 */
import { SwitchboardError } from '../../../shared/contracts/errors';
import { recordKey, type RecordKey } from '../../../shared/contracts/records';
import type { MutationArgs, MutationName, MutationResult } from '../../../shared/contracts/sync';
import type { Agent } from '../../../shared/domain/model';
import type { Db } from '../db/database';
import { getConversation, getServerSnapshot, setServerSnapshot } from '../db/queries/conversations';
import {
  deleteMessage,
  getMessage,
  insertPendingMessage,
  markMessageFailed,
  markMessagePending,
} from '../db/queries/messages';
import { takeMutationId } from '../db/queries/meta';
import {
  deleteOutboxEntry,
  getOutboxEntry,
  hasPendingSend,
  insertOutbox,
  type OutboxEntry,
} from '../db/queries/outbox';
import { reapplyPending, reapplyRecord } from './reapply';

export type ConversationMutationName = Extract<MutationName, `conversation.${string}`>;
/** Arguments of a conversation mutation as the UI gives them: the outbox adds `baseVersion`. */
export type ConversationMutationInput<N extends ConversationMutationName> = Omit<
  MutationArgs<N>,
  'baseVersion'
>;

export interface Rejection {
  name: string;
  conversationId: string | null;
  code: string;
  message: string;
}

function enqueue(
  db: Db,
  name: MutationName,
  args: Record<string, unknown>,
  conversationId: string,
  now: Date,
): number {
  const mutationId = takeMutationId(db);
  insertOutbox(db, {
    mutationId,
    name,
    args,
    record: recordKey('conversation', conversationId),
    createdAt: now.toISOString(),
  });
  return mutationId;
}

/** Queue a reply or note: a pending message with id = messageId plus the conversation preview. */
export function queueMessageSend(
  db: Db,
  args: MutationArgs<'message.send'>,
  author: Agent,
  now = new Date(),
): number {
  return db.transaction(() => {
    if (!getConversation(db, args.conversationId))
      throw new SwitchboardError('not_found', 'Conversation not found.');
    insertPendingMessage(db, {
      id: args.messageId,
      conversationId: args.conversationId,
      direction: 'out',
      kind: args.kind,
      authorType: 'agent',
      authorId: author.id,
      text: args.text,
      subject: args.subject ?? null,
      call: null,
      createdAt: now.toISOString(),
    });
    const mutationId = enqueue(db, 'message.send', { ...args }, args.conversationId, now);
    reapplyPending(db, args.conversationId);
    return mutationId;
  })();
}

/**
 * Queue a versioned conversation write. `baseVersion` is the server version the row had (the
 * stored server snapshot, never a locally bumped value). Several writes queued before the server
 * answers all carry the version this client saw; the server recognises a client's own streak of
 * writes and does not call them stale.
 */
export function queueConversationMutation<N extends ConversationMutationName>(
  db: Db,
  name: N,
  input: ConversationMutationInput<N>,
  now = new Date(),
): number {
  return db.transaction(() => {
    const snapshot = getServerSnapshot(db, input.conversationId);
    if (!snapshot) throw new SwitchboardError('not_found', 'Conversation not found.');
    const args = { ...input, baseVersion: snapshot.version };
    const mutationId = enqueue(db, name, args, input.conversationId, now);
    reapplyPending(db, input.conversationId);
    return mutationId;
  })();
}

/** Re-queue a failed message with a new mutation id (same message id, so it cannot double-send). */
export function retryMessage(db: Db, messageId: string, now = new Date()): string {
  return db.transaction(() => {
    const message = getMessage(db, messageId);
    if (!message || message.failedReason === null)
      throw new SwitchboardError('not_found', 'No failed message to retry.');
    markMessagePending(db, messageId);
    const args: MutationArgs<'message.send'> = {
      conversationId: message.conversationId,
      messageId,
      kind: message.kind === 'note' ? 'note' : 'text',
      text: message.text,
      ...(message.subject !== null ? { subject: message.subject } : {}),
    };
    enqueue(db, 'message.send', args, message.conversationId, now);
    reapplyPending(db, message.conversationId);
    return message.conversationId;
  })();
}

/** Drop a failed message for good. Pending or confirmed messages cannot be discarded. */
export function discardMessage(db: Db, messageId: string): string {
  return db.transaction(() => {
    const message = getMessage(db, messageId);
    if (!message || message.failedReason === null || hasPendingSend(db, messageId)) {
      throw new SwitchboardError('not_found', 'No failed message to discard.');
    }
    deleteMessage(db, messageId);
    return message.conversationId;
  })();
}

export interface AckOutcome {
  rejected: Rejection[];
  /** Conversations whose visible row changed (a rollback). */
  conversationIds: string[];
  /** Other records whose visible row changed (canned responses, alerts). */
  records: RecordKey[];
  /**
   * The server could not apply a mutation this time (`internal`: e.g. its database restarted)
   * and said it will take it again. That mutation and every later one stay queued, in order.
   */
  retryLater: boolean;
}

/** Failures the server answers for one attempt only; the same mutation may succeed when resent. */
const TRANSIENT_RESULT_ERRORS = new Set<string>(['internal', 'offline']);

/** Handle the server's results for a pushed batch, in one transaction. */
export function acknowledge(db: Db, results: readonly MutationResult[]): AckOutcome {
  return db.transaction(() => {
    const outcome: AckOutcome = { rejected: [], conversationIds: [], records: [], retryLater: false };
    const touched = new Map<string, RecordKey>();
    const touch = (record: RecordKey) => touched.set(`${record.kind} ${record.id}`, record);
    for (const result of results) {
      const entry = getOutboxEntry(db, result.mutationId);
      if (!entry) continue; // already handled (a duplicate ack)
      if (!result.ok && TRANSIENT_RESULT_ERRORS.has(result.error.code)) {
        // Not a rejection: keep it (and, to keep their order, the ones after it) for the resend.
        outcome.retryLater = true;
        break;
      }
      deleteOutboxEntry(db, entry.mutationId);
      // The view of a canned response or an alert folds its pending writes: refresh it on every answer.
      if (entry.record && entry.record.kind !== 'conversation') touch(entry.record);
      if (result.ok) continue;
      outcome.rejected.push(rollBack(db, entry, result));
      if (entry.record) touch(entry.record);
    }
    for (const record of touched.values()) {
      reapplyRecord(db, record);
      if (record.kind === 'conversation') outcome.conversationIds.push(record.id);
      else outcome.records.push(record);
    }
    return outcome;
  })();
}

function rollBack(db: Db, entry: OutboxEntry, result: Extract<MutationResult, { ok: false }>): Rejection {
  if (entry.name === 'message.send') {
    markMessageFailed(db, String(entry.args.messageId), result.error.message);
  } else if (result.conversation && getConversation(db, result.conversation.id)) {
    setServerSnapshot(db, result.conversation);
  }
  return {
    name: entry.name,
    // Only a conversation is something the UI could open from the notice.
    conversationId: entry.record?.kind === 'conversation' ? entry.record.id : null,
    code: result.error.code,
    message: result.error.message,
  };
}
