/**
 * Alert rows (table `alerts`, migration 002; `acknowledged_at` and the triage indexes 016): read
 * one, store an acknowledgement or a grouped raise, find a conversation's open alert of a kind,
 * count a team's recent ones (the rate limit). The row's `data` is the whole Alert as JSON, so
 * every update rewrites it; `acknowledged_at` mirrors it for lookups.
 */
import { AlertSchema, type Alert } from '../../../shared/contracts/sla';
import type { Db, Trx } from '../database';

function parse(data: string): Alert | null {
  const parsed = AlertSchema.safeParse(JSON.parse(data));
  return parsed.success ? parsed.data : null;
}

export async function getAlert(db: Db | Trx, id: string): Promise<Alert | null> {
  const row = await db.selectFrom('alerts').select('data').where('id', '=', id).executeTakeFirst();
  return row ? parse(row.data) : null;
}

export async function saveAlertData(trx: Trx, alert: Alert): Promise<void> {
  await trx
    .updateTable('alerts')
    .set({ data: JSON.stringify(alert), acknowledged_at: alert.acknowledgedAt ?? null })
    .where('id', '=', alert.id)
    .execute();
}

/** The conversation's unacknowledged alert of this kind (the group a new one joins), if any. */
export async function findOpenAlert(trx: Trx, conversationId: string, kind: Alert['kind']): Promise<Alert | null> {
  const row = await trx
    .selectFrom('alerts')
    .select('data')
    .where('conversation_id', '=', conversationId)
    .where('kind', '=', kind)
    .where('acknowledged_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? parse(row.data) : null;
}

/** Every unacknowledged alert of the conversation. */
export async function openAlertsOf(trx: Trx, conversationId: string): Promise<Alert[]> {
  const rows = await trx
    .selectFrom('alerts')
    .select('data')
    .where('conversation_id', '=', conversationId)
    .where('acknowledged_at', 'is', null)
    .execute();
  return rows.map((row) => parse(row.data)).filter((alert): alert is Alert => alert !== null);
}

/** New alerts (cards) of a kind the team got at or after `since`. */
export async function countTeamAlertsSince(trx: Trx, teamId: string, kind: Alert['kind'], since: string): Promise<number> {
  const row = await trx
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('team_id', '=', teamId)
    .where('kind', '=', kind)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
