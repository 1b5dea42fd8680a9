/**
 * `npm run nlu:eval`: runs the classifier and the bot over the held-apart evaluation set
 * (evaluationSet.ts) and prints, per task (issue type, team, sentiment): accuracy of the best
 * guess, coverage and accuracy at the unsure threshold, accuracy at 100/95/90/80 % coverage,
 * precision / recall per class and the confusion matrix; then the hard cases and channel styles,
 * the bot's decisions, training time and classification latency.
 */
import { createBot } from './bot';
import { createMessageClassifier, type MessageClassification, type MessageClassifier } from './classify';
import { CHANNEL_TAGS, HARD_CASE_TAGS, loadBotCases, loadEvaluationSet } from './evaluationSet';
import { ISSUE_TYPES, SENTIMENTS, TEAM_IDS, type LabelledMessage } from './labels';
import { formatTask, pct, scoreTask, type ScoredPair, type TaskMetrics } from './metrics';

export { loadEvaluationSet } from './evaluationSet';

export interface SliceMetrics {
  tag: string;
  count: number;
  /** Best-guess accuracy. */
  issueType: number;
  team: number;
  sentiment: number;
  /** Share answered (not unsure) and accuracy of the answered ones. */
  issueTypeAnswered: { coverage: number; accuracy: number };
  sentimentAnswered: { coverage: number; accuracy: number };
}

export interface EvaluationReport {
  messages: number;
  languages: Record<string, number>;
  issueType: TaskMetrics;
  team: TaskMetrics;
  sentiment: TaskMetrics;
  slices: SliceMetrics[];
  /** Suggestions labelled neutral: how many were read as negative. */
  suggestionsReadNegative: { count: number; of: number };
  bot: { cases: number; correct: number; accuracy: number; misses: string[] };
  trainingSize: number;
  trainingMs: number;
  latencyMs: { mean: number; p50: number; p99: number };
}

interface Row {
  message: LabelledMessage;
  predicted: MessageClassification;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const share = (rows: readonly Row[], pick: (row: Row) => boolean) => (rows.length ? rows.filter(pick).length / rows.length : 0);

function answered(rows: readonly Row[], isAnswered: (row: Row) => boolean, isRight: (row: Row) => boolean) {
  const kept = rows.filter(isAnswered);
  return { coverage: rows.length ? kept.length / rows.length : 0, accuracy: share(kept, isRight) };
}

function slice(tag: string, rows: readonly Row[]): SliceMetrics {
  const typeRight = (row: Row) => row.predicted.issueTypeGuess === row.message.type;
  const sentimentRight = (row: Row) => row.predicted.sentiment.guess === row.message.sentiment;
  return {
    tag,
    count: rows.length,
    issueType: share(rows, typeRight),
    team: share(rows, (row) => row.predicted.team === row.message.team),
    sentiment: share(rows, sentimentRight),
    issueTypeAnswered: answered(rows, (row) => row.predicted.issueType !== 'unsure', typeRight),
    sentimentAnswered: answered(rows, (row) => row.predicted.sentiment.label !== 'unsure', sentimentRight),
  };
}

function botDecisions(classifier: MessageClassifier): EvaluationReport['bot'] {
  const bot = createBot({ classifier });
  const cases = loadBotCases();
  const misses: string[] = [];
  for (const item of cases) {
    const reply = bot.answer(item.text, { turn: 1 });
    const right = item.expect === 'answer' ? reply.kind === 'answer' && reply.intent === item.intent : reply.kind === 'handoff' && reply.reason === item.reason;
    if (!right) misses.push(`${item.text} → expected ${item.expect} ${item.intent ?? item.reason ?? ''}, got ${reply.kind} ${reply.kind === 'answer' ? reply.intent : reply.reason}`);
  }
  const correct = cases.length - misses.length;
  return { cases: cases.length, correct, accuracy: cases.length ? correct / cases.length : 0, misses };
}

export function runEvaluation(classifier: MessageClassifier = createMessageClassifier()): EvaluationReport {
  const messages = loadEvaluationSet();
  const timings: number[] = [];
  const rows: Row[] = messages.map((message) => {
    const begin = performance.now();
    const predicted = classifier.classify(message.text);
    timings.push(performance.now() - begin);
    return { message, predicted };
  });
  const pairs = (pick: (row: Row) => ScoredPair) => rows.map(pick);

  const tagged = (tag: string) => rows.filter((row) => row.message.tags.includes(tag));
  const chat = rows.filter((row) => !CHANNEL_TAGS.some((tag) => row.message.tags.includes(tag)));
  const slices = [
    ...HARD_CASE_TAGS.map((tag) => slice(tag, tagged(tag))),
    slice('chat', chat),
    ...CHANNEL_TAGS.map((tag) => slice(tag, tagged(tag))),
    ...(['zh-CN', 'en', 'mixed'] as const).map((lang) => slice(`lang ${lang}`, rows.filter((row) => row.message.lang === lang))),
  ];
  const suggestions = rows.filter((row) => row.message.type === 'product_suggestion' && row.message.sentiment === 'neutral');

  const sorted = [...timings].sort((a, b) => a - b);
  const languages: Record<string, number> = {};
  for (const message of messages) languages[message.lang] = (languages[message.lang] ?? 0) + 1;
  return {
    messages: messages.length,
    languages,
    issueType: scoreTask(
      'intent (issue type)',
      ISSUE_TYPES,
      pairs((row) => ({ expected: row.message.type, predicted: row.predicted.issueTypeGuess, confidence: row.predicted.issueTypeConfidence, answered: row.predicted.issueType !== 'unsure' })),
      classifier.thresholds.issueType,
    ),
    team: scoreTask('routing (team)', TEAM_IDS, pairs((row) => ({ expected: row.message.team, predicted: row.predicted.team, confidence: row.predicted.teamConfidence }))),
    sentiment: scoreTask(
      'sentiment',
      SENTIMENTS,
      pairs((row) => ({ expected: row.message.sentiment, predicted: row.predicted.sentiment.guess, confidence: row.predicted.sentiment.confidence, answered: row.predicted.sentiment.label !== 'unsure' })),
      classifier.thresholds.sentiment,
    ),
    slices,
    suggestionsReadNegative: { count: suggestions.filter((row) => row.predicted.sentiment.label === 'negative').length, of: suggestions.length },
    bot: botDecisions(classifier),
    trainingSize: classifier.trainingSize,
    trainingMs: classifier.trainingMs,
    latencyMs: { mean: timings.reduce((sum, value) => sum + value, 0) / Math.max(timings.length, 1), p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) },
  };
}

