/**
 * `npm run nlu:eval`: runs the classifiers and the bot over the labelled evaluation set in eval/
 * (kept apart from the training data) and prints precision and recall per class for issue type,
 * routing (team) and sentiment, plus accuracy, accuracy on the hard cases (sarcasm, negation,
 * mixed language), bot decisions, training time and classification latency.
 */
import { z } from 'zod';
import { createBot } from './bot';
import { createMessageClassifier } from './classify';
import { ISSUE_TYPES, labelledMessageSchema, SENTIMENTS, TEAM_IDS, type LabelledMessage } from './labels';
import { formatTask, scoreTask, type TaskMetrics } from './metrics';
import botSet from './eval/bot.json';
import callSet from './eval/call.json';
import chatEnSet from './eval/chat.en.json';
import chatLongSet from './eval/chat.long.json';
import chatZhSet from './eval/chat.zh.json';
import emailSet from './eval/email.json';
import hardSet from './eval/hard.json';
import enSet from './eval/messages.en.json';
import mixedSet from './eval/messages.mixed.json';
import zhSet from './eval/messages.zh-CN.json';
import mixedChannelsSet from './eval/mixed.json';
import smsSet from './eval/sms.json';
import socialSet from './eval/social.json';

const botCaseSchema = z.object({
  text: z.string().min(1),
  expect: z.enum(['answer', 'handoff']),
  intent: z.string().optional(),
  reason: z.enum(['asked_for_human', 'low_confidence', 'max_turns']).optional(),
});

export function loadEvaluationSet(): LabelledMessage[] {
  return z
    .array(labelledMessageSchema)
    .parse([...zhSet, ...enSet, ...mixedSet, ...chatZhSet, ...chatEnSet, ...chatLongSet, ...mixedChannelsSet, ...emailSet, ...callSet, ...smsSet, ...socialSet, ...hardSet]);
}

export interface EvaluationReport {
  messages: number;
  issueType: TaskMetrics;
  team: TaskMetrics;
  sentiment: TaskMetrics;
  /** Accuracy per tag (sarcasm, negation, mixed) for each task. */
  hardCases: { tag: string; count: number; issueType: number; team: number; sentiment: number }[];
  bot: { cases: number; correct: number; accuracy: number };
  trainingMs: number;
  latencyMs: { mean: number; p50: number; p99: number };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export function runEvaluation(): EvaluationReport {
  const messages = loadEvaluationSet();
  const started = performance.now();
  const classifier = createMessageClassifier();
  const trainingMs = performance.now() - started;

  const timings: number[] = [];
  const results = messages.map((message) => {
    const begin = performance.now();
    const predicted = classifier.classify(message.text);
    timings.push(performance.now() - begin);
    return { message, predicted };
  });
  const pairs = (pick: (row: (typeof results)[number]) => [string, string]) =>
    results.map((row) => {
      const [expected, predicted] = pick(row);
      return { expected, predicted };
    });
  const agree = (rows: typeof results, pick: (row: (typeof results)[number]) => boolean) => (rows.length ? rows.filter(pick).length / rows.length : 0);

  const hardCases = ['sarcasm', 'negation', 'mixed'].map((tag) => {
    const rows = results.filter((row) => row.message.tags.includes(tag));
    return {
      tag,
      count: rows.length,
      issueType: agree(rows, (row) => row.predicted.issueType === row.message.type),
      team: agree(rows, (row) => row.predicted.team === row.message.team),
      sentiment: agree(rows, (row) => row.predicted.sentiment.label === row.message.sentiment),
    };
  });

  const bot = createBot({ classifier });
  const botCases = z.array(botCaseSchema).parse(botSet);
  const botCorrect = botCases.filter((item) => {
    const reply = bot.answer(item.text, { turn: 1 });
    if (item.expect === 'answer') return reply.kind === 'answer' && reply.intent === item.intent;
    return reply.kind === 'handoff' && reply.reason === item.reason;
  }).length;

  const sorted = [...timings].sort((a, b) => a - b);
  return {
    messages: messages.length,
    issueType: scoreTask('intent (issue type)', ISSUE_TYPES, pairs((row) => [row.message.type, row.predicted.issueType])),
    team: scoreTask('routing (team)', TEAM_IDS, pairs((row) => [row.message.team, row.predicted.team])),
    sentiment: scoreTask('sentiment', SENTIMENTS, pairs((row) => [row.message.sentiment, row.predicted.sentiment.label])),
    hardCases,
    bot: { cases: botCases.length, correct: botCorrect, accuracy: botCases.length ? botCorrect / botCases.length : 0 },
    trainingMs,
    latencyMs: { mean: timings.reduce((sum, value) => sum + value, 0) / Math.max(timings.length, 1), p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) },
  };
}

export function formatReport(report: EvaluationReport): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  return [
    `NLU evaluation: ${report.messages} labelled messages (zh-CN, en, mixed)`,
    '',
    formatTask(report.issueType),
    '',
    formatTask(report.team),
    '',
    formatTask(report.sentiment),
    '',
    'hard cases (accuracy): tag, count, issue type, team, sentiment',
    ...report.hardCases.map((row) => `  ${row.tag.padEnd(9)} ${String(row.count).padStart(4)}  ${pct(row.issueType).padStart(6)}  ${pct(row.team).padStart(6)}  ${pct(row.sentiment).padStart(6)}`),
    '',
    `bot decisions (answer with the right entry / hand off for the right reason): ${report.bot.correct}/${report.bot.cases} = ${pct(report.bot.accuracy)}`,
    `training ${report.trainingMs.toFixed(0)} ms; classification per message mean ${report.latencyMs.mean.toFixed(3)} ms, p50 ${report.latencyMs.p50.toFixed(3)} ms, p99 ${report.latencyMs.p99.toFixed(3)} ms`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('evaluate.ts')) {
  console.log(formatReport(runEvaluation()));
}
