/** Survey invitations and the history of answers (the current answer per kind is `surveys`, messages.ts). */
import type { Db, Trx } from '../database';
import type { SurveyAnswersTable, SurveyRequestsTable } from '../schema';

export async function lastSurveyRequest(
  db: Db | Trx,
  conversationId: string,
): Promise<SurveyRequestsTable | undefined> {
  return db
    .selectFrom('survey_requests')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertSurveyRequest(trx: Trx, row: SurveyRequestsTable): Promise<void> {
  await trx.insertInto('survey_requests').values(row).execute();
}

export async function insertSurveyAnswer(trx: Trx, row: SurveyAnswersTable): Promise<void> {
  await trx.insertInto('survey_answers').values(row).execute();
}

/** Every answer of a conversation, oldest first. */
export async function surveyAnswers(db: Db | Trx, conversationId: string): Promise<SurveyAnswersTable[]> {
  return db
    .selectFrom('survey_answers')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
}

/** The text of the customer's newest message in a conversation, if any. */
export async function lastCustomerText(db: Db | Trx, conversationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('messages')
    .select('text')
    .where('conversation_id', '=', conversationId)
    .where('author_type', '=', 'contact')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.text ?? null;
}
