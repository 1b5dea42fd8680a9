/**
 * 010: a review's audit trail after the submit (acknowledged, disputed, resolved), as JSON
 * ReviewEvent[]; earlier reviews start with none. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('qa_reviews')
    .addColumn('history', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('qa_reviews').dropColumn('history').execute();
}
