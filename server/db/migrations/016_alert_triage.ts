/**
 * 016: alert triage. `alerts` gains `acknowledged_at` (copied out of `data`, so the open alert of
 * a kind on a conversation, which a new one joins, is one indexed read) and an index per
 * conversation and kind; `alert_settings` keeps the admin's settings (one row, JSON, version
 * counted per save); `alert_mutes` the conversations a lead muted (until a time, or until
 * unmuted). Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('acknowledged_at', 'text').execute();
  const rows = (await db.selectFrom('alerts').select(['id', 'data']).execute()) as { id: string; data: string }[];
  for (const row of rows) {
    const acknowledgedAt = (JSON.parse(row.data) as { acknowledgedAt?: string | null }).acknowledgedAt ?? null;
    if (acknowledgedAt)
      await db.updateTable('alerts').set({ acknowledged_at: acknowledgedAt }).where('id', '=', row.id).execute();
  }
  await db.schema
    .createIndex('alerts_conversation_kind')
    .on('alerts')
    .columns(['conversation_id', 'kind', 'acknowledged_at'])
    .execute();
  // The rate limit counts a team's new alerts of a kind in the last hour.
  await db.schema.createIndex('alerts_team_kind').on('alerts').columns(['team_id', 'kind', 'created_at']).execute();

  await db.schema
    .createTable('alert_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('alert_mutes')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('muted_by', 'text', (c) => c.notNull())
    .addColumn('muted_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_mutes').ifExists().execute();
  await db.schema.dropTable('alert_settings').ifExists().execute();
  await db.schema.dropIndex('alerts_team_kind').ifExists().execute();
  await db.schema.dropIndex('alerts_conversation_kind').ifExists().execute();
  await db.schema.alterTable('alerts').dropColumn('acknowledged_at').execute();
}
