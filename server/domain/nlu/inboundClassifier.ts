/**
 * Classifying inbound messages off the event loop. The classifier is pure CPU (jieba, features,
 * three small networks: about 1 ms a message), and ingest runs it before its write transaction;
 * on a node with cores to spare a pool of worker threads (piscina) takes it off the thread that
 * answers HTTP and pokes sockets. With 0 workers it runs inline, as before.
 *
 * Each worker trains its own copy from the same shipped data, so a worker's answer is exactly
 * the inline answer (tests/integration/server/nluWorkers.test.ts compares them).
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import type { MessageInsight } from '../../../shared/nlu/insight';
import { classifyInbound } from '../bot/inbound';

export interface InboundClassifier {
  classify(text: string): Promise<MessageInsight | null>;
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
    close: async () => {},
  };
}

export async function createInboundClassifier(workers: number): Promise<InboundClassifier> {
  if (workers <= 0) return inlineClassifier();
  const pool = new Piscina<string, MessageInsight | null>({
    filename: join(__dirname, 'classifyWorker.cjs'),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  // Every worker trains at load (about a second): wait for them now, not on a customer's message.
  await Promise.all(Array.from({ length: workers }, () => pool.run('warm-up')));
  return {
    workers,
    classify: (text) => pool.run(text),
    close: () => pool.destroy(),
  };
}
