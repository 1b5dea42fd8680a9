/**
 * A mail read from the mailbox becomes an inbound message through the same ingest path as the
 * HTTP ingest API (domain/ingest.ts): the customer is found or created by their address, and the
 * mail's Message-ID is its idempotency key, so taking a mail in twice stores it once. Threading,
 * inside the ingest's transaction: the conversation of a Message-ID named in In-Reply-To or
 * References (ours or the customer's), else a recent conversation where the same sender wrote
 * under the same subject, else a new conversation. The quoted earlier thread and the signature
 * are folded away (nlu/customerWords.ts), as the classifier does; the original stays in the mailbox.
 */
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_SUBJECT_CHARS } from '../../../shared/domain/limits';
import type { IngestMessageRequest, IngestMessageResponse } from '../../../shared/contracts/http';
import { conversationOfMessageIds, conversationOfSenderSubject, getEmailHeadersByRfcId, insertEmailHeaders } from '../../db/queries/email';
import type { DomainContext } from '../../domain/context';
import { ingestMessage } from '../../domain/ingest';
import { customerWords } from '../../domain/nlu/customerWords';
import { formatBytes, subjectKey, type InboundMail } from './mail';

/** How far back a subject and sender still thread a mail that names no earlier Message-ID. */
const SUBJECT_THREAD_DAYS = 30;
const MAX_REFERENCES = 50;

export function attachmentLines(mail: InboundMail): string[] {
  return mail.attachments.map((part) =>
    part.refused
      ? `[Attachment refused: ${part.name} (${formatBytes(part.size)}, ${part.type}): ${part.refused}]`
      : `[Attachment: ${part.name} (${formatBytes(part.size)}, ${part.type})]`,
  );
}

function threadText(mail: InboundMail, notes: string[]): string {
  const own = mail.text ? customerWords(mail.text) : '';
  const lines = [own, ...attachmentLines(mail), ...notes].filter(Boolean);
  const text = lines.join('\n\n') || '(no text)';
  if (text.length <= MAX_MESSAGE_CHARS) return text;
  const cut = '\n\n[The rest of this mail is longer than the thread keeps; the whole mail stays in the mailbox.]';
  return text.slice(0, MAX_MESSAGE_CHARS - cut.length) + cut;
}

/**
 * Stores one mail. `fallbackId` names the mail when it carries no Message-ID (mailbox, UIDVALIDITY
 * and UID); `notes` are lines the connector adds (why the body could not be read). Returns null
 * for a copy of one of our own replies.
 */
export async function takeInMail(
  ctx: DomainContext,
  mail: InboundMail,
  fallbackId: string,
  notes: string[] = [],
): Promise<IngestMessageResponse | null> {
  const rfcId = mail.messageId ?? fallbackId;
  const known = await getEmailHeadersByRfcId(ctx.store.db, rfcId);
  if (known?.direction === 'out') return null;
  const key = subjectKey(mail.subject);
  const earlier = [mail.inReplyTo, ...[...mail.references].reverse()].filter((id): id is string => Boolean(id));
  const request: IngestMessageRequest = {
    channel: 'email',
    externalId: rfcId.slice(0, 200),
    contact: {
      externalId: mail.fromAddress.slice(0, 200),
      email: mail.fromAddress.slice(0, 320),
      ...(mail.fromName ? { name: mail.fromName.slice(0, MAX_NAME_CHARS) } : {}),
    },
    text: threadText(mail, notes),
    ...(mail.subject ? { subject: mail.subject.slice(0, MAX_SUBJECT_CHARS) } : {}),
    provider: 'imap',
  };
  return ingestMessage(ctx, request, {
    async thread(trx) {
      const byHeaders = await conversationOfMessageIds(trx, earlier.slice(0, MAX_REFERENCES));
      if (byHeaders) return byHeaders;
      const since = new Date(ctx.now().getTime() - SUBJECT_THREAD_DAYS * 86_400_000).toISOString();
      return (await conversationOfSenderSubject(trx, mail.fromAddress, key, since)) ?? 'new';
    },
    async alongside(trx, stored) {
      await insertEmailHeaders(trx, {
        message_id: stored.messageId,
        conversation_id: stored.conversationId,
        direction: 'in',
        rfc_message_id: rfcId,
        in_reply_to: mail.inReplyTo,
        references_json: JSON.stringify(mail.references.slice(-MAX_REFERENCES)),
        subject_key: key,
        from_address: mail.fromAddress,
        to_address: mail.toAddress ?? null,
        automatic: mail.automatic ? 1 : 0,
        attachments_json: JSON.stringify(mail.attachments),
        subject: mail.subject.slice(0, MAX_SUBJECT_CHARS),
        delivery_status: null,
        delivery_error: null,
        delivery_attempts: 0,
        next_attempt_at: null,
        created_at: stored.createdAt,
      });
    },
  });
}
