/**
 * 003: the canned-response library, and free-form contact attributes (JSON object text) that
 * `{{contact.attributes.*}}` variables read. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('canned_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull()) // team | personal
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.references('agents.id').onDelete('cascade'))
    .addColumn('folder', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON array
    .addColumn('usage_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // findCannedByShortcut: one shortcut per library (a team's, or an agent's personal one).
  await db.schema
    .createIndex('canned_responses_team_shortcut')
    .on('canned_responses')
    .columns(['team_id', 'shortcut'])
    .execute();
  await db.schema
    .createIndex('canned_responses_owner_shortcut')
    .on('canned_responses')
    .columns(['owner_id', 'shortcut'])
    .execute();

  await db.schema.alterTable('contacts').addColumn('attributes', 'text').execute();
}
