/**
 * Runs the bot after commit, never inside the ingest transaction, so the channel's answer does
 * not wait for it. Each commit this node announces is looked at (no extra query): a customer
 * message in a conversation with the bot queues that conversation. One promise chain per
 * conversation, so its messages are decided one at a time and in order.
 *
 * Invariants:
 * - A customer message gets at most one bot decision: the answer or handoff names it in the
 *   unique `in_reply_to` column, re-checked inside the decision's transaction (turn.ts).
 * - A duplicate ingest commits nothing, so it queues nothing.
 * - Work survives a stopped node: the message is committed before the bot runs, so a message
 *   without a decision in a conversation still with the bot is found again by the sweep that
 *   every node runs at start and every `sweepIntervalMs` (messages older than one interval, so
 *   the node that took the message normally decides it first; if two nodes race, the unique
 *   index lets one win and the other's transaction rolls back).
 */
import type { AppendedChanges } from '../../db/queries/changes';
import { botConversationsWithPendingWork, pendingCustomerMessages } from '../../db/queries/insight';
import { getConversationRow } from '../../db/queries/conversations';
import type { DomainContext } from '../context';
import { getMessageClassifier } from '../nlu/classify';
import { inlineClassifier } from '../nlu/inboundClassifier';
import type { KnowledgeEntry } from '../nlu/training/knowledgeBase';
import type { BotSettings } from './settings';
import { decideTurn } from './turn';

/** Conversations one sweep queues at most (the next sweep takes the rest). */
const SWEEP_BATCH = 200;

export interface BotEngine {
  /** A commit this node announced. */
  onCommitted(appended: AppendedChanges): void;
  /** Queue every conversation with undecided customer messages (also runs on a timer). */
  sweep(olderThanMs?: number): Promise<void>;
  /** Resolves when no conversation has queued bot work. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** A name per knowledge list (the source replaces the array when it changes), unique in the process. */
const knowledgeKeys = new WeakMap<readonly KnowledgeEntry[], string>();
let knowledgeLists = 0;
function knowledgeKey(entries: readonly KnowledgeEntry[]): string {
  let key = knowledgeKeys.get(entries);
  if (!key) knowledgeKeys.set(entries, (key = `knowledge-${++knowledgeLists}`));
  return key;
}

export function startBotEngine(ctx: DomainContext, settings: BotSettings): BotEngine {
  // Train the classifier now, not on the first customer's message (about a second, once per process).
  getMessageClassifier();
  const chains = new Map<string, Promise<void>>();
  let closed = false;
  const sweeps = new Set<Promise<void>>();
  const language = ctx.classifier ?? inlineClassifier();

  async function work(conversationId: string): Promise<void> {
    const row = await getConversationRow(ctx.store.db, conversationId);
    if (!row || row.status !== 'bot' || row.assignee_id !== null) return;
    const pending = await pendingCustomerMessages(ctx.store.db, conversationId);
    for (const [index, message] of pending.entries()) {
      if (closed) return;
      // The model runs before the turn's transaction, in the language pool when the node has one.
      const entries = ctx.knowledge.entries();
      const reply = await language.botReply({
        text: message.text,
        turn: message.turn,
        knowledge: { key: knowledgeKey(entries), entries },
        confidenceThreshold: settings.confidenceThreshold,
        maxTurns: settings.maxTurns,
      });
      const outcome = await decideTurn(ctx, reply, conversationId, message, pending[index + 1]?.createdAt ?? null);
      if (outcome !== 'answered') return; // handed off, or no longer the bot's
    }
  }

  function enqueue(conversationId: string): void {
    if (closed) return;
    const previous = chains.get(conversationId) ?? Promise.resolve();
    const next: Promise<void> = previous
      // Yield to I/O first: the ingest that queued this turn writes its HTTP answer before the bot runs.
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => work(conversationId))
      .catch((error: unknown) => console.error(`[server] bot turn for ${conversationId} failed`, error))
      .finally(() => {
        if (chains.get(conversationId) === next) chains.delete(conversationId);
      });
    chains.set(conversationId, next);
  }

  function sweep(olderThanMs = settings.sweepIntervalMs): Promise<void> {
    if (closed) return Promise.resolve();
    const before = new Date(ctx.now().getTime() - olderThanMs).toISOString();
    const run = botConversationsWithPendingWork(ctx.store.db, before, SWEEP_BATCH)
      .then((ids) => ids.forEach(enqueue))
      .catch((error: unknown) => console.error('[server] bot sweep failed', error))
      .finally(() => sweeps.delete(run));
    sweeps.add(run);
    return run;
  }

  async function drain(): Promise<void> {
    while (sweeps.size > 0 || chains.size > 0) await Promise.all([...sweeps, ...chains.values()]);
  }

  // Work a stopped node left behind: at start (anything undecided) and then periodically.
  void sweep(0);
  const timer = setInterval(() => void sweep(), settings.sweepIntervalMs);
  timer.unref();

  return {
    onCommitted(appended) {
      const withBot = new Set<string>();
      for (const { change } of appended.entries)
        if ('conversation' in change && change.conversation.status === 'bot') withBot.add(change.conversation.id);
      for (const { change } of appended.entries) {
        if (change.type !== 'message.created') continue;
        const { message } = change;
        if (message.direction === 'in' && message.authorType === 'contact' && withBot.has(message.conversationId))
          enqueue(message.conversationId);
      }
    },
    sweep,
    idle: drain,
    async close() {
      closed = true;
      clearInterval(timer);
      await drain();
    },
  };
}
