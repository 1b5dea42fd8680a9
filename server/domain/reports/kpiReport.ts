/**
 * The KPI report (GET /api/v1/reports/kpi): the conversations that started in the period, of the
 * teams the caller may see (a lead their own, an admin any), optionally of one agent, channel or
 * tag; their figures overall and by team, agent, channel, tag and day in the centre's time zone
 * (its first business calendar's). SQL only filters (server/db/queries/kpiReport.ts); facts are
 * derived in kpiFacts.ts and every figure is a shared/kpi formula.
 */
import type { KpiReport, KpiReportQuery } from '../../../shared/contracts/kpiReport';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Agent, Channel } from '../../../shared/domain/model';
import { daysOfPeriod, kpiByDay, kpiFigures, kpiGroups } from '../../../shared/kpi';
import { getTeam, listTeams } from '../../db/queries/directory';
import { conversationsStarted, kpiDetails } from '../../db/queries/kpiReport';
import { listBusinessCalendars } from '../../db/queries/sla';
import type { DomainContext } from '../context';
import { conversationFacts } from './kpiFacts';

/** Which teams the caller may report on: a lead their own, an admin any (null: every team). */
async function teamsInScope(ctx: DomainContext, actor: Agent, teamId: string | undefined): Promise<string[] | null> {
  if (actor.role !== 'lead' && actor.role !== 'admin')
    throw new SwitchboardError('forbidden', 'only team leads and admins read KPI reports');
  if (teamId !== undefined) {
    if (actor.role === 'lead' && !actor.teamIds.includes(teamId))
      throw new SwitchboardError('forbidden', 'leads read the KPI reports of their own teams only');
    if (!(await getTeam(ctx.store.db, teamId))) throw new SwitchboardError('not_found', `team ${teamId} does not exist`);
    return [teamId];
  }
  return actor.role === 'admin' ? null : [...actor.teamIds];
}

/** The centre's time zone: its first business calendar's, UTC when none is configured. */
async function centreTimeZone(ctx: DomainContext): Promise<string> {
  const calendars = await listBusinessCalendars(ctx.store.db);
  return calendars[0]?.calendar.timeZone ?? 'UTC';
}

export async function buildKpiReport(ctx: DomainContext, actor: Agent, query: KpiReportQuery): Promise<KpiReport> {
  const teams = await teamsInScope(ctx, actor, query.teamId);
  const db = ctx.store.db;
  const from = new Date(query.from);
  const to = new Date(query.to);
  const timeZone = await centreTimeZone(ctx);
  const started = await conversationsStarted(db, {
    teamIds: teams,
    agentId: query.agentId ?? null,
    channel: query.channel ?? null,
    from: from.toISOString(),
    to: to.toISOString(),
  });
  const allFacts = conversationFacts(started, await kpiDetails(db, started.map((c) => c.id)), timeZone);
  const facts = query.tag === undefined ? allFacts : allFacts.filter((f) => f.tags.includes(query.tag!));

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone,
    teamIds: teams ?? (await listTeams(db)).map((team) => team.id),
    agentId: query.agentId ?? null,
    channel: query.channel ?? null,
    tag: query.tag ?? null,
    overall: kpiFigures(facts),
    byTeam: kpiGroups(facts, (f) => [f.teamId]).map(({ key, figures: set }) => ({ teamId: key, ...set })),
    byAgent: kpiGroups(facts, (f) => [f.agentId]).map(({ key, figures: set }) => ({ agentId: key, ...set })),
    byChannel: kpiGroups(facts, (f) => [f.channel as Channel]).map(({ key, figures: set }) => ({ channel: key, ...set })),
    byTag: kpiGroups(facts, (f) => f.tags).map(({ key, figures: set }) => ({ tag: key, ...set })),
    byDay: kpiByDay(facts, daysOfPeriod(timeZone, from, to)).map(({ day, figures: set }) => ({ day, ...set })),
  };
}
