/**
 * Training a classifier version off the event loop: each call starts one worker thread
 * (retrainWorker.cjs), trains there and hands back the model as plain data (a snapshot the
 * caller turns into a classifier in a few ms). Retraining is rare (a version every few hours at
 * most, a node loading a new active version), so no thread is kept waiting between runs.
 */
import { join } from 'node:path';
import Piscina from 'piscina';
import type { TrainedCandidate } from './retraining';
import type { RetrainTask } from './retrainTask';

export type ModelTrainer = (task: RetrainTask) => Promise<TrainedCandidate>;

export const trainInWorker: ModelTrainer = async (task) => {
  const pool = new Piscina<RetrainTask, TrainedCandidate>({
    filename: join(__dirname, 'retrainWorker.cjs'),
    minThreads: 1,
    maxThreads: 1,
  });
  try {
    return await pool.run(task);
  } finally {
    await pool.destroy();
  }
};
