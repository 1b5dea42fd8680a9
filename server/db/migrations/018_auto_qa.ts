/**
 * 018: auto-QA. `qa_auto_rules` holds the admin's rules in order (each row the rule as JSON);
 * `qa_auto_results` one row per evaluated conversation: its hits as JSON, their count, and the
 * conversation version they were computed on (a conversation reopened and resolved again has a
 * newer version and is evaluated again); `qa_reviews.overruled_hits`, the hits a reviewer overruled.
 * Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_auto_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull()) // JSON AutoQaRule
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qa_auto_results')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('conversation_version', 'integer', (c) => c.notNull())
    .addColumn('hit_count', 'integer', (c) => c.notNull())
    .addColumn('rule_ids', 'text', (c) => c.notNull()) // JSON string[]: the rules that hit, for sampling
    .addColumn('hits', 'text', (c) => c.notNull()) // JSON AutoQaHit[]
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('qa_reviews').addColumn('overruled_hits', 'text').execute(); // JSON string[]
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('qa_reviews').dropColumn('overruled_hits').execute();
  await db.schema.dropTable('qa_auto_results').ifExists().execute();
  await db.schema.dropTable('qa_auto_rules').ifExists().execute();
}
