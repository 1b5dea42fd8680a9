/** The folded SLA events per conversation (migration 007; domain/sla/eventState.ts). */
import type { Db, Trx } from '../database';
import type { SlaEventStateTable } from '../schemaSlaState';

export type SlaEventStateRow = SlaEventStateTable;

export async function getSlaEventState(
  db: Db | Trx,
  conversationId: string,
): Promise<SlaEventStateRow | undefined> {
  const row = await db
    .selectFrom('sla_event_state')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row && { ...row, message_count: Number(row.message_count), status_count: Number(row.status_count) };
}

export async function saveSlaEventState(trx: Trx, row: SlaEventStateRow): Promise<void> {
  const { conversation_id: _id, ...update } = row;
  await trx
    .insertInto('sla_event_state')
    .values(row)
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet(update))
    .execute();
}
