/**
 * Worker-thread entry for the `eventloop` figure: the web-mode core thread (the protocol of
 * electron/core/host/coreThread.ts) on a fixture copy, offline, plus the catch-up the sync client
 * would apply in that same thread. workerData: { dir, backlog }.
 *   host → thread  { type: 'catchup' }: apply the backlog in pull pages, each on its own turn of
 *                  this thread's loop; answers { type: 'catchup.done', pages }.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { CACHE_FILE } from '../../../electron/core/core';
import { openDatabase } from '../../../electron/core/db/database';
import { serveCoreThread } from '../../../electron/core/host/coreThread';
import { applyChanges } from '../../../electron/core/sync/apply';
import { backlog, pages } from '../figures/catchup';
import { openOfflineCore } from './core';

export interface CatchupThreadData {
  dir: string;
  backlog: number;
}

function main(parent: NonNullable<typeof parentPort>, data: CatchupThreadData): void {
  const { core } = openOfflineCore(data.dir);
  const writer = openDatabase(join(data.dir, CACHE_FILE));
  const changes = backlog(data.backlog, 'loop', 13).map((change) => ({ ...change, seq: change.seq + 10_000_000 }));
  parent.on('message', (message: { type?: unknown } | null) => {
    if (message?.type === 'close') writer.close();
    if (message?.type !== 'catchup') return;
    void (async () => {
      const all = pages(changes);
      for (const page of all) {
        await new Promise((resolve) => setImmediate(resolve));
        applyChanges(writer, page, { moveCursorTo: page.at(-1)!.seq });
      }
      parent.postMessage({ type: 'catchup.done', pages: all.length });
    })();
  });
  serveCoreThread(core, parent, () => process.exit(0));
}

if (parentPort) main(parentPort, workerData as CatchupThreadData);
