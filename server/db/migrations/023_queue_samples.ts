/**
 * 023: each team's waiting count, sampled once a minute by the leader (jobs/queueSamples.ts), so
 * a lead's waiting line covers the last hour from the moment the Live screen or wallboard opens.
 * Kept for a day. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('queue_samples')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('waiting', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_samples_pk', ['team_id', 'at'])
    .execute();
  await db.schema.createIndex('queue_samples_at').on('queue_samples').column('at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('queue_samples').ifExists().execute();
}
