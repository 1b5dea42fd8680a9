/**
 * `retrain`: one classifier version trained and scored in a worker thread, as the leader does
 * (domain/nlu/modelTrainer.ts), from the shipped examples plus N synthetic corrections; and the
 * classification latency of the retrained model on the evaluation set, beside the shipped one.
 * Prints the worker's throughput (examples trained per second, end to end including the thread's
 * start) so a slower training step shows.
 */
import { createMessageClassifier } from '../../../server/domain/nlu/classify';
import { loadEvaluationSet } from '../../../server/domain/nlu/evaluationSet';
import { messageModelFrom } from '../../../server/domain/nlu/messageModel';
import { trainInWorker } from '../../../server/domain/nlu/modelTrainer';
import type { CorrectionExample } from '../../../server/domain/nlu/retraining';
import type { Figure } from '../lib/report';

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export const retrainingFigure: Figure = {
  id: 'retrain',
  title: 'classifier retraining in a worker thread, and classification latency',
  async run({ quick, log }) {
    const evaluation = loadEvaluationSet();
    const count = quick ? 100 : 1_000;
    // Corrections drawn from the evaluation set's wording would leak it; these are plain variations.
    const corrections: CorrectionExample[] = Array.from({ length: count }, (_, i) => ({
      id: `bench-${i}`,
      messageId: `bench-m-${i}`,
      field: i % 2 ? 'issueType' : 'sentiment',
      label: i % 2 ? 'billing' : 'negative',
      text: `bench plan ${i % 37} invoice question number ${i}`,
      correctedAt: new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString(),
    }));
    const started = performance.now();
    const trained = await trainInWorker({ corrections, evaluate: true });
    const wallMs = performance.now() - started;
    log(`  trained ${trained.trainingSize} examples (${count} corrections) in ${trained.trainingMs} ms inside the worker, ${wallMs.toFixed(0)} ms end to end`);
    log(`  figures: ${JSON.stringify(trained.figures)}`);

    const latency = (classify: (text: string) => unknown) => {
      const times: number[] = [];
      for (const { text } of evaluation) {
        const t = performance.now();
        classify(text);
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b);
    };
    const shipped = createMessageClassifier();
    const retrained = createMessageClassifier({ model: messageModelFrom(trained.snapshot) });
    latency((text) => retrained.classify(text)); // warm
    const before = latency((text) => shipped.classify(text));
    const after = latency((text) => retrained.classify(text));
    const note = `${count} corrections; ${evaluation.length} evaluation messages`;
    return [
      { figure: 'retrain: examples trained per second (worker, end to end)', value: (trained.trainingSize / wallMs) * 1000, unit: '/s', baseline: null, baselineLabel: '', goal: '-', met: null, note },
      { figure: 'retrain: training + scoring wall time', value: wallMs, unit: 'ms', baseline: null, baselineLabel: '', goal: 'off the ingest path', met: null, note },
      { figure: 'classify p50 (retrained vs shipped)', value: quantile(after, 0.5), unit: 'ms', baseline: quantile(before, 0.5), baselineLabel: 'shipped', goal: '-', met: null, note },
      { figure: 'classify p99 (retrained vs shipped)', value: quantile(after, 0.99), unit: 'ms', baseline: quantile(before, 0.99), baselineLabel: 'shipped', goal: '-', met: null, note },
    ];
  },
};
