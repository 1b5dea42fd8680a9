/**
 * The SLA report's reads over sla_outcomes (index sla_outcomes_team: team_id, recorded_at), with
 * the conversation's priority and the contact's name. Counting happens in SQL; the overtimes of
 * breaches come back sorted so the caller takes percentiles without sorting. Instants are ISO
 * UTC text, so the period filter is a plain string range on both dialects.
 */
import type { Db } from '../database';

export interface ReportScope {
  /** null: every team (admin without a team filter). */
  teamIds: readonly string[] | null;
  /** Inclusive, ISO UTC. */
  from: string;
  /** Exclusive, ISO UTC. */
  to: string;
}

export interface OutcomeCountRow {
  teamId: string;
  target: string;
  priority: string;
  outcome: string;
  count: number;
}

export interface BreachOvertimeRow {
  teamId: string;
  target: string;
  priority: string;
  overtimeMs: number;
}

export interface LatestBreachRow {
  conversationId: string;
  teamId: string;
  contactName: string;
  target: string;
  priority: string;
  dueAt: string | null;
  overtimeMs: number;
  metAt: string | null;
  recordedAt: string;
}

function scoped(db: Db, scope: ReportScope) {
  let query = db
    .selectFrom('sla_outcomes as o')
    .innerJoin('conversations as c', 'c.id', 'o.conversation_id')
    .where('o.recorded_at', '>=', scope.from)
    .where('o.recorded_at', '<', scope.to);
  if (scope.teamIds !== null) query = query.where('o.team_id', 'in', [...scope.teamIds]);
  return query;
}

export async function countOutcomes(db: Db, scope: ReportScope): Promise<OutcomeCountRow[]> {
  if (scope.teamIds?.length === 0) return [];
  const rows = await scoped(db, scope)
    .select((eb) => ['o.team_id', 'o.target', 'c.priority', 'o.outcome', eb.fn.countAll().as('n')])
    .groupBy(['o.team_id', 'o.target', 'c.priority', 'o.outcome'])
    .execute();
  return rows.map((row) => ({
    teamId: row.team_id,
    target: row.target,
    priority: row.priority,
    outcome: row.outcome,
    count: Number(row.n),
  }));
}

/** Overtimes of breached outcomes, ascending within each team × target × priority. */
export async function breachOvertimes(db: Db, scope: ReportScope): Promise<BreachOvertimeRow[]> {
  if (scope.teamIds?.length === 0) return [];
  const rows = await scoped(db, scope)
    .where('o.outcome', '=', 'breached')
    .select(['o.team_id', 'o.target', 'c.priority', 'o.overtime_ms'])
    .orderBy('o.team_id')
    .orderBy('o.target')
    .orderBy('c.priority')
    .orderBy('o.overtime_ms')
    .execute();
  return rows.map((row) => ({
    teamId: row.team_id,
    target: row.target,
    priority: row.priority,
    overtimeMs: Number(row.overtime_ms),
  }));
}

export async function latestBreaches(db: Db, scope: ReportScope, limit: number): Promise<LatestBreachRow[]> {
  if (scope.teamIds?.length === 0) return [];
  const rows = await scoped(db, scope)
    .innerJoin('contacts as k', 'k.id', 'c.contact_id')
    .where('o.outcome', '=', 'breached')
    .select([
      'o.conversation_id',
      'o.team_id',
      'k.name',
      'o.target',
      'c.priority',
      'o.due_at',
      'o.overtime_ms',
      'o.met_at',
      'o.recorded_at',
    ])
    .orderBy('o.recorded_at', 'desc')
    .orderBy('o.conversation_id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    conversationId: row.conversation_id,
    teamId: row.team_id,
    contactName: row.name,
    target: row.target,
    priority: row.priority,
    dueAt: row.due_at,
    overtimeMs: Number(row.overtime_ms),
    metAt: row.met_at,
    recordedAt: row.recorded_at,
  }));
}
