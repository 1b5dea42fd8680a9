/**
 * The outbound half of the email channel: an agent's reply (or a survey invitation) on an email
 * conversation leaves over SMTP as a reply in the customer's thread — `In-Reply-To` the latest
 * mail from the customer, `References` every Message-ID of the conversation, a Message-ID of our
 * own recorded before sending (so the customer's answer threads even if the send is retried by
 * hand), and the centre's signature. The outcome is recorded on the mail (`email_headers`
 * delivery_status / delivery_error): a refusal is a failed delivery with the server's answer,
 * the reply itself stays in the thread, and a system line under it tells the agent. Nothing automatic is ever sent to a mail system or in
 * answer to a bounce or an auto-reply.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { Contact, Conversation, Message } from '../../../shared/domain/model';
import { recordOutboundDelivery } from '../../db/queries/messages';
import { conversationMail, insertEmailHeaders, setEmailDelivery } from '../../db/queries/email';
import type { Store } from '../../db/database';
import type { OutboundConnector } from '../../domain/connectors';
import { connectorHealth, redact } from '../status';
import { subjectKey } from './mail';
import type { SmtpSettings } from './settings';

export const SMTP_CONNECTOR = 'email.smtp';
/** The newest Message-IDs a References header carries (with the thread's first). */
const MAX_REFERENCES = 20;
const SYSTEM_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
/** Errors that are about this one mail (the server answered and refused it), not the connection. */
const REFUSAL_CODES = new Set(['EENVELOPE', 'EMESSAGE']);

export interface SmtpConnectorOptions {
  smtp: SmtpSettings;
  from: string;
  signature: string;
  now: () => Date;
  log?: (message: string) => void;
  /** Tells the agent in the thread that their reply was not delivered (threadNote.ts). */
  noteUndelivered?: (conversationId: string, text: string) => Promise<void>;
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

export function createSmtpConnector(store: Store, options: SmtpConnectorOptions): OutboundConnector & { close(): void } {
  const { smtp } = options;
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

  return {
    async deliver(message: Message, conversation: Conversation, contact: Contact) {
      const mails = await conversationMail(store.db, conversation.id);
      const lastInbound = [...mails].reverse().find((mail) => mail.direction === 'in');
      const to = contact.email ?? lastInbound?.from_address ?? null;
      const rfcId = `${message.id}@${domain}`;
      const references = [...new Set(mails.map((mail) => mail.rfc_message_id))];
      const trimmed = references.length > MAX_REFERENCES ? [references[0]!, ...references.slice(-(MAX_REFERENCES - 1))] : references;
      const subject = replySubject(message, conversation);
      await insertEmailHeaders(store.db, {
        message_id: message.id,
        conversation_id: conversation.id,
        direction: 'out',
        rfc_message_id: rfcId,
        in_reply_to: lastInbound?.rfc_message_id ?? null,
        references_json: JSON.stringify(trimmed),
        subject_key: subjectKey(subject),
        from_address: fromAddress,
        to_address: to,
        automatic: message.authorType === 'agent' ? 0 : 1,
        attachments_json: '[]',
        delivery_status: null,
        delivery_error: null,
        created_at: options.now().toISOString(),
      });
      const fail = (error: string) => setEmailDelivery(store.db, message.id, { delivery_status: 'failed', delivery_error: error });

      if (!to) return fail('not sent: the customer has no email address');
      if (SYSTEM_SENDER.test(to)) return fail(`not sent: ${to} is a mail system, which is never answered`);
      if (message.authorType !== 'agent' && lastInbound?.automatic === 1)
        return fail('not sent: the customer’s last mail was a bounce or an auto-reply, which is never answered automatically');

      const text = options.signature ? `${message.text}\n\n-- \n${options.signature}` : message.text;
      try {
        await transport.sendMail({
          from: options.from,
          to,
          subject,
          text,
          messageId: `<${rfcId}>`,
          ...(lastInbound ? { inReplyTo: `<${lastInbound.rfc_message_id}>` } : {}),
          ...(trimmed.length > 0 ? { references: trimmed.map((id) => `<${id}>`) } : {}),
          ...(message.authorType === 'agent' ? {} : { headers: { 'Auto-Submitted': 'auto-generated' } }),
        });
      } catch (error) {
        const reason = redact(error, [smtp.pass]);
        await fail(reason);
        log(`reply ${message.id} not delivered to ${to}: ${reason}`);
        await options.noteUndelivered?.(conversation.id, `Reply not delivered to ${to}: ${reason}`).catch((noteError: unknown) =>
          log(`could not note the undelivered reply ${message.id}: ${redact(noteError, [smtp.pass])}`),
        );
        const code = (error as { code?: string }).code;
        // The server refusing this mail says nothing against the connection; anything else does.
        if (code && REFUSAL_CODES.has(code)) await health.succeeded();
        else await health.failed(reason);
        return;
      }
      await setEmailDelivery(store.db, message.id, { delivery_status: 'sent', delivery_error: null });
      await recordOutboundDelivery(store.db, {
        message_id: message.id,
        channel: 'email',
        conversation_id: conversation.id,
        created_at: options.now().toISOString(),
      });
      await health.succeeded();
    },
    close() {
      transport.close();
    },
  };
}
