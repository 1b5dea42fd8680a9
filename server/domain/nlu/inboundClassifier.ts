/**
 * Language work off the event loop: classifying inbound messages (ingest runs it before its
 * write transaction) and the bot's reply to a customer (the bot engine runs it before the turn's
 * transaction). Both are pure CPU (jieba, features, small networks: a few ms a message); on a
 * node with cores to spare a pool of worker threads (piscina) takes them off the thread that
 * answers HTTP and pokes sockets. With 0 workers they run inline, as before.
 *
 * Both use one classifier version: the shipped model until `useModel` hands over another (the
 * node's active version, activeModel.ts). A pool then starts new threads with that version,
 * waits for them to load it, and only then takes the old threads out of service (they finish
 * what they hold), so no message waits for a model to load and none is classified half-way.
 * Every thread of a version answers exactly as the inline classifier of that version
 * (tests/integration/server/nluWorkers.test.ts compares them).
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import type { MessageInsight } from '../../../shared/nlu/insight';
import { classifyInbound } from '../bot/inbound';
import type { BotReply } from './bot';
import { botReply, classifierOf, type BotTask, type NluTask, type NluWorkerData } from './classifyTask';
import type { MessageModelSnapshot } from './messageModel';

export type { BotTask } from './classifyTask';

export interface InboundClassifier {
  classify(text: string): Promise<MessageInsight | null>;
  /** The bot's answer or handoff for one customer message. */
  botReply(task: BotTask): Promise<BotReply>;
  /** Classify with this version from now on (null: the shipped model). */
  useModel(model: MessageModelSnapshot | null): Promise<void>;
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
  let classifier = classifierOf(null);
  return {
    workers: 0,
    classify: async (text) => classifyInbound({ text }, classifier),
    botReply: async (task) => botReply(task, classifier),
    useModel: async (model) => {
      classifier = classifierOf(model);
    },
    close: async () => {},
  };
}

type Pool = Piscina<NluTask, MessageInsight | BotReply | null>;

async function startPool(workers: number, workerData: NluWorkerData): Promise<Pool> {
  const pool: Pool = new Piscina({
    filename: join(__dirname, 'classifyWorker.cjs'),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData,
  });
  // Every worker trains or loads at start (up to a second): wait for them now, not on a customer's message.
  await Promise.all(Array.from({ length: workers }, () => pool.run({ kind: 'warm-up' })));
  return pool;
}

export async function createInboundClassifier(workers: number): Promise<InboundClassifier> {
  if (workers <= 0) return inlineClassifier();
  let pool = await startPool(workers, {});
  let closed = false;
  return {
    workers,
    classify: (text) => pool.run({ kind: 'classify', text }) as Promise<MessageInsight | null>,
    botReply: (task) => pool.run({ kind: 'bot', ...task }) as Promise<BotReply>,
    useModel: async (model) => {
      const next = await startPool(workers, model ? { model } : {});
      if (closed) return void (await next.destroy());
      const old = pool;
      pool = next;
      await old.close();
    },
    close: () => {
      closed = true;
      return pool.destroy();
    },
  };
}
