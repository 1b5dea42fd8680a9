/**
 * The quality report (GET /api/v1/reports/qa): the reviews submitted in the period, of the teams
 * the caller may see (a lead their own, an admin any), optionally of one agent, grouped by agent,
 * team, scorecard category and ISO week (shared/qa/report.ts), with the newest of them listed for
 * drill-down. SQL only filters (server/db/queries/qaReport.ts); the scorecard versions the
 * reviews name are loaded once each.
 */
import { QA_REPORT_REVIEWS_MAX, type QaReport, type QaReportQuery } from '../../../shared/contracts/qaReport';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Agent } from '../../../shared/domain/model';
import type { Scorecard } from '../../../shared/qa/model';
import { summarizeQaReviews, type ReportScorecards } from '../../../shared/qa/report';
import { getTeam, listTeams } from '../../db/queries/directory';
import { getLatestScorecard, getScorecardVersion } from '../../db/queries/qa';
import { reviewsForReport } from '../../db/queries/qaReport';
import type { Db } from '../../db/database';
import type { DomainContext } from '../context';

/** Which teams the caller may report on: a lead their own, an admin any (null: every team). */
async function teamsInScope(ctx: DomainContext, actor: Agent, teamId: string | undefined): Promise<string[] | null> {
  if (actor.role !== 'lead' && actor.role !== 'admin')
    throw new SwitchboardError('forbidden', 'only team leads and admins read quality reports');
  if (teamId !== undefined) {
    if (actor.role === 'lead' && !actor.teamIds.includes(teamId))
      throw new SwitchboardError('forbidden', 'leads read the quality reports of their own teams only');
    if (!(await getTeam(ctx.store.db, teamId))) throw new SwitchboardError('not_found', `team ${teamId} does not exist`);
    return [teamId];
  }
  return actor.role === 'admin' ? null : [...actor.teamIds];
}

/** Each scorecard version the reviews name, and each scorecard's newest version, read once. */
async function loadScorecards(
  db: Db,
  reviews: ReadonlyArray<{ scorecardId: string; scorecardVersion: number }>,
): Promise<ReportScorecards> {
  const versionKey = (id: string, version: number) => `${id}\u0000${version}`;
  const versions = new Map<string, Scorecard | null>();
  const newest = new Map<string, Scorecard | null>();
  for (const { scorecardId, scorecardVersion } of reviews) {
    const key = versionKey(scorecardId, scorecardVersion);
    if (!versions.has(key)) versions.set(key, await getScorecardVersion(db, scorecardId, scorecardVersion));
    if (!newest.has(scorecardId)) newest.set(scorecardId, await getLatestScorecard(db, scorecardId));
  }
  return {
    version: (id, version) => versions.get(versionKey(id, version)) ?? undefined,
    newest: (id) => newest.get(id) ?? undefined,
  };
}

export async function buildQaReport(ctx: DomainContext, actor: Agent, query: QaReportQuery): Promise<QaReport> {
  const teams = await teamsInScope(ctx, actor, query.teamId);
  const db = ctx.store.db;
  const scope = {
    teamIds: teams,
    agentId: query.agentId ?? null,
    from: new Date(query.from).toISOString(),
    to: new Date(query.to).toISOString(),
  };
  const reviews = await reviewsForReport(db, scope);
  const groups = summarizeQaReviews(reviews, await loadScorecards(db, reviews), QA_REPORT_REVIEWS_MAX);
  return {
    from: scope.from,
    to: scope.to,
    teamIds: teams ?? (await listTeams(db)).map((team) => team.id),
    agentId: scope.agentId,
    ...groups,
  };
}
