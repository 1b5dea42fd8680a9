/**
 * 015: survey history. `surveys` keeps each conversation's current answer per kind (001); every
 * answer is also kept here in order, so a re-rating never loses the earlier one, and every
 * invitation sent is a row, so a conversation resolved again within the resend window is not
 * asked twice. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('kinds', 'text', (c) => c.notNull()) // JSON SurveyKind[]
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_requests_conversation_sent')
    .on('survey_requests')
    .columns(['conversation_id', 'sent_at'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_answers_conversation')
    .on('survey_answers')
    .columns(['conversation_id', 'kind', 'answered_at'])
    .execute();
  // KPIs read answers by time.
  await db.schema.createIndex('surveys_updated_at').on('surveys').column('updated_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('surveys_updated_at').ifExists().execute();
  await db.schema.dropTable('survey_answers').ifExists().execute();
  await db.schema.dropTable('survey_requests').ifExists().execute();
}
