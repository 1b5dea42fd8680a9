/**
 * The task a retraining worker thread runs (retrainWorker.cjs loads this file): train the
 * shipped examples plus the given corrections and, when asked, score the model on the
 * evaluation set. A few seconds of CPU that never runs on a thread that answers requests.
 */
import { trainWithCorrections, type CorrectionExample, type TrainedCandidate } from './retraining';

export interface RetrainTask {
  corrections: CorrectionExample[];
  evaluate: boolean;
}

export default function retrainTask(task: RetrainTask): TrainedCandidate {
  return trainWithCorrections(task.corrections, task.evaluate);
}
