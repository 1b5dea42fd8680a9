/**
 * 019: calibration sessions. `qa_calibrations` holds each session (its reviewers as JSON);
 * `qa_assignments.calibration_id` and `qa_reviews.calibration_id` tie a session's assignments and
 * reviews to it (null for every other one), so reports can leave calibration reviews out.
 * Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_calibrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('scorecard_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_ids', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('qa_assignments').addColumn('calibration_id', 'text').execute();
  await db.schema.alterTable('qa_reviews').addColumn('calibration_id', 'text').execute();
  await db.schema.createIndex('qa_reviews_calibration').on('qa_reviews').column('calibration_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('qa_reviews_calibration').ifExists().execute();
  await db.schema.alterTable('qa_reviews').dropColumn('calibration_id').execute();
  await db.schema.alterTable('qa_assignments').dropColumn('calibration_id').execute();
  await db.schema.dropTable('qa_calibrations').ifExists().execute();
}
