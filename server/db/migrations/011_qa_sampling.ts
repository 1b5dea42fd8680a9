/**
 * 011: sampling. Rules are kept as ordered JSON (shared/qa/sampling.ts); each drawn cycle is a row
 * whose key (rule, cycle start) makes a draw happen once whatever the number of nodes or restarts;
 * an assignment names the rule and cycle it came from, so a skipped one can be replaced from the
 * same cycle. The index on status events finds the conversations resolved in a cycle. Never edit
 * after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_sampling_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull()) // JSON SamplingRule
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qa_sample_cycles')
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('cycle_start', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('picked', 'integer', (c) => c.notNull())
    .addColumn('unassigned', 'integer', (c) => c.notNull())
    .addColumn('drawn_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_sample_cycles_pk', ['rule_id', 'cycle_start'])
    .execute();

  await db.schema.alterTable('qa_assignments').addColumn('sample_rule_id', 'text').execute();
  await db.schema.alterTable('qa_assignments').addColumn('sample_cycle_start', 'text').execute();

  await db.schema
    .createIndex('sla_status_events_status_at')
    .on('sla_status_events')
    .columns(['status', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sla_status_events_status_at').ifExists().execute();
  await db.schema.alterTable('qa_assignments').dropColumn('sample_cycle_start').execute();
  await db.schema.alterTable('qa_assignments').dropColumn('sample_rule_id').execute();
  await db.schema.dropTable('qa_sample_cycles').ifExists().execute();
  await db.schema.dropTable('qa_sampling_rules').ifExists().execute();
}
