/**
 * Runs the workstation core in a worker thread (workerEntry.ts) for the web host. A catch-up page
 * apply or a search is synchronous SQLite work of tens to hundreds of milliseconds; in the thread
 * it no longer stalls the loop that serves the browser's HTTP and WebSocket traffic.
 *
 * Each browser connection gets its own MessageChannel to the thread. Frames cross as the JSON text
 * the WebSocket carried, so this side never parses or re-serialises them.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { WorkerCoreData } from './workerEntry';
import {
  CoreThreadToHostSchema,
  parseShellMessage,
  type HostToCoreThread,
} from '../../../shared/contracts/shell';

export type WorkerCoreOptions = WorkerCoreData;

export interface CoreChannel {
  /** Hand one request frame (JSON text) to the core. */
  deliver(text: string): void;
  /** Stop this connection's events and requests; the core keeps running. */
  close(): void;
}

export interface WorkerCore {
  threadId: number;
  /** False once the thread has ended (after `close`, or a crash). */
  running(): boolean;
  /** Called if the thread ends without `close` (an uncaught error in the core). */
  onCrash(listener: () => void): void;
  /** Open a connection; `send` receives each response / event frame as JSON text. */
  openChannel(send: (text: string) => void): CoreChannel;
  /** Close the core (its cache and server connection), then end the thread. Idempotent. */
  close(): Promise<void>;
}

/** How long a closing core may take before the thread is ended regardless. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Start a thread on `entry` (a module path without extension). A built bundle ships it as .js;
 * from source (tsx, vitest) the thread starts from a one-line script that registers tsx's CommonJS
 * loader and then requires the .ts file: Node's worker refuses a .ts main file before any loader
 * could run.
 */
export function spawnModuleThread(entry: string, workerData: unknown): Worker {
  if (existsSync(`${entry}.js`)) return new Worker(`${entry}.js`, { workerData });
  const tsxCjs = createRequire(__filename).resolve('tsx/cjs');
  const bootstrap = `require(${JSON.stringify(tsxCjs)}); require(${JSON.stringify(`${entry}.ts`)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export function startWorkerCore(options: WorkerCoreOptions): Promise<WorkerCore> {
  return attachCoreThread(spawnModuleThread(join(__dirname, 'workerEntry'), options));
}

/** Wait for a thread speaking coreThread.ts's protocol to be ready, and drive it. */
export async function attachCoreThread(worker: Worker): Promise<WorkerCore> {
  let exited = false;
  const exit = new Promise<void>((resolve) => worker.once('exit', () => ((exited = true), resolve())));

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`The core thread could not start: ${error.message}`));
    const onExit = (code: number) =>
      reject(new Error(`The core thread exited while starting (code ${code}).`));
    worker.once('error', onError);
    worker.once('exit', onExit);
    const onMessage = (raw: unknown) => {
      if (parseShellMessage(CoreThreadToHostSchema, raw)?.type !== 'ready') return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve();
    };
    worker.on('message', onMessage);
  });
  const channels = new Set<CoreChannel>();
  let closing: Promise<void> | null = null;
  const crashListeners = new Set<() => void>();
  // After start-up an uncaught error ends the thread: the reason is printed here rather than lost,
  // and the owner is told so it can stop serving a core that no longer answers.
  worker.on('error', (error) => console.error('[switchboard] the core thread failed:', error));
  void exit.then(() => {
    if (!closing) for (const listener of crashListeners) listener();
  });

  return {
    threadId: worker.threadId,
    running: () => !exited,
    onCrash: (listener) => void crashListeners.add(listener),
    openChannel(send) {
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ type: 'port', port: port2 } satisfies HostToCoreThread, [port2]);
      port1.on('message', (text: unknown) => {
        if (typeof text === 'string') send(text);
      });
      const channel: CoreChannel = {
        deliver: (text) => port1.postMessage(text),
        close: () => {
          channels.delete(channel);
          port1.close();
        },
      };
      channels.add(channel);
      return channel;
    },
    close() {
      closing ??= (async () => {
        for (const channel of [...channels]) channel.close();
        if (exited) return;
        worker.postMessage({ type: 'close' } satisfies HostToCoreThread);
        // The thread ends itself after closing its core (workerEntry.ts); only one that has not
        // ended within the grace period is ended from here.
        const closed = new Promise<void>((resolve) => {
          worker.on('message', (raw: unknown) => {
            if (parseShellMessage(CoreThreadToHostSchema, raw)?.type === 'closed') resolve();
          });
        });
        const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
        await Promise.race([closed.then(() => Promise.race([exit, grace])), grace, exit]);
        if (!exited) await worker.terminate();
        await exit;
      })();
      return closing;
    },
  };
}
