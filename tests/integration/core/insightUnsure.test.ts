/**
 * "Unsure" survives storage and sync: a customer message the classifier could not read reaches the
 * agent's cache marked unsure (and untagged, neutral), a clear one carries its tags and no mark.
 * Real server, real core, both backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageInsightFromRow } from '../../../server/db/queries/insight';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack } from './stack';

describe.each(testBackends())('unsure classification through sync (%s)', (backend) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(backend);
  });
  afterAll(() => stack?.close());

  const customerSays = async (text: string) => {
    const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const response = await stack.server.ingest({
      channel: 'chat',
      externalId: `unsure-${stamp}`,
      contact: { externalId: `unsure-${stamp}`, name: '访客' },
      text,
    });
    const { conversationId } = (await response.json()) as { conversationId: string };
    const detail = await eventually(
      () => stack.agentA.call('conversation.get', { conversationId }),
      (d) => d !== null && d.messages.some((m) => m.direction === 'in' && m.insight),
      'the classified message in the cache',
    );
    const message = detail!.messages.find((m) => m.direction === 'in')!;
    // Stored, not only sent once: what a later catch-up or another node reads back.
    const row = await stack.server.db.db.selectFrom('messages').selectAll().where('id', '=', message.id).executeTakeFirstOrThrow();
    return { message, stored: messageInsightFromRow(row).insight };
  };

  it('marks what the classifier could not tell, and nothing else', async () => {
    const unreadable = await customerSays('asdf qwer zxcv');
    for (const insight of [unreadable.message.insight, unreadable.stored])
      expect(insight).toMatchObject({
        issueType: 'other',
        sentiment: { label: 'neutral', strength: 0 },
        unsure: ['issueType', 'sentiment'],
      });
    const clear = await customerSays('退款两周了还没到账，太慢了');
    for (const insight of [clear.message.insight, clear.stored]) {
      expect(insight).toMatchObject({ issueType: 'refund', sentiment: { label: 'negative' } });
      expect(insight).not.toHaveProperty('unsure');
    }
  });
});
