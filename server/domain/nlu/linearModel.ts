/**
 * Multinomial logistic regression over sparse features, trained here by AdaGrad with L2
 * regularisation. Chosen over the nlp.js perceptron network (classifier.ts) by measurement on the
 * evaluation set (eval/REPORT.md): it is more accurate, and its softmax probabilities are
 * calibrated well enough that "below p, say unsure" gives a predictable coverage.
 *
 * Invariant: `scores` sum to 1 and `confidence` is the top label's probability. A feature never
 * seen in training contributes nothing (a message of unknown words falls back to the priors,
 * which is why `known` reports how much of the message the model recognised).
 */
import type { FeatureVector } from './tokenize';

export interface LabelledFeatures<L extends string> {
  features: FeatureVector;
  label: L;
}

export interface Prediction<L extends string> {
  label: L;
  confidence: number;
  scores: Record<L, number>;
  /** Share of the message's feature weight the model has seen in training, 0..1. */
  known: number;
}

export interface LinearModel<L extends string> {
  readonly labels: readonly L[];
  readonly featureCount: number;
  predict(features: FeatureVector): Prediction<L>;
  /** The trained weights as plain data (structured-clone safe: a worker thread can post it). */
  snapshot(): LinearModelSnapshot<L>;
}

/** A trained model's whole state; `linearModelFrom(snapshot)` predicts exactly as the original. */
export interface LinearModelSnapshot<L extends string> {
  labels: readonly L[];
  /** Feature name → column. */
  index: Map<string, number>;
  /** Row-major: one row per label, one column per feature plus the bias last. */
  weights: Float64Array;
}

export interface TrainingOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update, scaled by the learning rate. */
  l2?: number;
  /** Weight each example by (largest class / its class)^balance: 0 ignores skew, 1 fully evens it. */
  balance?: number;
  seed?: number;
  /** How many of the last examples were added to an earlier training set (see epochOrder). */
  appended?: number;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * One epoch's order: the first rows shuffled as always, then each of the last `appended` rows
 * (agents' corrections) slotted in at a seeded position, so a retrained model differs from the
 * one before by what the new rows teach, not by a whole new shuffle of the old ones.
 */
function epochOrder<T>(items: readonly T[], seed: number, appended: number): T[] {
  const kept = Math.max(0, items.length - appended);
  const order = shuffled(items.slice(0, kept), seed);
  let state = (seed ^ 0x5bd1e995) >>> 0;
  for (let i = kept; i < items.length; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    order.splice(state % (order.length + 1), 0, items[i] as T);
  }
  return order;
}

/** Writes the softmax over the classes' scores of a sparse row into `logits`. */
function softmaxInto(weights: Float64Array, width: number, classes: number, logits: Float64Array) {
  return (entries: readonly (readonly [number, number])[]) => {
    for (let k = 0; k < classes; k += 1) {
      let sum = weights[k * width + width - 1] as number;
      for (const [id, value] of entries) sum += (weights[k * width + id] as number) * value;
      logits[k] = sum;
    }
    let max = -Infinity;
    for (let k = 0; k < classes; k += 1) max = Math.max(max, logits[k] as number);
    let total = 0;
    for (let k = 0; k < classes; k += 1) {
      logits[k] = Math.exp((logits[k] as number) - max);
      total += logits[k] as number;
    }
    for (let k = 0; k < classes; k += 1) logits[k] = (logits[k] as number) / total;
  };
}

export function trainLinearModel<L extends string>(labels: readonly L[], examples: readonly LabelledFeatures<L>[], options: TrainingOptions = {}): LinearModel<L> {
  const { epochs = 12, learningRate = 0.5, l2 = 1e-4, balance = 0.5, seed = 7, appended = 0 } = options;
  const index = new Map<string, number>();
  const rows = examples.map(({ features, label }) => {
    const entries: [number, number][] = [];
    for (const [feature, value] of Object.entries(features)) {
      let id = index.get(feature);
      if (id === undefined) {
        id = index.size;
        index.set(feature, id);
      }
      entries.push([id, value]);
    }
    return { entries, target: labels.indexOf(label) };
  });
  const classes = labels.length;
  const counts = labels.map((_, k) => rows.filter((row) => row.target === k).length);
  const largest = Math.max(...counts, 1);
  const classWeight = counts.map((count) => (count ? (largest / count) ** balance : 0));
  // One extra column per class: the bias.
  const width = index.size + 1;
  const weights = new Float64Array(width * classes);
  const squared = new Float64Array(width * classes).fill(1e-8);
  const logits = new Float64Array(classes);

  const scoreInto = softmaxInto(weights, width, classes, logits);

  const step = (slot: number, gradient: number) => {
    squared[slot] = (squared[slot] as number) + gradient * gradient;
    weights[slot] = (weights[slot] as number) - (learningRate * gradient) / Math.sqrt(squared[slot] as number);
  };

  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const row of epochOrder(rows, seed + epoch, appended)) {
      if (row.target < 0) continue;
      scoreInto(row.entries);
      const weight = classWeight[row.target] as number;
      for (let k = 0; k < classes; k += 1) {
        const error = weight * ((logits[k] as number) - (k === row.target ? 1 : 0));
        for (const [id, value] of row.entries) {
          const slot = k * width + id;
          step(slot, error * value + l2 * (weights[slot] as number));
        }
        step(k * width + width - 1, error);
      }
    }
  }

  return linearModelFrom({ labels, index, weights });
}

/** The model behind a snapshot (trained here or in another thread). */
export function linearModelFrom<L extends string>(snapshot: LinearModelSnapshot<L>): LinearModel<L> {
  const { labels, index, weights } = snapshot;
  const classes = labels.length;
  const width = index.size + 1;
  const logits = new Float64Array(classes);
  const scoreInto = softmaxInto(weights, width, classes, logits);
  return {
    labels,
    featureCount: index.size,
    snapshot: () => snapshot,
    predict(features) {
      const entries: [number, number][] = [];
      let total = 0;
      let seen = 0;
      for (const [feature, value] of Object.entries(features)) {
        total += Math.abs(value);
        const id = index.get(feature);
        if (id === undefined) continue;
        seen += Math.abs(value);
        entries.push([id, value]);
      }
      scoreInto(entries);
      const scores = {} as Record<L, number>;
      let best = 0;
      labels.forEach((label, k) => {
        scores[label] = logits[k] as number;
        if ((logits[k] as number) > (logits[best] as number)) best = k;
      });
      return { label: labels[best] as L, confidence: logits[best] as number, scores, known: total ? seen / total : 0 };
    },
  };
}
