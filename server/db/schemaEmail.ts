/** Row types of the email channel's tables (migration 025). */
import type { ColumnType } from 'kysely';

/** PostgreSQL returns bigint as a string; SQLite as a number. */
type BigIntColumn = ColumnType<number | string, number, number>;

export interface EmailMailboxesTable {
  mailbox: string;
  uid_validity: BigIntColumn;
  last_uid: BigIntColumn;
  updated_at: string;
}

export interface EmailHeadersTable {
  message_id: string;
  conversation_id: string;
  direction: 'in' | 'out';
  rfc_message_id: string;
  in_reply_to: string | null;
  references_json: string;
  subject_key: string;
  from_address: string;
  to_address: string | null;
  automatic: number;
  attachments_json: string;
  subject: string;
  delivery_status: 'pending' | 'sent' | 'failed' | null;
  delivery_error: string | null;
  delivery_attempts: number;
  next_attempt_at: string | null;
  created_at: string;
}

export interface EmailIntakeErrorsTable {
  id: string;
  mailbox: string;
  uid: BigIntColumn;
  rfc_message_id: string | null;
  message_id: string | null;
  reason: string;
  created_at: string;
}

export interface ConnectorStatusTable {
  connector: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  state: 'connected' | 'failing';
  last_error: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  failures: number;
  updated_at: string;
}

export interface EmailDatabase {
  email_mailboxes: EmailMailboxesTable;
  email_headers: EmailHeadersTable;
  email_intake_errors: EmailIntakeErrorsTable;
  connector_status: ConnectorStatusTable;
}
