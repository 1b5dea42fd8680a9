/**
 * 004: presence, capacity and auto-assignment. Capacity per agent and channel (no row = the
 * default in shared/contracts/routing.ts), and each team's dispatch setting plus its round-robin
 * pointer (no row = auto-assign on, no previous pick). Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agent_capacity')
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agent_capacity_pk', ['agent_id', 'channel']) // capacitiesOf
    .execute();

  await db.schema
    .createTable('team_routing')
    .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('auto_assign', 'integer', (c) => c.notNull())
    .addColumn('last_assigned_agent_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // queuedConversations: a team's unassigned open conversations.
  await db.schema
    .createIndex('conversations_team_queue')
    .on('conversations')
    .columns(['team_id', 'assignee_id', 'status'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('conversations_team_queue').ifExists().execute();
  await db.schema.dropTable('team_routing').ifExists().execute();
  await db.schema.dropTable('agent_capacity').ifExists().execute();
}
