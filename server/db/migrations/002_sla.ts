/**
 * 002: SLA policies, business calendars, the status history SLA events are rebuilt from,
 * announced warnings/breaches, outcomes for reports, and alerts for leads. Kysely schema builder
 * only, so it runs unchanged on SQLite and PostgreSQL. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('business_calendars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_status_events')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_status_events_pk', ['conversation_id', 'ordinal']) // slaEventsOf
    .execute();

  await db.schema
    .createTable('sla_notices')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('instance', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_notices_pk', ['conversation_id', 'target', 'instance', 'kind', 'due_at'])
    .execute();

  await db.schema
    .createTable('sla_outcomes')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('instance', 'integer', (c) => c.notNull())
    .addColumn('policy_id', 'text')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('met_at', 'text')
    .addColumn('overtime_ms', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_outcomes_pk', ['conversation_id', 'target', 'instance'])
    .execute();
  // Reports by team and period (SLA hit rate).
  await db.schema
    .createIndex('sla_outcomes_team')
    .on('sla_outcomes')
    .columns(['team_id', 'recorded_at'])
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_team').on('alerts').columns(['team_id', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'alerts',
    'sla_outcomes',
    'sla_notices',
    'sla_status_events',
    'business_calendars',
    'sla_policies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
