/** Messages, outbound delivery records and surveys. */
import type {
  Channel,
  CallInfo,
  Message,
  MessageDirection,
  MessageKind,
  AuthorType,
} from '../../../shared/domain/model';
import type { Db, Trx } from '../database';
import { preparedQuery } from '../compiledQuery';
import type { MessagesTable, SurveysTable } from '../schema';
import { messageInsightFromRow } from './insight';

export function messageFromRow(row: MessagesTable): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    direction: row.direction as MessageDirection,
    kind: row.kind as MessageKind,
    authorType: row.author_type as AuthorType,
    authorId: row.author_id,
    text: row.text,
    subject: row.subject,
    call: row.call_json === null ? null : (JSON.parse(row.call_json) as CallInfo),
    createdAt: row.created_at,
    ...messageInsightFromRow(row),
  };
}

export async function findInboundMessage(
  db: Db | Trx,
  channel: Channel,
  externalId: string,
): Promise<MessagesTable | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

// A pushed reply checks its message id and inserts the message (compiledQuery.ts).
const selectMessage = preparedQuery<{ id: string }, MessagesTable>(['id'], (db, p) =>
  db.selectFrom('messages').selectAll().where('id', '=', p.id),
);

/** The columns every message has; the rest (classification, insight) are optional. */
const BASE_MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'channel',
  'external_id',
  'direction',
  'kind',
  'author_type',
  'author_id',
  'text',
  'subject',
  'call_json',
  'created_at',
] as const satisfies readonly (keyof MessagesTable)[];

const insertBaseMessage = preparedQuery<MessagesTable & Record<string, unknown>, never>(
  BASE_MESSAGE_COLUMNS,
  (db, p) =>
    db
      .insertInto('messages')
      .values(
        Object.fromEntries(
          BASE_MESSAGE_COLUMNS.map((column) => [column, p[column]]),
        ) as unknown as MessagesTable,
      ),
);

export async function getMessageRow(db: Db | Trx, id: string): Promise<MessagesTable | undefined> {
  return selectMessage.executeTakeFirst(db, { id });
}

export async function insertMessage(trx: Trx, row: MessagesTable): Promise<void> {
  // Exactly the base columns, all given (Kysely leaves an undefined one to its default).
  const keys = Object.keys(row);
  const baseOnly =
    keys.length === BASE_MESSAGE_COLUMNS.length &&
    BASE_MESSAGE_COLUMNS.every((column) => row[column] !== undefined && keys.includes(column));
  if (baseOnly) await insertBaseMessage.execute(trx, row as MessagesTable & Record<string, unknown>);
  else await trx.insertInto('messages').values(row).execute();
}

export async function countMessages(db: Db | Trx): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordOutboundDelivery(
  db: Db | Trx,
  delivery: { message_id: string; channel: Channel; conversation_id: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('outbound_deliveries')
    .values(delivery)
    .onConflict((oc) => oc.columns(['message_id', 'channel']).doNothing())
    .execute();
}

/** A later answer for the same conversation and kind replaces the earlier (re-rating). */
export async function upsertSurvey(trx: Trx, survey: SurveysTable): Promise<void> {
  await trx
    .insertInto('surveys')
    .values(survey)
    .onConflict((oc) =>
      oc.columns(['conversation_id', 'kind']).doUpdateSet({
        score: survey.score,
        comment: survey.comment,
        updated_at: survey.updated_at,
      }),
    )
    .execute();
}

export async function getSurvey(
  db: Db | Trx,
  conversationId: string,
  kind: string,
): Promise<SurveysTable | undefined> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}
