/**
 * An agent or lead corrects what the classifier said about a customer message (its issue type or
 * sentiment), with one click in the conversation. The message shows the corrected label at once
 * on every workstation (its snapshot goes out again through the change log; caches upsert it),
 * and each correction is kept as a labelled example — the words, the label, what the classifier
 * had said, who and when — for retraining.
 *
 * Who may: admins everywhere; agents and leads in their own teams' conversations. Reviewers
 * score conversations, they do not label them.
 */
import { randomUUID } from 'node:crypto';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { InsightCorrection } from '../../../shared/contracts/insightCorrection';
import type { Agent } from '../../../shared/domain/model';
import type { MessageInsight } from '../../../shared/nlu/insight';
import { conversationFromRow, getConversationRow } from '../../db/queries/conversations';
import { messageFromRow } from '../../db/queries/messages';
import { messageInsightColumns } from '../../db/queries/insight';
import { addressOf, messageChange } from '../snapshots';
import { commitWithChanges, type DomainContext } from '../context';

/** A corrected sentiment is certain: full strength, the sign of its label. */
const CORRECTED_SENTIMENT = {
  positive: { label: 'positive', strength: 1, score: 1 },
  neutral: { label: 'neutral', strength: 0, score: 0 },
  negative: { label: 'negative', strength: 1, score: -1 },
} as const;

export async function correctInsight(
  ctx: DomainContext,
  viewer: Agent,
  messageId: string,
  correction: InsightCorrection,
): Promise<{ insight: MessageInsight }> {
  if (viewer.role === 'reviewer') throw new SwitchboardError('forbidden', 'reviewers do not relabel messages');
  return commitWithChanges(ctx, async (trx, append) => {
    const row = await trx.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
    const conversationRow = row ? await getConversationRow(trx, row.conversation_id) : undefined;
    if (!row || !conversationRow) {
      if (viewer.role === 'admin') throw new SwitchboardError('not_found', `messageId: no message ${messageId}`);
      throw new SwitchboardError('forbidden', 'you may not relabel this message');
    }
    if (viewer.role !== 'admin' && !viewer.teamIds.includes(conversationRow.team_id))
      throw new SwitchboardError('forbidden', 'you may not relabel this message');
    const message = messageFromRow(row);
    if (message.direction !== 'in' || !message.insight)
      throw new SwitchboardError('invalid', 'messageId: only a classified customer message can be relabelled');

    const before = message.insight;
    const unsure = new Set(before.unsure ?? []);
    const now = ctx.now().toISOString();
    const examples: Array<{ field: 'issueType' | 'sentiment'; previous: string; label: string }> = [];
    let after: MessageInsight = before;
    if (correction.issueType) {
      examples.push({ field: 'issueType', previous: unsure.has('issueType') ? 'unsure' : before.issueType, label: correction.issueType });
      unsure.delete('issueType');
      after = { ...after, issueType: correction.issueType };
    }
    if (correction.sentiment) {
      examples.push({ field: 'sentiment', previous: unsure.has('sentiment') ? 'unsure' : before.sentiment.label, label: correction.sentiment });
      unsure.delete('sentiment');
      after = { ...after, sentiment: { ...CORRECTED_SENTIMENT[correction.sentiment] } };
    }
    const { unsure: _dropped, ...sure } = after;
    after = unsure.size > 0 ? { ...sure, unsure: [...unsure] } : sure;

    await trx.updateTable('messages').set(messageInsightColumns(after)).where('id', '=', messageId).execute();
    await trx
      .insertInto('nlu_corrections')
      .values(
        examples.map((example) => ({
          id: randomUUID(),
          message_id: messageId,
          conversation_id: row.conversation_id,
          ...example,
          text: row.text,
          corrected_by: viewer.id,
          corrected_at: now,
        })),
      )
      .execute();
    await append([messageChange({ ...message, insight: after }, addressOf(conversationFromRow(conversationRow)))]);
    return { insight: after };
  });
}
