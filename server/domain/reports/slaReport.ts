/**
 * The SLA report: per team × target × priority, how many targets were met and breached in the
 * period, the hit rate, and the median and 90th percentile of the breaches' overtime (business
 * milliseconds past due, as the scheduler recorded them), plus the latest breaches. An outcome
 * counts in the period in which it was last recorded (a breach that is answered late moves to
 * the period of the late answer, with its final overtime).
 */
import {
  SLA_REPORT_BREACHES_MAX,
  type SlaReport,
  type SlaReportQuery,
  type SlaReportRow,
} from '../../../shared/contracts/alerts';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { SlaTargetName } from '../../../shared/contracts/sla';
import { PRIORITIES, type Agent, type Priority } from '../../../shared/domain/model';
import { getTeam, listTeams } from '../../db/queries/directory';
import { breachOvertimes, countOutcomes, latestBreaches, type ReportScope } from '../../db/queries/slaReport';
import type { DomainContext } from '../context';

/** Linear interpolation between closest ranks (the usual spreadsheet PERCENTILE), of a sorted list. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Which teams the caller may report on: a lead their own, an admin any. */
async function teamsInScope(ctx: DomainContext, actor: Agent, teamId: string | undefined): Promise<string[] | null> {
  if (actor.role !== 'lead' && actor.role !== 'admin')
    throw new SwitchboardError('forbidden', 'only team leads and admins read SLA reports');
  if (teamId !== undefined) {
    if (actor.role === 'lead' && !actor.teamIds.includes(teamId))
      throw new SwitchboardError('forbidden', 'leads read the reports of their own teams only');
    if (!(await getTeam(ctx.store.db, teamId))) throw new SwitchboardError('not_found', `team ${teamId} does not exist`);
    return [teamId];
  }
  return actor.role === 'admin' ? null : [...actor.teamIds];
}

const TARGET_ORDER: readonly SlaTargetName[] = ['firstResponse', 'nextResponse', 'resolution'];
const rowKey = (teamId: string, target: string, priority: string) => `${teamId}\u0000${target}\u0000${priority}`;

export async function buildSlaReport(ctx: DomainContext, actor: Agent, query: SlaReportQuery): Promise<SlaReport> {
  const teams = await teamsInScope(ctx, actor, query.teamId);
  const scope: ReportScope = {
    teamIds: teams,
    from: new Date(query.from).toISOString(),
    to: new Date(query.to).toISOString(),
  };
  const db = ctx.store.db;
  const [counts, overtimes, breaches] = await Promise.all([
    countOutcomes(db, scope),
    breachOvertimes(db, scope),
    latestBreaches(db, scope, SLA_REPORT_BREACHES_MAX),
  ]);

  const rows = new Map<string, SlaReportRow>();
  const rowOf = (teamId: string, target: string, priority: string) => {
    const key = rowKey(teamId, target, priority);
    let row = rows.get(key);
    if (!row) {
      row = {
        teamId,
        target: target as SlaTargetName,
        priority: priority as Priority,
        met: 0,
        breached: 0,
        hitRate: null,
        medianOvertimeMs: null,
        p90OvertimeMs: null,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const count of counts) {
    const row = rowOf(count.teamId, count.target, count.priority);
    if (count.outcome === 'met') row.met += count.count;
    else row.breached += count.count;
  }
  const sortedOvertimes = new Map<string, number[]>();
  for (const { teamId, target, priority, overtimeMs } of overtimes) {
    const key = rowKey(teamId, target, priority);
    const list = sortedOvertimes.get(key) ?? [];
    list.push(overtimeMs);
    sortedOvertimes.set(key, list);
  }
  for (const [key, row] of rows) {
    const total = row.met + row.breached;
    row.hitRate = total > 0 ? row.met / total : null;
    const list = sortedOvertimes.get(key) ?? [];
    row.medianOvertimeMs = quantile(list, 0.5);
    row.p90OvertimeMs = quantile(list, 0.9);
  }

  return {
    from: scope.from,
    to: scope.to,
    teamIds: teams ?? (await listTeams(db)).map((team) => team.id),
    rows: [...rows.values()].sort(
      (a, b) =>
        a.teamId.localeCompare(b.teamId) ||
        TARGET_ORDER.indexOf(a.target) - TARGET_ORDER.indexOf(b.target) ||
        PRIORITIES.indexOf(b.priority) - PRIORITIES.indexOf(a.priority),
    ),
    latestBreaches: breaches.map((breach) => ({
      conversationId: breach.conversationId,
      teamId: breach.teamId,
      contactName: breach.contactName,
      target: breach.target as SlaTargetName,
      priority: breach.priority as Priority,
      dueAt: breach.dueAt,
      overtimeMs: breach.overtimeMs,
      metLate: breach.metAt !== null,
      recordedAt: breach.recordedAt,
    })),
  };
}
