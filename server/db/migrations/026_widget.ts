/**
 * 026: the customer web chat widget. `widget_channels`: a widget a centre puts on a site (its
 * id is the script's `data-channel`), the origins it may run on (JSON array; empty: any), and the
 * secret a site signs its signed-in customers' ids with. `widget_visitors`: one browser (or one
 * signed-in customer) per channel, the contact identity its messages are filed under. Never edit
 * after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('widget_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('origins', 'text', (c) => c.notNull())
    .addColumn('identity_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('widget_visitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('contact_external_id', 'text', (c) => c.notNull())
    .addColumn('verified_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('widget_visitors_contact').on('widget_visitors').columns(['channel_id', 'contact_external_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('widget_visitors').ifExists().execute();
  await db.schema.dropTable('widget_channels').ifExists().execute();
}