const SHORT: Record<string, string> = {
  after_sales_fault: 'fault',
  product_suggestion: 'sugg',
  service_complaint: 'compl',
  logistics: 'logis',
  refund: 'refund',
  billing: 'bill',
  account: 'acct',
  product_question: 'quest',
  other: 'other',
  'team-presales': 'pre',
  'team-aftersales': 'after',
  'team-techsupport': 'tech',
  positive: 'pos',
  neutral: 'neu',
  negative: 'neg',
};

export function formatReport(report: EvaluationReport): string {
  const cell = (value: number) => pct(value).padStart(7);
  const answeredCell = (point: { coverage: number; accuracy: number }) => `${pct(point.accuracy)} @ ${pct(point.coverage)}`.padStart(16);
  const languages = Object.entries(report.languages).map(([lang, count]) => `${count} ${lang}`).join(', ');
  return [
    `NLU evaluation: ${report.messages} labelled messages (${languages})`,
    `model trained on ${report.trainingSize} examples in ${report.trainingMs.toFixed(0)} ms`,
    '',
    formatTask(report.issueType, (label) => SHORT[label] ?? label),
    '',
    formatTask(report.team, (label) => SHORT[label] ?? label),
    '',
    formatTask(report.sentiment, (label) => SHORT[label] ?? label),
    '',
    'hard cases and channel styles: best-guess accuracy (type, team, sentiment); answered accuracy @ coverage (type, sentiment)',
    `  ${'slice'.padEnd(12)} count    type    team    sent        type answered    sent answered`,
    ...report.slices.map(
      (row) =>
        `  ${row.tag.padEnd(12)} ${String(row.count).padStart(5)} ${cell(row.issueType)} ${cell(row.team)} ${cell(row.sentiment)} ${answeredCell(row.issueTypeAnswered)} ${answeredCell(row.sentimentAnswered)}`,
    ),
    `  suggestions (labelled neutral) read as negative: ${report.suggestionsReadNegative.count}/${report.suggestionsReadNegative.of}`,
    '',
    `bot decisions (answer with the right entry / hand off for the right reason): ${report.bot.correct}/${report.bot.cases} = ${pct(report.bot.accuracy)}`,
    ...report.bot.misses.map((miss) => `  miss: ${miss}`),
    '',
    `classification latency per message: mean ${report.latencyMs.mean.toFixed(3)} ms, p50 ${report.latencyMs.p50.toFixed(3)} ms, p99 ${report.latencyMs.p99.toFixed(3)} ms`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('evaluate.ts')) {
  console.log(formatReport(runEvaluation()));
}
