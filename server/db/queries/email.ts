/** The email channel's tables (migration 025): mailbox cursors, mail headers, intake errors, connector status. */
import type { Db, Trx } from '../database';
import type { Selectable } from 'kysely';
import type { ConnectorStatusTable, EmailHeadersTable, EmailIntakeErrorsTable } from '../schemaEmail';

export interface MailboxCursor {
  uidValidity: number;
  lastUid: number;
}

export async function getMailboxCursor(db: Db | Trx, mailbox: string): Promise<MailboxCursor | undefined> {
  const row = await db.selectFrom('email_mailboxes').selectAll().where('mailbox', '=', mailbox).executeTakeFirst();
  return row && { uidValidity: Number(row.uid_validity), lastUid: Number(row.last_uid) };
}

export async function saveMailboxCursor(db: Db | Trx, mailbox: string, cursor: MailboxCursor, now: string): Promise<void> {
  await db
    .insertInto('email_mailboxes')
    .values({ mailbox, uid_validity: cursor.uidValidity, last_uid: cursor.lastUid, updated_at: now })
    .onConflict((oc) =>
      oc.column('mailbox').doUpdateSet({ uid_validity: cursor.uidValidity, last_uid: cursor.lastUid, updated_at: now }),
    )
    .execute();
}

export async function insertEmailHeaders(db: Db | Trx, row: EmailHeadersTable): Promise<void> {
  await db.insertInto('email_headers').values(row).onConflict((oc) => oc.column('message_id').doNothing()).execute();
}

export async function setEmailDelivery(
  db: Db | Trx,
  messageId: string,
  outcome: Pick<EmailHeadersTable, 'delivery_status' | 'delivery_error'> &
    Partial<Pick<EmailHeadersTable, 'delivery_attempts' | 'next_attempt_at'>>,
): Promise<void> {
  await db.updateTable('email_headers').set(outcome).where('message_id', '=', messageId).execute();
}

export async function getEmailHeaders(db: Db | Trx, messageId: string): Promise<EmailHeadersTable | undefined> {
  return db.selectFrom('email_headers').selectAll().where('message_id', '=', messageId).executeTakeFirst();
}

/** The conversation one of these Message-IDs belongs to, the most recent mail first. */
export async function conversationOfMessageIds(db: Db | Trx, rfcIds: string[]): Promise<string | undefined> {
  if (rfcIds.length === 0) return undefined;
  const row = await db
    .selectFrom('email_headers')
    .select('conversation_id')
    .where('rfc_message_id', 'in', rfcIds)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.conversation_id;
}

/** The latest conversation, not closed, in which this sender wrote under this subject since `since`. */
export async function conversationOfSenderSubject(
  db: Db | Trx,
  fromAddress: string,
  subjectKey: string,
  since: string,
): Promise<string | undefined> {
  if (!subjectKey) return undefined;
  const row = await db
    .selectFrom('email_headers')
    .innerJoin('conversations', 'conversations.id', 'email_headers.conversation_id')
    .select('email_headers.conversation_id')
    .where('email_headers.from_address', '=', fromAddress)
    .where('email_headers.subject_key', '=', subjectKey)
    .where('conversations.status', 'not in', ['closed'])
    .where('email_headers.created_at', '>=', since)
    .orderBy('email_headers.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.conversation_id;
}

/** Every mail of a conversation, oldest first (what an outbound reply's References are built from). */
export async function conversationMail(db: Db | Trx, conversationId: string): Promise<EmailHeadersTable[]> {
  return db
    .selectFrom('email_headers')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('message_id')
    .execute();
}

export async function insertIntakeError(db: Db | Trx, row: Omit<EmailIntakeErrorsTable, 'uid'> & { uid: number }): Promise<void> {
  await db.insertInto('email_intake_errors').values(row).execute();
}

export async function listIntakeErrors(db: Db | Trx, limit = 100): Promise<Selectable<EmailIntakeErrorsTable>[]> {
  return db.selectFrom('email_intake_errors').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

export async function listConnectorStatus(db: Db | Trx): Promise<ConnectorStatusTable[]> {
  return db.selectFrom('connector_status').selectAll().orderBy('connector').execute();
}

export async function getConnectorStatus(db: Db | Trx, connector: string): Promise<ConnectorStatusTable | undefined> {
  return db.selectFrom('connector_status').selectAll().where('connector', '=', connector).executeTakeFirst();
}

export async function saveConnectorStatus(db: Db | Trx, row: ConnectorStatusTable): Promise<void> {
  const { connector: _key, ...rest } = row;
  await db
    .insertInto('connector_status')
    .values(row)
    .onConflict((oc) => oc.column('connector').doUpdateSet(rest))
    .execute();
}

export async function getEmailHeadersByRfcId(db: Db | Trx, rfcId: string): Promise<EmailHeadersTable | undefined> {
  return db.selectFrom('email_headers').selectAll().where('rfc_message_id', '=', rfcId).limit(1).executeTakeFirst();
}

/** Outbound mail waiting for its next attempt whose time has come, oldest first. */
export async function dueEmailDeliveries(db: Db | Trx, now: string, limit: number): Promise<EmailHeadersTable[]> {
  return db
    .selectFrom('email_headers')
    .selectAll()
    .where('delivery_status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}
