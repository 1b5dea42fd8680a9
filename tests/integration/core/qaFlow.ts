/**
 * The first steps of every quality-review test through real cores: the demo's lead, reviewer and
 * admin signed in, the admin's scorecard in the reviewer's cache, and a customer's chat the lead
 * sends to the reviewer, in the reviewer's cache.
 */
import type { Stack, TestAgent } from './stack';
import { eventually } from './stack';

export const CHAT_CARD = {
  name: 'Chat quality',
  passThreshold: 80,
  categories: [
    { id: 'greeting', name: 'Greeting', weight: 1, scale: 'binary' as const },
    { id: 'solution', name: 'Solution', weight: 3, scale: '5' as const, critical: true },
  ],
};

export interface QaCrew {
  lead: TestAgent;
  reviewer: TestAgent;
  admin: TestAgent;
}

export async function signInQaCrew(stack: Stack): Promise<QaCrew> {
  return {
    lead: await stack.addAgent('liu.yang@demo.switchboard'),
    reviewer: await stack.addAgent('zhou.min@demo.switchboard'),
    admin: await stack.addAgent('admin@demo.switchboard'),
  };
}

/** The admin saves CHAT_CARD; resolves with its id once the reviewer's cache holds version 1. */
export async function publishChatCard({ admin, reviewer }: QaCrew): Promise<string> {
  const { id: scorecardId } = await admin.call('qa.saveScorecard', { fields: CHAT_CARD });
  await eventually(
    () => reviewer.call('qa.scorecards', {}),
    (list) => list.scorecards.some((card) => card.id === scorecardId && card.version === 1),
    'the scorecard in the reviewer cache',
  );
  return scorecardId;
}

/**
 * A customer's chat (赵敏 asking about an invoice) that the lead sends to the reviewer; resolves
 * once the assignment is in the reviewer's cache.
 */
export async function chatSentForReview(
  stack: Stack,
  { lead, reviewer }: QaCrew,
  reason?: string,
): Promise<{ conversationId: string; assignmentId: string; stamp: number }> {
  const stamp = Date.now();
  const response = await stack.server.ingest({
    channel: 'chat',
    externalId: `qa-${stamp}`,
    contact: { externalId: `qa-contact-${stamp}`, name: '赵敏' },
    text: '发票开错了，怎么重开？',
  });
  const { conversationId } = (await response.json()) as { conversationId: string };
  await eventually(
    () => lead.call('conversation.get', { conversationId }).catch(() => null),
    (found) => found !== null,
    'the conversation in the lead cache',
  );
  const { assignmentId } = await lead.call('qa.assign', {
    conversationId,
    reviewerId: 'agent-zhou-min',
    ...(reason === undefined ? {} : { reason }),
  });
  await eventually(
    () => reviewer.call('qa.assignments', { status: 'open' }),
    (result) => result.assignments.some((row) => row.assignment.id === assignmentId),
    'the assignment in the reviewer cache',
  );
  return { conversationId, assignmentId, stamp };
}
