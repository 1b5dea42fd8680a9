/**
 * What classification and the bot add to ingest. Three measurements on the embedded server in
 * this process (SQLite, demo seed), each closed-loop (one request at a time) so queueing does not
 * hide the per-message cost:
 * - the classifier alone: CPU per message over zh-CN / en / mixed texts (added to every ingest,
 *   whatever the channel, before the write transaction);
 * - ingest with the bot off: HTTP time per new chat, and process CPU per ingest;
 * - ingest with the bot on: the same chats answered by the bot after commit (a knowledge-base
 *   question each), HTTP time and process CPU per ingest including the bot's turn and delivery.
 * The client runs in the same process, so CPU per ingest includes its fetch; that part is the
 * same in both runs, so the difference is what the bot costs. Prints; never fails.
 *
 *   npx tsx tests/bench/botOverhead.ts [--messages=200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBenchServer } from './lib/server';
import { ingestNewChat } from './lib/ingestChat';
import { getMessageClassifier } from '../../server/domain/nlu/classify';
import type { Figure, Row } from './lib/report';
import { summarize, type Summary } from './lib/stats';

const QUESTIONS = [
  'How do I reset my password?',
  '退款几天能到账',
  '保修期多长',
  'Track my order please',
  '能用支付宝付款吗',
  'What is your return policy?',
  '我的耳机蓝牙连不上，试了好几次还是不行',
  'The invoice for order 2231 is missing, can you resend it?',
];

export interface BotOverhead {
  classifyMs: Summary;
  botOff: { httpMs: Summary; cpuMsPerIngest: number };
  botOn: { httpMs: Summary; cpuMsPerIngest: number; botAnswers: number };
}

async function ingestRun(
  messages: number,
  botOn: boolean,
): Promise<{ httpMs: Summary; cpuMsPerIngest: number; botAnswers: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-bot-'));
  const server = await startBenchServer(dir, { bot: { channels: botOn ? ['chat'] : [] } });
  try {
    const send = (i: number) => ingestNewChat(server.url, 'bot', i, QUESTIONS[i % QUESTIONS.length]!);
    for (let i = 0; i < 10; i += 1) await send(-1 - i); // warm-up: connections, statement caches
    await server.bot.idle();
    const countAnswers = async () =>
      Number(
        (
          await server.db.db
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('author_type', '=', 'bot')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const answersBefore = await countAnswers();
    const http: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < messages; i += 1) {
      const started = performance.now();
      await send(i);
      http.push(performance.now() - started);
    }
    await server.bot.idle();
    const cpu = process.cpuUsage(cpuBefore);
    const botAnswers = (await countAnswers()) - answersBefore;
    return { httpMs: summarize(http), cpuMsPerIngest: (cpu.user + cpu.system) / 1000 / messages, botAnswers };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureBotOverhead(messages = 200): Promise<BotOverhead> {
  const classifier = getMessageClassifier();
  const samples: number[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const text = QUESTIONS[i % QUESTIONS.length]!;
    const started = performance.now();
    classifier.classify(text);
    samples.push(performance.now() - started);
  }
  const botOff = await ingestRun(messages, false);
  const botOn = await ingestRun(messages, true);
  return { classifyMs: summarize(samples), botOff, botOn };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function describe(result: BotOverhead, messages: number): string[] {
  const { classifyMs: c, botOff: off, botOn: on } = result;
  return [
    `classification per message (CPU): mean ${ms(c.mean)}  p50 ${ms(c.p50)}  p99 ${ms(c.p99)}  (n=${c.n})`,
    `ingest, bot off (${messages} new chats, one at a time): HTTP p50 ${ms(off.httpMs.p50)}  p99 ${ms(off.httpMs.p99)}  CPU ${ms(off.cpuMsPerIngest)}/ingest`,
    `ingest, bot on  (${messages} new chats, ${on.botAnswers} bot answers): HTTP p50 ${ms(on.httpMs.p50)}  p99 ${ms(on.httpMs.p99)}  CPU ${ms(on.cpuMsPerIngest)}/ingest (incl. the bot's turn)`,
  ];
}

export const botOverheadFigure: Figure = {
  id: 'bot',
  title: 'Ingest cost of classification and the bot',
  async run(ctx): Promise<Row[]> {
    const messages = ctx.quick ? 60 : 200;
    const result = await measureBotOverhead(messages);
    for (const line of describe(result, messages)) ctx.log(line);
    ctx.detail('bot', result);
    const row = (figure: string, value: number, baseline: number | null, baselineLabel: string): Row => ({
      figure,
      value,
      unit: 'ms',
      baseline,
      baselineLabel,
      goal: 'measured, not claimed',
      met: null,
      note: `${messages} new chats, closed loop, SQLite`,
    });
    return [
      row('classification p50', result.classifyMs.p50, null, '-'),
      row('ingest HTTP p50 bot on', result.botOn.httpMs.p50, result.botOff.httpMs.p50, 'bot off'),
      row('ingest CPU/msg bot on', result.botOn.cpuMsPerIngest, result.botOff.cpuMsPerIngest, 'bot off'),
    ];
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = process.argv.find((a) => a.startsWith('--messages='));
  const messages = arg ? Number(arg.slice('--messages='.length)) : 200;
  measureBotOverhead(messages)
    .then((result) => {
      for (const line of describe(result, messages)) console.log(line);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error('bot overhead benchmark failed', error);
      process.exit(0);
    });
}
