/**
 * 007: each conversation's folded SLA events, so a write appends its own events to the stored
 * list instead of rereading the whole thread (server/domain/sla/eventState.ts). A missing row
 * only means "rebuild from the thread once", so existing databases need no backfill. Never edit
 * after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sla_event_state')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('events', 'text', (c) => c.notNull()) // JSON SlaEvent[], compacted
    .addColumn('message_count', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_count', 'integer', (c) => c.notNull())
    .addColumn('status_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sla_event_state').ifExists().execute();
}
