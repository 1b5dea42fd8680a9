/**
 * The change log: the append helper every writer uses, and the visibility-filtered pull scan.
 * Each entry stores who may see it (team, previous team, assignee, previous assignee) so a pull
 * filters in SQL, and the team a conversation left still receives the change that removed it.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Change, ChangeType } from '../../../shared/contracts/sync';
import type { Viewer } from '../../../shared/domain/visibility';
import type { Db, Trx } from '../database';
import { preparedQuery, type PreparedQuery } from '../compiledQuery';
import type { ChangeLogTable, ServerDatabase } from '../schema';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ChangeBody = DistributiveOmit<Change, 'seq'>;

/** Directory changes (teams, agents) are visible to every signed-in client. */
export const DIRECTORY_CHANGE_TYPES: readonly ChangeType[] = [
  'team.updated',
  'agent.updated',
  'sla_policy.updated',
  'business_calendar.updated',
];

/** Seen only by the leads of the change's team and by admins (escalations), never by agents. */
export const LEAD_ONLY_CHANGE_TYPES: readonly ChangeType[] = ['alert.created', 'alert.updated'];

/** Who may see a change; `null` for directory changes, which everyone sees. */
export interface ConversationAudience {
  conversationId: string;
  teamId: string;
  prevTeamId: string | null;
  assigneeId: string | null;
  prevAssigneeId: string | null;
}
export type Audience = ConversationAudience | null;

export interface NewChange {
  change: ChangeBody;
  audience: Audience;
}

export interface AppendedChange {
  change: Change;
  audience: Audience;
}

/** One transaction's contiguous seq range. */
export interface AppendedChanges {
  from: number;
  to: number;
  entries: AppendedChange[];
}

export async function headSeq(db: Db | Trx): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}

/**
 * Appends `changes` as one contiguous range after the current head. Must run inside
 * `writeTransaction` (see database.ts for why that keeps commit order equal to seq order).
 * `head`: the last seq this same transaction appended, when the caller knows it (context.ts),
 * which saves reading it again; nobody else can append meanwhile.
 */
export async function appendChanges(
  trx: Trx,
  changes: NewChange[],
  now = new Date().toISOString(),
  head?: number,
): Promise<AppendedChanges> {
  if (changes.length === 0) throw new Error('appendChanges needs at least one change');
  const from = (head ?? (await headSeq(trx))) + 1;
  const entries = changes.map(({ change, audience }, index) => ({
    change: { ...change, seq: from + index } as Change,
    audience,
  }));
  const rows = entries.map(({ change, audience }): ChangeLogRow => {
    const { seq, ...body } = change;
    return {
      seq,
      type: change.type,
      data: JSON.stringify(body),
      team_id: audience?.teamId ?? null,
      prev_team_id: audience?.prevTeamId ?? null,
      assignee_id: audience?.assigneeId ?? null,
      prev_assignee_id: audience?.prevAssigneeId ?? null,
      conversation_id: audience?.conversationId ?? null,
      created_at: now,
    };
  });
  if (rows.length <= PREPARED_APPEND_MAX_ROWS) await preparedAppend(rows.length).execute(trx, flatten(rows));
  else await trx.insertInto('change_log').values(rows).execute();
  return { from, to: from + entries.length - 1, entries };
}

const CHANGE_LOG_COLUMNS = [
  'seq',
  'type',
  'data',
  'team_id',
  'prev_team_id',
  'assignee_id',
  'prev_assignee_id',
  'conversation_id',
  'created_at',
] as const;
type ChangeLogRow = ChangeLogTable & Record<(typeof CHANGE_LOG_COLUMNS)[number], unknown>;

/**
 * Most commits append one to a few changes (a reply: the conversation and the message), once per
 * pushed mutation: those inserts are compiled once per row count (compiledQuery.ts).
 */
const PREPARED_APPEND_MAX_ROWS = 4;
const preparedAppends = new Map<number, PreparedQuery<Record<string, unknown>, never>>();

function preparedAppend(count: number): PreparedQuery<Record<string, unknown>, never> {
  let query = preparedAppends.get(count);
  if (!query) {
    const names = Array.from({ length: count }, (_, i) =>
      CHANGE_LOG_COLUMNS.map((column) => `${column}${i}`),
    ).flat();
    query = preparedQuery<Record<string, unknown>, never>(names, (db, p) =>
      db
        .insertInto('change_log')
        .values(
          Array.from({ length: count }, (_, i) =>
            Object.fromEntries(CHANGE_LOG_COLUMNS.map((column) => [column, p[`${column}${i}`]])),
          ) as never,
        ),
    );
    preparedAppends.set(count, query);
  }
  return query;
}

function flatten(rows: readonly ChangeLogRow[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    for (const column of CHANGE_LOG_COLUMNS) params[`${column}${i}`] = row[column];
  });
  return params;
}

/** canSeeConversation (shared/domain/visibility.ts) as SQL over the stored audience columns. */
function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<ServerDatabase, 'change_log'>): Expression<SqlBool> => {
    const visible: Expression<SqlBool>[] = [eb('type', 'in', [...DIRECTORY_CHANGE_TYPES])];
    if ((viewer.role === 'agent' || viewer.role === 'lead') && viewer.teamIds.length > 0) {
      visible.push(eb('team_id', 'in', [...viewer.teamIds]), eb('prev_team_id', 'in', [...viewer.teamIds]));
    }
    // A personal canned-response library (server/domain/canned/audience.ts), whatever the role.
    visible.push(
      eb('team_id', '=', `personal:${viewer.id}`),
      eb('prev_team_id', '=', `personal:${viewer.id}`),
    );
    if (viewer.role === 'agent') {
      visible.push(eb('assignee_id', '=', viewer.id), eb('prev_assignee_id', '=', viewer.id));
      return eb.and([eb.or(visible), eb('type', 'not in', [...LEAD_ONLY_CHANGE_TYPES])]);
    }
    return eb.or(visible);
  };
}

export interface ChangePage {
  changes: Change[];
  /** Highest seq scanned: the last returned one when the page is full, else the head. */
  cursor: number;
  hasMore: boolean;
}

export async function pullVisibleChanges(
  db: Db,
  viewer: Viewer,
  cursor: number,
  limit: number,
): Promise<ChangePage> {
  // Read the head first: every seq <= head is already committed (commit order = seq order), so
  // bounding the scan by it can never step the cursor over a change we did not read.
  const head = await headSeq(db);
  if (head <= cursor) return { changes: [], cursor: Math.max(cursor, head), hasMore: false };
  let query = db
    .selectFrom('change_log')
    .select(['seq', 'data'])
    .where('seq', '>', cursor)
    .where('seq', '<=', head);
  if (viewer.role !== 'admin') query = query.where(visibleTo(viewer));
  const rows = await query
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const full = rows.length > limit;
  const page = full ? rows.slice(0, limit) : rows;
  const changes = page.map(
    (row) => ({ ...(JSON.parse(row.data) as ChangeBody), seq: Number(row.seq) }) as Change,
  );
  return { changes, cursor: full ? changes[changes.length - 1]!.seq : head, hasMore: full };
}
