/** The transcript a review assignment carries, so the reviewer holds it offline (contracts/qa.ts). */
import { QA_TRANSCRIPT_MAX_MESSAGES, type QaTranscript } from '../../../shared/contracts/qa';
import type { Conversation } from '../../../shared/domain/model';
import { getContact } from '../../db/queries/contacts';
import { messageFromRow } from '../../db/queries/messages';
import { transcriptMessages } from '../../db/queries/qa';
import type { Trx } from '../../db/database';

export async function transcriptOf(trx: Trx, conversation: Conversation): Promise<QaTranscript> {
  const { rows, truncated } = await transcriptMessages(trx, conversation.id, QA_TRANSCRIPT_MAX_MESSAGES);
  return {
    conversation,
    contact: (await getContact(trx, conversation.contactId)) ?? null,
    messages: rows.map(messageFromRow),
    truncated,
  };
}
