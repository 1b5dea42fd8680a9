/**
 * Language work in worker threads (SWITCHBOARD_NLU_WORKERS): the insight a message gets and the
 * bot's reply to it are exactly what the event loop computes (over the knowledge base the task
 * carries), and a pool closes with the server. Runs on embedded SQLite; one worker is enough to
 * prove the path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/app';
import { ConfigError, loadConfig } from '../../../server/config';
import { classifyInbound } from '../../../server/domain/bot/inbound';
import { createInboundClassifier, defaultNluWorkers, inlineClassifier } from '../../../server/domain/nlu/inboundClassifier';
import { trainInWorker } from '../../../server/domain/nlu/modelTrainer';
import { DEFAULT_KNOWLEDGE_BASE } from '../../../server/domain/nlu/training/knowledgeBase';
import { DEMO_CHANNEL_TOKENS } from '../../../server/demo/seed';
import { getMessageRow } from '../../../server/db/queries/messages';

const MESSAGES = [
  '我的快递三天了还没到，太慢了！',
  '退款什么时候到账？',
  'Thank you so much, the agent was really helpful.',
  'My invoice shows the wrong amount and I am furious.',
  '这个耳机能连两台手机吗',
];

let server: RunningServer | null = null;
let dir = '';

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('classification in worker threads', () => {
  // Pool tests start worker threads that load the TypeScript sources and train a model each (a few
  // seconds alone, far more while the rest of the suite runs on two cores): bounds, not measurements.
  it('answers exactly what the event loop answers', { timeout: 120_000 }, async () => {
    const pool = await createInboundClassifier(1);
    try {
      expect(pool.workers).toBe(1);
      for (const text of MESSAGES) expect(await pool.classify(text)).toEqual(classifyInbound({ text }));
      expect(await pool.classify('   ')).toBeNull();
    } finally {
      await pool.close();
    }
  });

  // Starts five threads that each train or load a model: minutes of CPU on a loaded two-core machine at worst.
  it('switches every thread to a new classifier version, answering as the inline classifier of that version', { timeout: 180_000 }, async () => {
    // A version trained off the event loop, as a node loads the cluster's active one.
    const taught = ['kelpwave plan question', 'about my kelpwave', 'kelpwave 套餐'].map((text, i) => ({
      id: `c${i}`,
      messageId: `m${i}`,
      field: 'issueType',
      label: 'billing',
      text,
      correctedAt: '2026-12-01T00:00:00.000Z',
    }));
    const [{ snapshot }, pool] = await Promise.all([trainInWorker({ corrections: taught, evaluate: false }), createInboundClassifier(2)]);
    const inline = inlineClassifier();
    try {
      expect(await pool.classify('kelpwave?')).toMatchObject({ unsure: expect.arrayContaining(['issueType']) });
      await Promise.all([pool.useModel(snapshot), inline.useModel(snapshot)]);
      // Both threads answer with the new version (several asks land on both of them).
      const answers = await Promise.all(Array.from({ length: 6 }, () => pool.classify('kelpwave?')));
      for (const answer of answers) expect(answer).toEqual(await inline.classify('kelpwave?'));
      expect(answers[0]).toMatchObject({ issueType: 'billing' });
      for (const text of MESSAGES) expect(await pool.classify(text)).toEqual(await inline.classify(text));
    } finally {
      await pool.close();
    }
  });

  it('gives the bot reply the event loop gives, for the knowledge base the task carries', { timeout: 120_000 }, async () => {
    const pool = await createInboundClassifier(1);
    const inline = inlineClassifier();
    const defaults = { key: 'defaults', entries: DEFAULT_KNOWLEDGE_BASE };
    // One entry only, answering everything about opening hours with a changed answer.
    const hours = DEFAULT_KNOWLEDGE_BASE.find((entry) => entry.intent === 'kb.business_hours')!;
    const edited = { key: 'edited', entries: [{ ...hours, answer: { 'zh-CN': '每天九点到九点', en: 'Nine to nine, every day.' } }] };
    const cases = [
      { text: 'What are your business hours?', turn: 1, knowledge: defaults },
      { text: '你们几点上班', turn: 1, knowledge: defaults },
      { text: '转人工', turn: 1, knowledge: defaults },
      { text: 'What are your business hours?', turn: 4, knowledge: defaults },
      { text: 'My parcel is broken and I want a refund', turn: 2, knowledge: defaults },
      { text: 'What are your business hours?', turn: 1, knowledge: edited },
    ];
    try {
      const replies = [];
      for (const task of cases) {
        const request = { ...task, confidenceThreshold: 0.6, maxTurns: 3 };
        const reply = await pool.botReply(request);
        expect(reply, task.text).toEqual(await inline.botReply(request));
        replies.push(reply);
      }
      expect(replies.map((reply) => reply.kind)).toContain('answer');
      expect(replies[2]).toMatchObject({ kind: 'handoff', reason: 'asked_for_human' });
      expect(replies[3]).toMatchObject({ kind: 'handoff', reason: 'max_turns' });
      expect(replies[5]).toMatchObject({ kind: 'answer', answer: 'Nine to nine, every day.' });
    } finally {
      await pool.close();
    }
  });

  it('stores the same insight on an ingested message, and the bot answers, when the server uses a worker', { timeout: 120_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-nlu-workers-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, seedDemo: true, env: {}, nluWorkers: 1 });
    for (const [i, text] of MESSAGES.entries()) {
      const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.email}` },
        body: JSON.stringify({ channel: 'email', externalId: `nlu-worker-${i}`, contact: { externalId: `nlu-${i}@example.com` }, text, subject: 'Hello' }),
      });
      expect(response.status).toBe(202);
      const { messageId } = (await response.json()) as { messageId: string };
      const row = await getMessageRow(server.db.db, messageId);
      const expected = classifyInbound({ text })!;
      expect(row).toMatchObject({ issue_type: expected.issueType, sentiment_label: expected.sentiment.label });
    }
    // A chat starts with the bot, whose reply the worker computed.
    const response = await fetch(`${server.url}/api/v1/ingest/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_CHANNEL_TOKENS.chat}` },
      body: JSON.stringify({ channel: 'chat', externalId: 'nlu-worker-chat', contact: { externalId: 'nlu-chat' }, text: 'What are your business hours?' }),
    });
    expect(response.status).toBe(202);
    const { conversationId } = (await response.json()) as { conversationId: string };
    await server.bot.idle();
    const answers = await server.db.db
      .selectFrom('messages')
      .select(['text', 'author_type'])
      .where('conversation_id', '=', conversationId)
      .where('author_type', '=', 'bot')
      .execute();
    const hours = DEFAULT_KNOWLEDGE_BASE.find((entry) => entry.intent === 'kb.business_hours')!;
    expect(answers).toEqual([{ text: hours.answer.en, author_type: 'bot' }]);
  });

  it('defaults to no workers on two cores and refuses a bad SWITCHBOARD_NLU_WORKERS', () => {
    expect(defaultNluWorkers(2)).toBe(0);
    expect(defaultNluWorkers(8)).toBe(4);
    expect(loadConfig({ SWITCHBOARD_NLU_WORKERS: '2' }).nluWorkers).toBe(2);
    for (const bad of ['-1', 'two', '17', '1.5']) {
      expect(() => loadConfig({ SWITCHBOARD_NLU_WORKERS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ SWITCHBOARD_NLU_WORKERS: bad }), bad).toThrow(/SWITCHBOARD_NLU_WORKERS/);
    }
  });
});
