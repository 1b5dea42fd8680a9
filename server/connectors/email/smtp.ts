/**
 * The outbound half of the email channel: an agent's reply (or a survey invitation) on an email
 * conversation leaves over SMTP as a reply in the customer's thread — `In-Reply-To` the latest
 * mail from the customer, `References` every Message-ID of the conversation, a Message-ID of our
 * own recorded before the first attempt (so every attempt sends the same mail and the customer's
 * answer threads to it), and the centre's signature. The outcome is kept on the mail
 * (`email_headers`): `sent`; `pending` while the server cannot be reached or answers "try
 * later" (4xx), retried by `retryDue()` after growing waits; `failed` with the server's answer
 * when it refuses the mail (5xx) or the retries are spent — then a system line tells the agent,
 * and the reply itself stays in the thread. Nothing automatic is ever sent to a mail system or
 * in answer to a bounce or an auto-reply.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { Contact, Conversation, Message } from '../../../shared/domain/model';
import { getMessageRow, recordOutboundDelivery } from '../../db/queries/messages';
import { conversationMail, dueEmailDeliveries, insertEmailHeaders, setEmailDelivery } from '../../db/queries/email';
import type { Store } from '../../db/database';
import type { EmailHeadersTable } from '../../db/schemaEmail';
import type { OutboundConnector } from '../../domain/connectors';
import { connectorHealth, redact } from '../status';
import { subjectKey } from './mail';
import type { SmtpSettings } from './settings';

export const SMTP_CONNECTOR = 'email.smtp';
/** The newest Message-IDs a References header carries (with the thread's first). */
const MAX_REFERENCES = 20;
const RETRY_BATCH = 20;
const SYSTEM_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
/** Errors about this one mail (the server answered about the envelope or the message), not the connection. */
const MAIL_ERROR_CODES = new Set(['EENVELOPE', 'EMESSAGE']);

export interface SmtpConnectorOptions {
  smtp: SmtpSettings;
  from: string;
  signature: string;
  now: () => Date;
  /** Waits before attempt n+1 after n transient failures; after the last, the mail is failed. */
  retryMs: readonly number[];
  log?: (message: string) => void;
  /** Tells the agent in the thread that their reply was not delivered (threadNote.ts). */
  noteUndelivered?: (conversationId: string, text: string) => Promise<void>;
}

export interface SmtpConnector extends OutboundConnector {
  /** Sends every pending mail whose retry is due: how many were attempted. */
  retryDue(): Promise<number>;
  close(): void;
}

