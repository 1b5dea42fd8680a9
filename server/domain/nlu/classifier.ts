/**
 * A text classifier trained from labelled example phrases: the nlp.js single-layer neural network
 * (one perceptron per label) over our token features. Unknown words push a "none" feature, as
 * nlp.js's own NLU does, so a message about something we never trained on scores low everywhere
 * instead of being forced into the nearest label.
 *
 * Invariant: `scores` sum to 1 when any label fired; `confidence` is the top label's share.
 */
import { NeuralNetwork, type NeuralTrainingItem } from '@nlpjs/neural';
import type { FeatureVector } from './tokenize';

export const NONE_LABEL = 'None';

export interface LabelledFeatures<L extends string> {
  features: FeatureVector;
  label: L;
}

export interface Classification<L extends string> {
  /** `null` when nothing fired (all words unknown). */
  label: L | null;
  confidence: number;
  scores: Partial<Record<L, number>>;
}

export interface TrainedClassifier<L extends string> {
  readonly labels: readonly L[];
  classify(features: FeatureVector): Classification<L>;
}

export function trainClassifier<L extends string>(examples: readonly LabelledFeatures<L>[]): TrainedClassifier<L> {
  const known = new Set<string>();
  const corpus: NeuralTrainingItem[] = examples.map(({ features, label }) => {
    for (const feature of Object.keys(features)) known.add(feature);
    return { input: features, output: { [label]: 1 } };
  });
  // nlp.js convention: the last item carries the none feature and teaches the None label.
  corpus.push({ input: { nonefeature: 1 }, output: { [NONE_LABEL]: 1 } });
  const labels = [...new Set(examples.map((example) => example.label))];
  const network = new NeuralNetwork({ log: false });
  network.train(corpus);
  // Same growth rule as nlp.js: each further unknown word weighs a little more.
  const noneStep = labels.length / Math.max(known.size, 1);

  return {
    labels,
    classify(features) {
      const input: FeatureVector = {};
      let unknown = 0;
      for (const [feature, value] of Object.entries(features)) {
        if (known.has(feature)) input[feature] = value;
        else unknown += 1;
      }
      let noneValue = 0;
      for (let i = 0, step = noneStep; i < unknown; i += 1, step *= 1.2) noneValue += step;
      if (noneValue > 0 || Object.keys(input).length === 0) input.nonefeature = Math.max(noneValue, 1e-3);
      const raw = { ...(network.run(input) ?? {}) };
      // Squared then normalised, as nlp.js does, which sharpens the winner.
      let total = 0;
      for (const key of Object.keys(raw)) {
        raw[key] = Math.max(raw[key] ?? 0, 0) ** 2;
        total += raw[key];
      }
      const scores: Partial<Record<L, number>> = {};
      let best: L | null = null;
      let bestScore = 0;
      for (const label of labels) {
        const score = total > 0 ? (raw[label] ?? 0) / total : 0;
        scores[label] = score;
        if (score > bestScore) {
          best = label;
          bestScore = score;
        }
      }
      return { label: best, confidence: bestScore, scores };
    },
  };
}
