/**
 * Runs the numbered migrations (in-code provider, so bundling and tsx need no directory scan).
 * Kysely's Migrator keeps its own lock table, so several server nodes starting at once on one
 * PostgreSQL database migrate exactly once.
 */
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import * as m001 from './migrations/001_initial';
import * as m002 from './migrations/002_sla';
import * as m003 from './migrations/003_canned_responses';
import * as m004 from './migrations/004_routing';
import * as m005 from './migrations/005_knowledge_base';
import * as m006 from './migrations/006_bot_and_insight';
import * as m007 from './migrations/007_sla_event_state';
import * as m008 from './migrations/008_change_log_audience';
import * as m009 from './migrations/009_qa';
import * as m010 from './migrations/010_qa_review_history';
import * as m011 from './migrations/011_qa_sampling';
import * as m015 from './migrations/015_survey_history';
import * as m016 from './migrations/016_alert_triage';
import * as m017 from './migrations/017_kpi';
import * as m018 from './migrations/018_auto_qa';
import * as m019 from './migrations/019_qa_calibration';
import * as m020 from './migrations/020_agent_status_since';
import * as m023 from './migrations/023_queue_samples';
import * as m024 from './migrations/024_webhooks';
import * as m025 from './migrations/025_email_mailbox';
import * as m026 from './migrations/026_widget';
import * as m027 from './migrations/027_message_insight_unsure';
import * as m028 from './migrations/028_nlu_corrections';
import * as m029 from './migrations/029_nlu_models';
import type { ServerDatabase } from './schema';

export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_sla': m002,
  '003_canned_responses': m003,
  '004_routing': m004,
  '005_knowledge_base': m005,
  '006_bot_and_insight': m006,
  '007_sla_event_state': m007,
  '008_change_log_audience': m008,
  '009_qa': m009,
  '010_qa_review_history': m010,
  '011_qa_sampling': m011,
  '015_survey_history': m015,
  '016_alert_triage': m016,
  '017_kpi': m017,
  '018_auto_qa': m018,
  '019_qa_calibration': m019,
  '020_agent_status_since': m020,
  '023_queue_samples': m023,
  '024_webhooks': m024,
  '025_email_mailbox': m025,
  '026_widget': m026,
  '027_message_insight_unsure': m027,
  '028_nlu_corrections': m028,
  '029_nlu_models': m029,
};

export async function migrateToLatest(db: Kysely<ServerDatabase>): Promise<MigrationResultSet> {
  // Numbers are reserved per feature and land in any order (025 after 027), so a database that
  // already ran a later number still takes in an earlier one that arrives afterwards.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
