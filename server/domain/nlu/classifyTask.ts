/**
 * The tasks a language worker runs (classifyWorker.cjs loads this file), and the same functions
 * inline when the node runs no workers: an inbound message's insight, and the bot's reply to a
 * customer message over a given knowledge base.
 */
import type { MessageInsight } from '../../../shared/nlu/insight';
import { classifyInbound } from '../bot/inbound';
import { createBot, type Bot, type BotReply } from './bot';
import { getMessageClassifier } from './classify';
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

/** Bots trained in this thread, newest last; a few, so nodes sharing a process do not thrash. */
const TRAINED_MAX = 4;
const trained: { key: string; bot: Bot }[] = [];

function botFor(task: BotTask): Bot {
  const key = `${task.knowledge.key}|${task.confidenceThreshold}|${task.maxTurns}`;
  const found = trained.find((entry) => entry.key === key);
  if (found) return found.bot;
  const bot = createBot({
    confidenceThreshold: task.confidenceThreshold,
    maxTurns: task.maxTurns,
    knowledgeBase: task.knowledge.entries,
  });
  trained.push({ key, bot });
  if (trained.length > TRAINED_MAX) trained.shift();
  return bot;
}

export function botReply(task: BotTask): BotReply {
  return botFor(task).answer(task.text, { turn: task.turn });
}

export default function nluTask(task: NluTask): MessageInsight | BotReply | null {
  if (task.kind === 'classify') return classifyInbound({ text: task.text });
  if (task.kind === 'bot') return botReply(task);
  getMessageClassifier(); // warm-up: train now, so the pool's start waits for it, not a customer
  return null;
}
