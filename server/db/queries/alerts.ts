/**
 * Alert rows (table `alerts`, migration 002): read one, and store an acknowledgement. The row's
 * `data` is the whole Alert as JSON, so an acknowledgement rewrites it; the other columns only
 * serve lookups and never change.
 */
import { AlertSchema, type Alert } from '../../../shared/contracts/sla';
import type { Db, Trx } from '../database';

export async function getAlert(db: Db | Trx, id: string): Promise<Alert | null> {
  const row = await db.selectFrom('alerts').select('data').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const parsed = AlertSchema.safeParse(JSON.parse(row.data));
  return parsed.success ? parsed.data : null;
}

export async function saveAlertData(trx: Trx, alert: Alert): Promise<void> {
  await trx
    .updateTable('alerts')
    .set({ data: JSON.stringify(alert) })
    .where('id', '=', alert.id)
    .execute();
}
