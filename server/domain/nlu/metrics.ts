/**
 * Evaluation arithmetic over (expected, predicted, confidence) rows: precision / recall per class,
 * the confusion matrix, and accuracy at a coverage level — answer only the share of messages the
 * model is most confident about, say unsure for the rest, and see how often the answers are right.
 */
export interface ClassMetrics {
  label: string;
  support: number;
  precision: number;
  recall: number;
}

export interface ScoredPair {
  expected: string;
  predicted: string;
  /** The model's probability for `predicted`. */
  confidence: number;
  /** false when the classifier said unsure (absent: always answers). */
  answered?: boolean;
}

export interface CoveragePoint {
  /** Share of messages answered, 0..1. */
  coverage: number;
  /** Minimum confidence that answers that share. */
  threshold: number;
  /** Accuracy over the answered messages. */
  accuracy: number;
}

export interface TaskMetrics {
  task: string;
  total: number;
  /** Accuracy of the best guess on every message (coverage 100 %). */
  accuracy: number;
  classes: ClassMetrics[];
  /** confusion[i][j]: messages labelled labels[i] predicted labels[j]. */
  labels: readonly string[];
  confusion: number[][];
  /** At the classifier's own threshold (null for tasks that always answer). */
  atThreshold: CoveragePoint | null;
  curve: CoveragePoint[];
}

export const COVERAGE_LEVELS = [1, 0.95, 0.9, 0.8] as const;

/** The share the classifier answered (not unsure) and the accuracy of those answers. */
export function atThreshold(pairs: readonly ScoredPair[], threshold: number): CoveragePoint {
  const answered = pairs.filter((pair) => pair.answered ?? true);
  const correct = answered.filter((pair) => pair.expected === pair.predicted).length;
  return { coverage: pairs.length ? answered.length / pairs.length : 0, threshold, accuracy: answered.length ? correct / answered.length : 0 };
}

/** For each coverage level, the threshold that answers that share of the most confident messages. */
export function coverageCurve(pairs: readonly ScoredPair[], levels: readonly number[] = COVERAGE_LEVELS): CoveragePoint[] {
  const sorted = [...pairs].sort((a, b) => b.confidence - a.confidence);
  return levels.map((level) => {
    const count = Math.max(1, Math.ceil(level * sorted.length));
    const answered = sorted.slice(0, count);
    const correct = answered.filter((pair) => pair.expected === pair.predicted).length;
    return { coverage: count / Math.max(sorted.length, 1), threshold: answered[answered.length - 1]?.confidence ?? 0, accuracy: answered.length ? correct / answered.length : 0 };
  });
}

export function scoreTask(task: string, labels: readonly string[], pairs: readonly ScoredPair[], threshold: number | null = null): TaskMetrics {
  const classes = labels.map((label) => {
    const truePositive = pairs.filter((pair) => pair.expected === label && pair.predicted === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const support = pairs.filter((pair) => pair.expected === label).length;
    // A class never predicted has undefined precision; report 0 so the table stays numeric.
    return { label, support, precision: predicted ? truePositive / predicted : 0, recall: support ? truePositive / support : 0 };
  });
  const confusion = labels.map((expected) => labels.map((predicted) => pairs.filter((pair) => pair.expected === expected && pair.predicted === predicted).length));
  const correct = pairs.filter((pair) => pair.expected === pair.predicted).length;
  return {
    task,
    total: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    classes,
    labels,
    confusion,
    atThreshold: threshold === null ? null : atThreshold(pairs, threshold),
    curve: coverageCurve(pairs),
  };
}

export const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

export function formatTask(metrics: TaskMetrics, short: (label: string) => string = (label) => label): string {
  const lines = [`${metrics.task}: accuracy ${pct(metrics.accuracy)} over ${metrics.total} messages (best guess, coverage 100%)`];
  if (metrics.atThreshold) {
    const point = metrics.atThreshold;
    lines.push(`  answered (unsure below p ${point.threshold.toFixed(2)} or too few known words): coverage ${pct(point.coverage)}, accuracy ${pct(point.accuracy)}`);
  }
  lines.push(`  accuracy at coverage: ${metrics.curve.map((point) => `${pct(point.coverage)} → ${pct(point.accuracy)} (p ≥ ${point.threshold.toFixed(2)})`).join(', ')}`);
  lines.push(`  ${'class'.padEnd(20)} support precision  recall`);
  for (const row of metrics.classes) {
    lines.push(`  ${row.label.padEnd(20)} ${String(row.support).padStart(7)} ${pct(row.precision).padStart(9)} ${pct(row.recall).padStart(7)}`);
  }
  lines.push(`  confusion (rows: labelled, columns: predicted)`);
  const width = Math.max(5, ...metrics.labels.map((label) => short(label).length + 1));
  lines.push(`  ${''.padEnd(20)}${metrics.labels.map((label) => short(label).padStart(width)).join('')}`);
  metrics.labels.forEach((label, i) => {
    lines.push(`  ${label.padEnd(20)}${(metrics.confusion[i] ?? []).map((count) => String(count).padStart(width)).join('')}`);
  });
  return lines.join('\n');
}
