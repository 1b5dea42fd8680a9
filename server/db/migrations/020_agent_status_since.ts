/**
 * 020: when each agent's status last changed (`agents.status_since`), so a lead's board shows how
 * long someone has been away or busy. Null until the first change after this migration.
 * Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agents').addColumn('status_since', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agents').dropColumn('status_since').execute();
}
