/**
 * A system line in a conversation's thread from the email channel (a reply the mail server
 * refused), so the agent sees it where they wrote the reply. One more message on the
 * conversation, a new version, announced like any other write.
 */
import { randomUUID } from 'node:crypto';
import { conversationFromRow, getConversationRow, saveConversation } from '../../db/queries/conversations';
import { insertMessage, messageFromRow } from '../../db/queries/messages';
import type { MessagesTable } from '../../db/schema';
import { commitWithChanges, type DomainContext } from '../../domain/context';
import { addressOf, conversationChange, messageChange } from '../../domain/snapshots';
import { bumpVersion } from '../../domain/versioning';

export async function noteInThread(ctx: DomainContext, conversationId: string, text: string): Promise<void> {
  await commitWithChanges(ctx, async (trx, append) => {
    const row = await getConversationRow(trx, conversationId);
    if (!row) return;
    const now = ctx.now().toISOString();
    const message: MessagesTable = {
      id: randomUUID(),
      conversation_id: row.id,
      channel: row.channel,
      external_id: null,
      direction: 'out',
      kind: 'system',
      author_type: 'system',
      author_id: null,
      text,
      subject: null,
      call_json: null,
      created_at: now,
    };
    await insertMessage(trx, message);
    const after = { ...row, ...bumpVersion(row, null), updated_at: now, message_count: row.message_count + 1 };
    await saveConversation(trx, after);
    const conversation = conversationFromRow(after);
    const address = addressOf(conversation, conversationFromRow(row));
    await append([conversationChange('conversation.updated', conversation, address), messageChange(messageFromRow(message), address)]);
  });
}
