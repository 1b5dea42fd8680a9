/**
 * 029: versions of the message classifier. A version is a recipe, not weights: the shipped
 * training data plus the listed agents' corrections (training is seeded, so every node trains the
 * same model from it); with the figures it scored on the held-apart evaluation set and what was
 * decided. Exactly one row is `active` once the first retraining has run (before that the shipped
 * model is). Never edit after it lands.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('nlu_models')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('correction_ids', 'text', (c) => c.notNull())
    .addColumn('corrections', 'integer', (c) => c.notNull())
    .addColumn('training_size', 'integer')
    .addColumn('training_ms', 'integer')
    .addColumn('figures', 'text')
    .addColumn('compared_with', 'integer')
    .addColumn('decision', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('trained_at', 'text')
    .addColumn('activated_at', 'text')
    .addColumn('activated_by', 'text')
    .execute();
  await db.schema.createIndex('nlu_models_status').on('nlu_models').column('status').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('nlu_models').ifExists().execute();
}
