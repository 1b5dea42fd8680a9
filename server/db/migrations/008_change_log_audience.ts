/**
 * 008: the change log names each entry's record (`record_kind`, `record_id`) and its audience in
 * typed columns (shared/domain/audience.ts) instead of conversation-shaped ones: `conversation_id`
 * carried `canned:<id>` for canned responses, `team_id` carried the pseudo-team
 * `personal:<ownerId>`, and directory and lead-only changes were told apart by their type.
 * Existing rows move: directory types → `everyone`; alerts → their team's `leads` and the alert's
 * id (read from the stored change); canned responses → `canned` records, personal libraries →
 * `owner_id`; everything else that named a conversation → a `conversation` record. Never edit
 * after it lands.
 */
import { sql, type Kysely } from 'kysely';

const DIRECTORY_TYPES = ['team.updated', 'agent.updated', 'sla_policy.updated', 'business_calendar.updated'];
const ALERT_TYPES = ['alert.created', 'alert.updated'];
const CANNED = 'canned:';
const PERSONAL = 'personal:';
const BATCH = 500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's row types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('change_log').addColumn('record_kind', 'text').execute();
  await db.schema.alterTable('change_log').addColumn('record_id', 'text').execute();
  await db.schema
    .alterTable('change_log')
    .addColumn('everyone', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('change_log').addColumn('leads_team_id', 'text').execute();
  await db.schema.alterTable('change_log').addColumn('owner_id', 'text').execute();

  await db.updateTable('change_log').set({ everyone: 1 }).where('type', 'in', DIRECTORY_TYPES).execute();

  const cannedId = sql<string>`substr(conversation_id, ${CANNED.length + 1})`;
  const personalOwner = (column: string) => sql<string>`substr(${sql.ref(column)}, ${PERSONAL.length + 1})`;
  await db
    .updateTable('change_log')
    .set({ record_kind: 'canned', record_id: cannedId, assignee_id: null })
    .where('conversation_id', 'like', `${CANNED}%`)
    .execute();
  for (const column of ['team_id', 'prev_team_id']) {
    await db
      .updateTable('change_log')
      .set({ owner_id: personalOwner(column), [column]: null })
      .where(column, 'like', `${PERSONAL}%`)
      .execute();
  }

  await db
    .updateTable('change_log')
    .set((eb) => ({
      record_kind: 'alert',
      leads_team_id: eb.ref('team_id'),
      team_id: null,
      prev_team_id: null,
      assignee_id: null,
      prev_assignee_id: null,
    }))
    .where('type', 'in', ALERT_TYPES)
    .execute();
  // The alert's id is inside the stored change; JSON functions differ between the dialects.
  await eachAlertRow(db, (data) => {
    const alertId = data.alert?.id;
    return { record_id: typeof alertId === 'string' ? alertId : null };
  });

  await db
    .updateTable('change_log')
    .set((eb) => ({ record_kind: 'conversation', record_id: eb.ref('conversation_id') }))
    .where('record_kind', 'is', null)
    .where('conversation_id', 'is not', null)
    .execute();

  await db.schema.alterTable('change_log').dropColumn('conversation_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('change_log').addColumn('conversation_id', 'text').execute();
  await db
    .updateTable('change_log')
    .set((eb) => ({ conversation_id: eb.ref('record_id') }))
    .where('record_kind', '=', 'conversation')
    .execute();
  await db
    .updateTable('change_log')
    .set({ conversation_id: sql<string>`${CANNED} || record_id` })
    .where('record_kind', '=', 'canned')
    .execute();
  await db
    .updateTable('change_log')
    .set({ assignee_id: sql.ref('owner_id'), team_id: sql<string>`${PERSONAL} || owner_id` })
    .where('record_kind', '=', 'canned')
    .where('owner_id', 'is not', null)
    .where('team_id', 'is', null)
    .execute();
  await db
    .updateTable('change_log')
    .set({ prev_team_id: sql<string>`${PERSONAL} || owner_id` })
    .where('record_kind', '=', 'canned')
    .where('owner_id', 'is not', null)
    .where('team_id', 'is not', null)
    .execute();
  await db
    .updateTable('change_log')
    .set((eb) => ({ team_id: eb.ref('leads_team_id') }))
    .where('record_kind', '=', 'alert')
    .execute();
  await eachAlertRow(db, ({ alert }) => ({
    conversation_id: typeof alert?.conversationId === 'string' ? alert.conversationId : null,
    assignee_id: typeof alert?.assigneeId === 'string' ? alert.assigneeId : null,
  }));
  for (const column of ['record_kind', 'record_id', 'everyone', 'leads_team_id', 'owner_id'])
    await db.schema.alterTable('change_log').dropColumn(column).execute();
}

interface StoredAlertChange {
  alert?: { id?: unknown; conversationId?: unknown; assigneeId?: unknown };
}

/** Sets on each alert row what `columns` reads off its stored change, in batches by seq. */
async function eachAlertRow(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
  db: Kysely<any>,
  columns: (data: StoredAlertChange) => Record<string, string | null>,
): Promise<void> {
  for (let after = -1; ;) {
    const rows = (await db
      .selectFrom('change_log')
      .select(['seq', 'data'])
      .where('record_kind', '=', 'alert')
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(BATCH)
      .execute()) as { seq: number | string; data: string }[];
    if (rows.length === 0) return;
    for (const row of rows) {
      await db
        .updateTable('change_log')
        .set(columns(JSON.parse(row.data) as StoredAlertChange))
        .where('seq', '=', row.seq)
        .execute();
    }
    after = Number(rows[rows.length - 1]!.seq);
  }
}
