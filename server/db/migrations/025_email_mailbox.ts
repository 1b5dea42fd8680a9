/**
 * 025: the email channel. `email_mailboxes` is each IMAP mailbox's cursor (UIDVALIDITY and the
 * last UID taken in), moved after each mail is stored, so a restart neither loses nor repeats a
 * mail. `email_headers` keeps the RFC 5322 Message-ID of every inbound and outbound mail with its
 * conversation (threading by In-Reply-To / References), and for outbound mail the SMTP outcome
 * (retried with backoff while the server cannot be reached).
 * `email_intake_errors` records every mail that could not be taken in whole (too large, broken
 * MIME). `connector_status` is each channel connector's health for Admin. Never edit after it
 * lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_mailboxes')
    /** `user@host:port/INBOX`: never the password. */
    .addColumn('mailbox', 'text', (c) => c.primaryKey())
    .addColumn('uid_validity', 'bigint', (c) => c.notNull())
    .addColumn('last_uid', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('email_headers')
    /** The Switchboard message this mail is. */
    .addColumn('message_id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    /** in | out */
    .addColumn('direction', 'text', (c) => c.notNull())
    /** The Message-ID header without angle brackets. */
    .addColumn('rfc_message_id', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    /** JSON array of Message-IDs, oldest first. */
    .addColumn('references_json', 'text', (c) => c.notNull().defaultTo('[]'))
    /** The subject without Re:/Fwd: prefixes, lower-cased (the last-resort thread key). */
    .addColumn('subject_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text')
    /** 1: a bounce or an auto-reply; never answered automatically. */
    .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON array of { name, size, type, refused? }. */
    .addColumn('attachments_json', 'text', (c) => c.notNull().defaultTo('[]'))
    /** Outbound: the subject it is sent with; inbound: as received. */
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    /** Outbound: pending (to send, or to retry at next_attempt_at) | sent | failed; inbound: null. */
    .addColumn('delivery_status', 'text')
    .addColumn('delivery_error', 'text')
    .addColumn('delivery_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('email_headers_rfc').on('email_headers').column('rfc_message_id').execute();
  await db.schema
    .createIndex('email_headers_conversation')
    .on('email_headers')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('email_headers_sender_subject')
    .on('email_headers')
    .columns(['from_address', 'subject_key'])
    .execute();
  await db.schema
    .createIndex('email_headers_due')
    .on('email_headers')
    .columns(['delivery_status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('email_intake_errors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('uid', 'bigint', (c) => c.notNull())
    .addColumn('rfc_message_id', 'text')
    /** The message stored in its place (what could be read), when there is one. */
    .addColumn('message_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_intake_errors_mailbox')
    .on('email_intake_errors')
    .columns(['mailbox', 'uid'])
    .execute();
  await db.schema
    .createTable('connector_status')
    /** e.g. `email.imap`, `email.smtp`. */
    .addColumn('connector', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    /** inbound | outbound */
    .addColumn('direction', 'text', (c) => c.notNull())
    /** connected | failing */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_failure_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('connector_status').ifExists().execute();
  await db.schema.dropTable('email_intake_errors').ifExists().execute();
  await db.schema.dropTable('email_headers').ifExists().execute();
  await db.schema.dropTable('email_mailboxes').ifExists().execute();
}
