/**
 * 005: the bot's knowledge base, edited by admins. Entries in their list order (each a JSON
 * document validated by shared/contracts/knowledge.ts), and a one-row version that every write
 * increments so each server node can tell cheaply whether its loaded copy is current. No row in
 * `knowledge_base_state` means "never seeded"; the server seeds the default list then. Never edit
 * after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('knowledge_entries')
    .addColumn('intent', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull()) // JSON KnowledgeEntry
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('knowledge_base_state')
    .addColumn('id', 'integer', (c) => c.primaryKey()) // always 1
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text') // agent id; null for the seeded defaults
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('knowledge_base_state').ifExists().execute();
  await db.schema.dropTable('knowledge_entries').ifExists().execute();
}
