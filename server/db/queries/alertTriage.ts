/** The admin's alert settings (one row) and the conversations leads muted (migration 016). */
import type { AlertMute } from '../../../shared/alerts';
import type { Db, Trx } from '../database';
import type { AlertMutesTable } from '../schemaSla';

const SETTINGS_ROW = 1;

export async function getAlertSettingsData(db: Db | Trx): Promise<string | null> {
  const row = await db.selectFrom('alert_settings').select('data').where('id', '=', SETTINGS_ROW).executeTakeFirst();
  return row?.data ?? null;
}

export async function saveAlertSettingsData(trx: Trx, data: string, now: string, adminId: string): Promise<void> {
  await trx
    .insertInto('alert_settings')
    .values({ id: SETTINGS_ROW, data, version: 1, updated_at: now, updated_by: adminId })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        data,
        version: eb('alert_settings.version', '+', 1),
        updated_at: now,
        updated_by: adminId,
      })),
    )
    .execute();
}

const muteOf = (row: AlertMutesTable): AlertMute => ({
  conversationId: row.conversation_id,
  teamId: row.team_id,
  mutedBy: row.muted_by,
  mutedAt: row.muted_at,
  until: row.until,
});

/** The conversation's mute if it still holds at `now`. */
export async function activeMute(db: Db | Trx, conversationId: string, now: string): Promise<AlertMute | null> {
  const row = await db.selectFrom('alert_mutes').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
  if (!row || (row.until !== null && row.until <= now)) return null;
  return muteOf(row);
}

export async function saveMute(trx: Trx, mute: AlertMute): Promise<void> {
  const row: AlertMutesTable = {
    conversation_id: mute.conversationId,
    team_id: mute.teamId,
    muted_by: mute.mutedBy,
    muted_at: mute.mutedAt,
    until: mute.until,
  };
  await trx
    .insertInto('alert_mutes')
    .values(row)
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ ...row }))
    .execute();
}

export async function deleteMute(trx: Trx, conversationId: string): Promise<boolean> {
  const result = await trx.deleteFrom('alert_mutes').where('conversation_id', '=', conversationId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Mutes still holding at `now`, of these teams (null: every team). */
export async function listActiveMutes(db: Db | Trx, teamIds: readonly string[] | null, now: string): Promise<AlertMute[]> {
  if (teamIds && teamIds.length === 0) return [];
  let query = db
    .selectFrom('alert_mutes')
    .selectAll()
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now)]));
  if (teamIds) query = query.where('team_id', 'in', [...teamIds]);
  const rows = await query.orderBy('muted_at', 'desc').limit(500).execute();
  return rows.map(muteOf);
}
