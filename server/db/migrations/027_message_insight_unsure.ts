/**
 * 027: what the classifier was not sure of, per customer message (`["issueType","sentiment"]` as
 * JSON, null when it answered both), so the workstation can say "unsure" instead of showing
 * the neutral values an unsure answer travels as. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('insight_unsure', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('insight_unsure').execute();
}
