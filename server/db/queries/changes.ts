/**
 * The change log: the append helper every writer uses, and the visibility-filtered pull scan.
 * Each entry stores its record (`record_kind`, `record_id`) and its audience in fixed columns
 * (`audienceColumns`) so a pull filters in SQL, and the team a conversation left still receives
 * the change that removed it.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Change } from '../../../shared/contracts/sync';
import type { Audience } from '../../../shared/domain/audience';
import type { RecordKey } from '../../../shared/contracts/records';
import type { Viewer } from '../../../shared/domain/visibility';
import type { Db, Trx } from '../database';
import { preparedQuery, type PreparedQuery } from '../compiledQuery';
import type { ChangeLogTable, ServerDatabase } from '../schema';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ChangeBody = DistributiveOmit<Change, 'seq'>;

/**
 * Which record a change is filed under (`null` for the directory) and who may hear of it
 * (shared/domain/audience.ts). The change log stores both as columns so a pull filters in SQL.
 */
export interface ChangeAddress {
  record: RecordKey | null;
  audience: Audience;
}

export interface NewChange extends ChangeAddress {
  change: ChangeBody;
}

export interface AppendedChange extends ChangeAddress {
  change: Change;
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
  const entries = changes.map(({ change, record, audience }, index) => ({
    change: { ...change, seq: from + index } as Change,
    record,
    audience,
  }));
  const rows = entries.map(({ change, record, audience }): ChangeLogRow => {
    const { seq, ...body } = change;
    return {
      seq,
      type: change.type,
      data: JSON.stringify(body),
      record_kind: record?.kind ?? null,
      record_id: record?.id ?? null,
      ...audienceColumns(audience, change.type),
      created_at: now,
    };
  });
  if (rows.length <= PREPARED_APPEND_MAX_ROWS) await preparedAppend(rows.length).execute(trx, flatten(rows));
  else await trx.insertInto('change_log').values(rows).execute();
  return { from, to: from + entries.length - 1, entries };
}

type AudienceColumns = Pick<
  ChangeLogTable,
  'everyone' | 'team_id' | 'prev_team_id' | 'assignee_id' | 'prev_assignee_id' | 'leads_team_id' | 'owner_id'
>;

/**
 * An audience as the change log stores it: up to two teams and two agents (a conversation and
 * the team or agent it left), one team's leads, one personal owner. A wider audience is a
 * writer's mistake and fails the append (and its transaction) instead of losing a listener.
 */
export function audienceColumns(audience: Audience, type: string): AudienceColumns {
  const teams: string[] = [];
  const agents: string[] = [];
  const leads: string[] = [];
  const owners: string[] = [];
  let everyone = 0;
  for (const member of audience) {
    if (member.kind === 'everyone') everyone = 1;
    else if (member.kind === 'team') teams.push(member.teamId);
    else if (member.kind === 'agent') agents.push(member.agentId);
    else if (member.kind === 'leads') leads.push(member.teamId);
    else owners.push(member.ownerId);
  }
  const unique = (ids: string[]) => [...new Set(ids)];
  const [team, prevTeam, ...moreTeams] = unique(teams);
  const [agent, prevAgent, ...moreAgents] = unique(agents);
  const [leadsOf, ...moreLeads] = unique(leads);
  const [owner, ...moreOwners] = unique(owners);
  if (moreTeams.length + moreAgents.length + moreLeads.length + moreOwners.length > 0)
    throw new Error(
      `the change log holds at most two teams, two agents, one team's leads and one owner per change (${type})`,
    );
  return {
    everyone,
    team_id: team ?? null,
    prev_team_id: prevTeam ?? null,
    assignee_id: agent ?? null,
    prev_assignee_id: prevAgent ?? null,
    leads_team_id: leadsOf ?? null,
    owner_id: owner ?? null,
  };
}

const CHANGE_LOG_COLUMNS = [
  'seq',
  'type',
  'data',
  'record_kind',
  'record_id',
  'everyone',
  'team_id',
  'prev_team_id',
  'assignee_id',
  'prev_assignee_id',
  'leads_team_id',
  'owner_id',
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

/** `hears` (shared/domain/audience.ts) as SQL over the stored audience columns. */
function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<ServerDatabase, 'change_log'>): Expression<SqlBool> => {
    const visible: Expression<SqlBool>[] = [eb('everyone', '=', 1), eb('owner_id', '=', viewer.id)];
    if ((viewer.role === 'agent' || viewer.role === 'lead') && viewer.teamIds.length > 0)
      visible.push(eb('team_id', 'in', [...viewer.teamIds]), eb('prev_team_id', 'in', [...viewer.teamIds]));
    if (viewer.role === 'lead' && viewer.teamIds.length > 0)
      visible.push(eb('leads_team_id', 'in', [...viewer.teamIds]));
    if (viewer.role === 'agent')
      visible.push(eb('assignee_id', '=', viewer.id), eb('prev_assignee_id', '=', viewer.id));
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
