/** The canned-response library: typed reads and writes (all of its SQL lives here). */
import type { Selectable } from 'kysely';
import type { CannedResponse } from '../../../shared/canned/model';
import type { Db, Trx } from '../database';
import type { CannedResponsesTable } from '../schemaCanned';

export type CannedRow = Selectable<CannedResponsesTable>;

export function cannedFromRow(row: CannedRow): CannedResponse {
  return {
    id: row.id,
    scope: row.scope as CannedResponse['scope'],
    teamId: row.team_id,
    ownerId: row.owner_id,
    folder: row.folder,
    title: row.title,
    shortcut: row.shortcut,
    body: row.body,
    language: row.language as CannedResponse['language'],
    tags: JSON.parse(row.tags) as string[],
    usageCount: Number(row.usage_count),
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function cannedToRow(response: CannedResponse): CannedRow {
  return {
    id: response.id,
    scope: response.scope,
    team_id: response.teamId,
    owner_id: response.ownerId,
    folder: response.folder,
    title: response.title,
    shortcut: response.shortcut,
    body: response.body,
    language: response.language,
    tags: JSON.stringify(response.tags),
    usage_count: response.usageCount,
    last_used_at: response.lastUsedAt,
    created_at: response.createdAt,
    updated_at: response.updatedAt,
  };
}

export async function getCanned(db: Db | Trx, id: string): Promise<CannedResponse | null> {
  const row = await db.selectFrom('canned_responses').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? cannedFromRow(row) : null;
}

/** The response holding `shortcut` in the same library (a team's, or one agent's), if any. */
export async function findCannedByShortcut(
  db: Db | Trx,
  library: Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>,
  shortcut: string,
): Promise<CannedResponse | null> {
  let query = db.selectFrom('canned_responses').selectAll().where('shortcut', '=', shortcut);
  query =
    library.scope === 'team'
      ? query.where('scope', '=', 'team').where('team_id', '=', library.teamId ?? '')
      : query.where('scope', '=', 'personal').where('owner_id', '=', library.ownerId ?? '');
  const row = await query.executeTakeFirst();
  return row ? cannedFromRow(row) : null;
}

export async function insertCanned(trx: Trx, response: CannedResponse): Promise<void> {
  await trx.insertInto('canned_responses').values(cannedToRow(response)).execute();
}

export async function replaceCanned(trx: Trx, response: CannedResponse): Promise<void> {
  const { id, ...rest } = cannedToRow(response);
  await trx.updateTable('canned_responses').set(rest).where('id', '=', id).execute();
}

export async function deleteCanned(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('canned_responses').where('id', '=', id).execute();
}
