/**
 * The tasks a language worker runs (classifyWorker.cjs loads this file), and the same functions
 * inline when the node runs no workers: an inbound message's insight, and the bot's reply to a
 * customer message over a given knowledge base. Both use one classifier version: the shipped
 * model, or the one a pool was started with (`workerData.model`, a snapshot of the node's active
 * version, nlu/activeModel.ts).
 */
import Piscina from 'piscina';
import type { MessageInsight } from '../../../shared/nlu/insight';
import { classifyInbound } from '../bot/inbound';
import { createBot, type Bot, type BotReply } from './bot';
import { createMessageClassifier, getMessageClassifier, type MessageClassifier } from './classify';
import { messageModelFrom, type MessageModelSnapshot } from './messageModel';
import type { KnowledgeEntry } from './training/knowledgeBase';

export interface BotTask {
  text: string;
  /** 1-based number of this customer message in the bot conversation. */
  turn: number;
  /** `key` names this list of entries and these settings; a worker retrains when it changes. */
  knowledge: { key: string; entries: readonly KnowledgeEntry[] };
  confidenceThreshold: number;
  maxTurns: number;
}

export type NluTask = { kind: 'classify'; text: string } | ({ kind: 'bot' } & BotTask) | { kind: 'warm-up' };

/** What a language pool's threads are started with. */
export interface NluWorkerData {
  /** The classifier version's snapshot; absent: the shipped model. */
  model?: MessageModelSnapshot;
}

/** A classifier over a version's snapshot, or the process-wide shipped one. */
export function classifierOf(model: MessageModelSnapshot | null | undefined): MessageClassifier {
  return model ? createMessageClassifier({ model: messageModelFrom(model) }) : getMessageClassifier();
}

/** Bots trained in this thread, newest last; a few, so nodes sharing a process do not thrash. */
const TRAINED_MAX = 4;
const trained: { key: string; classifier: MessageClassifier; bot: Bot }[] = [];

function botFor(task: BotTask, classifier: MessageClassifier): Bot {
  const key = `${task.knowledge.key}|${task.confidenceThreshold}|${task.maxTurns}`;
  const found = trained.find((entry) => entry.key === key && entry.classifier === classifier);
  if (found) return found.bot;
  const bot = createBot({
    confidenceThreshold: task.confidenceThreshold,
    maxTurns: task.maxTurns,
    knowledgeBase: task.knowledge.entries,
    classifier,
  });
  trained.push({ key, classifier, bot });
  if (trained.length > TRAINED_MAX) trained.shift();
  return bot;
}

export function botReply(task: BotTask, classifier: MessageClassifier = getMessageClassifier()): BotReply {
  return botFor(task, classifier).answer(task.text, { turn: task.turn });
}

let threadClassifier: MessageClassifier | null = null;
/** This worker thread's classifier: the version its pool was started with. */
function inThread(): MessageClassifier {
  threadClassifier ??= classifierOf((Piscina.workerData as NluWorkerData | undefined)?.model);
  return threadClassifier;
}

export default function nluTask(task: NluTask): MessageInsight | BotReply | null {
  if (task.kind === 'classify') return classifyInbound({ text: task.text }, inThread());
  if (task.kind === 'bot') return botReply(task, inThread());
  inThread(); // warm-up: train or load now, so the pool's start waits for it, not a customer
  return null;
}
