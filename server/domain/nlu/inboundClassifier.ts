/**
 * Language work off the event loop: classifying inbound messages (ingest runs it before its
 * write transaction) and the bot's reply to a customer (the bot engine runs it before the turn's
 * transaction). Both are pure CPU (jieba, features, small networks: a few ms a message); on a
 * node with cores to spare a pool of worker threads (piscina) takes them off the thread that
 * answers HTTP and pokes sockets. With 0 workers they run inline, as before.
 *
 * Each worker trains its own copies from the same data (the shipped sets; the knowledge base the
 * task carries), so a worker's answer is exactly the inline answer
 * (tests/integration/server/nluWorkers.test.ts compares them).
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import type { MessageInsight } from '../../../shared/nlu/insight';
import { classifyInbound } from '../bot/inbound';
import type { BotReply } from './bot';
import { botReply, type BotTask, type NluTask } from './classifyTask';

export type { BotTask } from './classifyTask';

export interface InboundClassifier {
  classify(text: string): Promise<MessageInsight | null>;
  /** The bot's answer or handoff for one customer message. */
  botReply(task: BotTask): Promise<BotReply>;
  /** Worker threads in use (0: inline). */
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * The default pool size: none on two cores or fewer, where a worker only competes with the
 * event loop (and, on a test machine, with the client sockets) for the same cores.
 */
export function defaultNluWorkers(cores = cpus().length): number {
  return Math.max(0, Math.min(4, cores - 2));
}

export function inlineClassifier(): InboundClassifier {
  return {
    workers: 0,
    classify: async (text) => classifyInbound({ text }),
    botReply: async (task) => botReply(task),
    close: async () => {},
  };
}

export async function createInboundClassifier(workers: number): Promise<InboundClassifier> {
  if (workers <= 0) return inlineClassifier();
  const pool = new Piscina<NluTask, MessageInsight | BotReply | null>({
    filename: join(__dirname, 'classifyWorker.cjs'),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  // Every worker trains at load (about a second): wait for them now, not on a customer's message.
  await Promise.all(Array.from({ length: workers }, () => pool.run({ kind: 'warm-up' })));
  return {
    workers,
    classify: (text) => pool.run({ kind: 'classify', text }) as Promise<MessageInsight | null>,
    botReply: (task) => pool.run({ kind: 'bot', ...task }) as Promise<BotReply>,
    close: () => pool.destroy(),
  };
}
