/**
 * SLA tables: stored policies and calendars (ordered lists, replaced whole), the status history
 * of each conversation, announced notices, outcomes and alerts. All SQL for the SLA engine.
 */
import type { Alert } from '../../../shared/contracts/sla';
import type { BusinessCalendarRecord, SlaPolicyRecord } from '../../../shared/sla/policies';
import type { Db, Trx } from '../database';
import type { SlaNoticesTable, SlaOutcomesTable } from '../schemaSla';

export async function listSlaPolicies(db: Db | Trx): Promise<SlaPolicyRecord[]> {
  const rows = await db.selectFrom('sla_policies').select('data').orderBy('position').execute();
  return rows.map((row) => JSON.parse(row.data) as SlaPolicyRecord);
}

export async function listBusinessCalendars(db: Db | Trx): Promise<BusinessCalendarRecord[]> {
  const rows = await db.selectFrom('business_calendars').select('data').orderBy('position').execute();
  return rows.map((row) => JSON.parse(row.data) as BusinessCalendarRecord);
}

export async function replaceSlaPolicies(
  trx: Trx,
  policies: readonly SlaPolicyRecord[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('sla_policies').execute();
  await trx
    .insertInto('sla_policies')
    .values(
      policies.map((policy, position) => ({
        id: policy.id,
        position,
        data: JSON.stringify(policy),
        updated_at: now,
      })),
    )
    .execute();
}

export async function replaceBusinessCalendars(
  trx: Trx,
  calendars: readonly BusinessCalendarRecord[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('business_calendars').execute();
  await trx
    .insertInto('business_calendars')
    .values(
      calendars.map((calendar, position) => ({
        id: calendar.id,
        position,
        data: JSON.stringify(calendar),
        updated_at: now,
      })),
    )
    .execute();
}

export interface StatusEventRow {
  status: string;
  at: string;
}

export async function listStatusEvents(db: Db | Trx, conversationId: string): Promise<StatusEventRow[]> {
  return db
    .selectFrom('sla_status_events')
    .select(['status', 'at'])
    .where('conversation_id', '=', conversationId)
    .orderBy('ordinal')
    .execute();
}

export async function appendStatusEvent(
  trx: Trx,
  conversationId: string,
  ordinal: number,
  status: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto('sla_status_events')
    .values({ conversation_id: conversationId, ordinal, status, at })
    .execute();
}

export interface SlaMessageRow {
  direction: string;
  kind: string;
  author_type: string;
  created_at: string;
}

/** The columns the SLA events need, in thread order (index messages_conversation). */
export async function listSlaMessages(db: Db | Trx, conversationId: string): Promise<SlaMessageRow[]> {
  return db
    .selectFrom('messages')
    .select(['direction', 'kind', 'author_type', 'created_at'])
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .execute();
}

export async function contactTierOf(db: Db | Trx, contactId: string): Promise<string> {
  const row = await db.selectFrom('contacts').select('tier').where('id', '=', contactId).executeTakeFirst();
  return row?.tier ?? 'standard';
}

/** Ids of conversations whose clocks may still count (not resolved or closed). */
export async function listActiveConversationIds(db: Db | Trx): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('status', 'not in', ['resolved', 'closed'])
    .execute();
  return rows.map((row) => row.id);
}

/** Records a notice once; returns false when it had been recorded before (by any node). */
export async function insertNoticeOnce(trx: Trx, notice: SlaNoticesTable): Promise<boolean> {
  const result = await trx
    .insertInto('sla_notices')
    .values(notice)
    .onConflict((oc) => oc.columns(['conversation_id', 'target', 'instance', 'kind', 'due_at']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function upsertOutcome(db: Db | Trx, outcome: SlaOutcomesTable): Promise<void> {
  const { conversation_id: _c, target: _t, instance: _i, ...update } = outcome;
  await db
    .insertInto('sla_outcomes')
    .values(outcome)
    .onConflict((oc) => oc.columns(['conversation_id', 'target', 'instance']).doUpdateSet(update))
    .execute();
}

export async function listOutcomes(db: Db | Trx, conversationId: string): Promise<SlaOutcomesTable[]> {
  const rows = await db
    .selectFrom('sla_outcomes')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .execute();
  return rows.map((row) => ({
    ...row,
    instance: Number(row.instance),
    overtime_ms: Number(row.overtime_ms),
  }));
}

export async function insertAlert(trx: Trx, alert: Alert): Promise<void> {
  await trx
    .insertInto('alerts')
    .values({
      id: alert.id,
      kind: alert.kind,
      conversation_id: alert.conversationId,
      team_id: alert.teamId,
      data: JSON.stringify(alert),
      created_at: alert.createdAt,
    })
    .execute();
}
