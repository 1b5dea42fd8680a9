/**
 * Inbound classification in worker threads (SWITCHBOARD_NLU_WORKERS): the insight a message
 * gets from a worker is exactly the one the event loop computes, and a pool closes with the
 * server. Runs on embedded SQLite; one worker is enough to prove the path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/app';
import { ConfigError, loadConfig } from '../../../server/config';
import { classifyInbound } from '../../../server/domain/bot/inbound';
import { createInboundClassifier, defaultNluWorkers } from '../../../server/domain/nlu/inboundClassifier';
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
  it('answers exactly what the event loop answers', async () => {
    const pool = await createInboundClassifier(1);
    try {
      expect(pool.workers).toBe(1);
      for (const text of MESSAGES) expect(await pool.classify(text)).toEqual(classifyInbound({ text }));
      expect(await pool.classify('   ')).toBeNull();
    } finally {
      await pool.close();
    }
  });

  it('stores the same insight on an ingested message when the server classifies in a worker', async () => {
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
