/**
 * Entry of the worker thread that hosts the core in web mode (workerCore.ts starts it), so the
 * web host's own event loop only moves bytes while SQL runs here: the same split as the desktop
 * app's utilityProcess (utilityEntry.ts). workerData: { dataDir, serverUrl, nativeBinding? };
 * the protocol is in coreThread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { createCore } from '../core';
import { serveCoreThread } from './coreThread';

export const WorkerCoreDataSchema = z.object({
  dataDir: z.string().min(1),
  serverUrl: z.string().url(),
  nativeBinding: z.string().min(1).optional(),
});
export type WorkerCoreData = z.infer<typeof WorkerCoreDataSchema>;

// Once closed the thread ends itself, between two tasks: ended from outside (worker.terminate)
// it could stop in the middle of a native call of the SQLite binding, which can take the whole
// host process down with it.
if (parentPort)
  serveCoreThread(createCore(WorkerCoreDataSchema.parse(workerData)), parentPort, () => process.exit(0));
