/**
 * 028: corrections of a message's issue type or sentiment by an agent or lead: a labelled
 * example (the words, the label, what the classifier had said, who and when) for retraining.
 * Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('nlu_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text', (c) => c.notNull())
    .addColumn('corrected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nlu_corrections_at').on('nlu_corrections').column('corrected_at').execute();
  await db.schema.createIndex('nlu_corrections_message').on('nlu_corrections').column('message_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('nlu_corrections').ifExists().execute();
}
