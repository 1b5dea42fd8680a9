/**
 * 017: the KPI report reads the conversations that started in a period, of some teams or of all;
 * these two indexes serve it (a lead's teams, and an admin's every team). Everything else it
 * reads is found by conversation id through existing keys. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('conversations_team_created')
    .on('conversations')
    .columns(['team_id', 'created_at'])
    .execute();
  await db.schema.createIndex('conversations_created').on('conversations').column('created_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('conversations_created').ifExists().execute();
  await db.schema.dropIndex('conversations_team_created').ifExists().execute();
}
