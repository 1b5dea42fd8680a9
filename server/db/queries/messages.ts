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

export async function getMessageRow(db: Db | Trx, id: string): Promise<MessagesTable | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMessage(trx: Trx, row: MessagesTable): Promise<void> {
  await trx.insertInto('messages').values(row).execute();
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
