/**
 * The bot's knowledge base: the ordered entry list (replaced whole by an admin's save) and the
 * one-row version that tells a node whether its loaded copy is current.
 */
import type { KnowledgeEntry } from '../../domain/nlu/training/knowledgeBase';
import type { Db, Trx } from '../database';

const STATE_ID = 1;

/** The stored version, or null when the knowledge base was never written (not even seeded). */
export async function knowledgeVersion(db: Db | Trx): Promise<number | null> {
  const row = await db
    .selectFrom('knowledge_base_state')
    .select('version')
    .where('id', '=', STATE_ID)
    .executeTakeFirst();
  return row ? Number(row.version) : null;
}

export async function listKnowledgeEntries(db: Db | Trx): Promise<KnowledgeEntry[]> {
  const rows = await db.selectFrom('knowledge_entries').select('data').orderBy('position').execute();
  return rows.map((row) => JSON.parse(row.data) as KnowledgeEntry);
}

/** Replaces the list and moves the version on; returns the new version. */
export async function replaceKnowledgeEntries(
  trx: Trx,
  entries: readonly KnowledgeEntry[],
  now: string,
  updatedBy: string | null,
): Promise<number> {
  await trx.deleteFrom('knowledge_entries').execute();
  if (entries.length > 0) {
    await trx
      .insertInto('knowledge_entries')
      .values(
        entries.map((entry, position) => ({
          intent: entry.intent,
          position,
          data: JSON.stringify(entry),
          updated_at: now,
        })),
      )
      .execute();
  }
  const current = await knowledgeVersion(trx);
  const version = (current ?? 0) + 1;
  if (current === null) {
    await trx
      .insertInto('knowledge_base_state')
      .values({ id: STATE_ID, version, updated_at: now, updated_by: updatedBy })
      .execute();
  } else {
    await trx
      .updateTable('knowledge_base_state')
      .set({ version, updated_at: now, updated_by: updatedBy })
      .where('id', '=', STATE_ID)
      .execute();
  }
  return version;
}
