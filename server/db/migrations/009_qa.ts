/**
 * 009: quality review. Scorecards keep every version (a review names the version it was scored
 * on, so editing a scorecard never changes a past review); assignments are the conversations a
 * reviewer was asked to review (by a lead, or by sampling); reviews are submitted scores with
 * their ratings and comments. Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_scorecards')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pass_threshold', 'real', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull()) // JSON ScorecardCategory[]
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_scorecards_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('qa_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // manual | sample
    .addColumn('status', 'text', (c) => c.notNull()) // open | done | skipped
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One assignment of a conversation per reviewer; the reviewer's list.
  await db.schema
    .createIndex('qa_assignments_reviewer_conversation')
    .on('qa_assignments')
    .columns(['reviewer_id', 'conversation_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('qa_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('assignment_id', 'text')
    .addColumn('scorecard_id', 'text', (c) => c.notNull())
    .addColumn('scorecard_version', 'integer', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('root_causes', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('passed', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  // A reviewer reviews a conversation once (calibration sessions will have their own table).
  await db.schema
    .createIndex('qa_reviews_reviewer_conversation')
    .on('qa_reviews')
    .columns(['reviewer_id', 'conversation_id'])
    .unique()
    .execute();
  // Reports by team and week, and an agent's own reviews.
  await db.schema
    .createIndex('qa_reviews_team_submitted')
    .on('qa_reviews')
    .columns(['team_id', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('qa_reviews_agent_submitted')
    .on('qa_reviews')
    .columns(['agent_id', 'submitted_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_reviews').ifExists().execute();
  await db.schema.dropTable('qa_assignments').ifExists().execute();
  await db.schema.dropTable('qa_scorecards').ifExists().execute();
}