function addressOf(from: string): string {
  return (/<([^<>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
}

function replySubject(message: Message, conversation: Conversation): string {
  if (message.subject) return message.subject;
  const subject = conversation.subject?.trim();
  if (!subject) return 'Re: your message';
  return subjectKey(subject) === subject.toLowerCase() ? `Re: ${subject}` : subject;
}

export function createSmtpConnector(store: Store, options: SmtpConnectorOptions): SmtpConnector {
  const { smtp } = options;
  const { retryMs } = options;
  const health = connectorHealth(store.db, { name: SMTP_CONNECTOR, channel: 'email', direction: 'outbound' }, options.now);
  const log = options.log ?? ((message: string) => console.error(`[server] email: ${message}`));
  const transport: Transporter = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const fromAddress = addressOf(options.from);
  const domain = fromAddress.split('@')[1] || 'switchboard.invalid';

  const failed = async (row: EmailHeadersTable, error: string, tellAgent: boolean) => {
    await setEmailDelivery(store.db, row.message_id, {
      delivery_status: 'failed',
      delivery_error: error,
      delivery_attempts: row.delivery_attempts,
      next_attempt_at: null,
    });
    if (!tellAgent) return;
    await options.noteUndelivered?.(row.conversation_id, `Reply not delivered to ${row.to_address ?? 'the customer'}: ${error}`).catch((noteError: unknown) =>
      log(`could not note the undelivered reply ${row.message_id}: ${redact(noteError, [smtp.pass])}`),
    );
  };

  /** One attempt at a recorded mail; records the outcome, never throws for the server's answer. */
  const attempt = async (row: EmailHeadersTable, text: string) => {
    const references = JSON.parse(row.references_json) as string[];
    try {
      await transport.sendMail({
        from: options.from,
        to: row.to_address ?? '',
        subject: row.subject,
        text: options.signature ? `${text}\n\n-- \n${options.signature}` : text,
        messageId: `<${row.rfc_message_id}>`,
        ...(row.in_reply_to ? { inReplyTo: `<${row.in_reply_to}>` } : {}),
        ...(references.length > 0 ? { references: references.map((id) => `<${id}>`) } : {}),
        ...(row.automatic === 1 ? { headers: { 'Auto-Submitted': 'auto-generated' } } : {}),
      });
    } catch (error) {
      const reason = redact(error, [smtp.pass]);
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      const aboutThisMail = code !== undefined && MAIL_ERROR_CODES.has(code);
      const refused = aboutThisMail && (responseCode ?? 500) >= 500;
      const attempts = row.delivery_attempts + 1;
      const delay = retryMs[attempts - 1];
      // The server answering about this mail says nothing against the connection; anything else does.
      if (aboutThisMail) await health.succeeded();
      else await health.failed(reason);
      if (refused || delay === undefined) {
        log(`mail ${row.message_id} not delivered to ${row.to_address}: ${reason}`);
        await failed({ ...row, delivery_attempts: attempts }, reason, true);
        return;
      }
      const next = new Date(options.now().getTime() + delay).toISOString();
      log(`mail ${row.message_id} to ${row.to_address} not sent yet (attempt ${attempts}; next at ${next}): ${reason}`);
      await setEmailDelivery(store.db, row.message_id, { delivery_status: 'pending', delivery_error: reason, delivery_attempts: attempts, next_attempt_at: next });
      return;
    }
    await setEmailDelivery(store.db, row.message_id, {
      delivery_status: 'sent',
      delivery_error: null,
      delivery_attempts: row.delivery_attempts + 1,
      next_attempt_at: null,
    });
    await recordOutboundDelivery(store.db, {
      message_id: row.message_id,
      channel: 'email',
      conversation_id: row.conversation_id,
      created_at: options.now().toISOString(),
    });
    await health.succeeded();
  };

  return {
    async deliver(message: Message, conversation: Conversation, contact: Contact) {
      const mails = await conversationMail(store.db, conversation.id);
      const lastInbound = [...mails].reverse().find((mail) => mail.direction === 'in');
      const to = contact.email ?? lastInbound?.from_address ?? null;
      const references = [...new Set(mails.map((mail) => mail.rfc_message_id))];
      const trimmed = references.length > MAX_REFERENCES ? [references[0]!, ...references.slice(-(MAX_REFERENCES - 1))] : references;
      const subject = replySubject(message, conversation);
      const now = options.now().toISOString();
      const row: EmailHeadersTable = {
        message_id: message.id,
        conversation_id: conversation.id,
        direction: 'out',
        rfc_message_id: `${message.id}@${domain}`,
        in_reply_to: lastInbound?.rfc_message_id ?? null,
        references_json: JSON.stringify(trimmed),
        subject_key: subjectKey(subject),
        subject,
        from_address: fromAddress,
        to_address: to,
        automatic: message.authorType === 'agent' ? 0 : 1,
        attachments_json: '[]',
        delivery_status: 'pending',
        delivery_error: null,
        delivery_attempts: 0,
        next_attempt_at: null,
        created_at: now,
      };
      await insertEmailHeaders(store.db, row);

      if (!to) return failed(row, 'not sent: the customer has no email address', message.authorType === 'agent');
      if (SYSTEM_SENDER.test(to)) return failed(row, `not sent: ${to} is a mail system, which is never answered`, message.authorType === 'agent');
      if (message.authorType !== 'agent' && lastInbound?.automatic === 1)
        return failed(row, 'not sent: the customer’s last mail was a bounce or an auto-reply, which is never answered automatically', false);
      await attempt(row, message.text);
    },
    async retryDue() {
      const due = await dueEmailDeliveries(store.db, options.now().toISOString(), RETRY_BATCH);
      for (const row of due) {
        const message = await getMessageRow(store.db, row.message_id);
        if (message) await attempt(row, message.text);
        else await failed(row, 'not sent: the reply no longer exists', false);
      }
      return due.length;
    },
    close() {
      transport.close();
    },
  };
}
