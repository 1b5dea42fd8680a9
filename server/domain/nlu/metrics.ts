/** Precision / recall per class and overall accuracy from (expected, predicted) pairs. */
export interface ClassMetrics {
  label: string;
  support: number;
  precision: number;
  recall: number;
}

export interface TaskMetrics {
  task: string;
  total: number;
  accuracy: number;
  classes: ClassMetrics[];
}

export function scoreTask(task: string, labels: readonly string[], pairs: readonly { expected: string; predicted: string }[]): TaskMetrics {
  const classes = labels.map((label) => {
    const truePositive = pairs.filter((pair) => pair.expected === label && pair.predicted === label).length;
    const predicted = pairs.filter((pair) => pair.predicted === label).length;
    const support = pairs.filter((pair) => pair.expected === label).length;
    // A class never predicted has undefined precision; report 0 so the table stays numeric.
    return { label, support, precision: predicted ? truePositive / predicted : 0, recall: support ? truePositive / support : 0 };
  });
  const correct = pairs.filter((pair) => pair.expected === pair.predicted).length;
  return { task, total: pairs.length, accuracy: pairs.length ? correct / pairs.length : 0, classes };
}

export function formatTask(metrics: TaskMetrics): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const lines = [`${metrics.task}: accuracy ${pct(metrics.accuracy).trim()} over ${metrics.total} messages`, `  ${'class'.padEnd(22)} support precision  recall`];
  for (const row of metrics.classes) {
    lines.push(`  ${row.label.padEnd(22)} ${String(row.support).padStart(7)} ${pct(row.precision).padStart(9)} ${pct(row.recall)}`);
  }
  return lines.join('\n');
}
