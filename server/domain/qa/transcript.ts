/** The transcript a review assignment carries, so the reviewer holds it offline (contracts/qa.ts). */
import {
  QA_TRANSCRIPT_MAX_CHARS,
  QA_TRANSCRIPT_MAX_MESSAGES,
  type QaTranscript,
} from '../../../shared/contracts/qa';
import type { Conversation } from '../../../shared/domain/model';
import { getContact } from '../../db/queries/contacts';
import { messageFromRow } from '../../db/queries/messages';
import { transcriptMessages } from '../../db/queries/qa';
import type { Trx } from '../../db/database';
import { getAutoQaResult } from '../../db/queries/autoQa';

export async function transcriptOf(trx: Trx, conversation: Conversation): Promise<QaTranscript> {
  const { rows, truncated } = await transcriptMessages(trx, conversation.id, QA_TRANSCRIPT_MAX_MESSAGES);
  // The newest messages that fit QA_TRANSCRIPT_MAX_CHARS (always at least the newest one).
  let first = rows.length;
  let chars = 0;
  while (first > 0) {
    const next = chars + rows[first - 1]!.text.length;
    if (next > QA_TRANSCRIPT_MAX_CHARS && first < rows.length) break;
    chars = next;
    first -= 1;
  }
  const fitting = rows.slice(first);
  return {
    conversation,
    contact: (await getContact(trx, conversation.contactId)) ?? null,
    messages: fitting.map(messageFromRow),
    truncated: truncated || fitting.length < rows.length,
    autoQa: await getAutoQaResult(trx, conversation.id),
  };
}
