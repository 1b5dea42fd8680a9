/**
 * Routing API (Bearer agent token):
 *   GET /api/v1/routing/me                          → { capacity }              (any agent)
 *   GET /api/v1/routing/teams/:teamId               → TeamRoutingView            (lead of the team, admin)
 *   PUT /api/v1/routing/teams/:teamId  { autoAssign }                            (lead of the team, admin)
 *   PUT /api/v1/routing/agents/:agentId/capacity  { capacity }                   (lead of one of their teams, admin)
 *   PUT /api/v1/routing/agents/:agentId/status  { status }  → { status, statusSince }  (lead of one of their teams, admin)
 * Switching auto-assign on, raising capacity or making an agent available dispatches the affected
 * queues at once. An agent whose status a lead changes sees it at once (a directory change).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import {
  AgentCapacityBodySchema,
  AgentStatusBodySchema,
  TeamRoutingBodySchema,
  type MyRouting,
  type TeamRoutingView,
} from '../../shared/contracts/routing';
import type { Agent } from '../../shared/domain/model';
import { writeTransaction } from '../db/database';
import { getAgent, getTeam } from '../db/queries/directory';
import {
  capacitiesOf,
  loadsOf,
  queuedConversations,
  setCapacity,
  setTeamAutoAssign,
  teamMembers,
  teamRoutingOf,
} from '../db/queries/routing';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { setAgentStatus } from '../domain/routing/presence';
import { triggerDispatch } from '../domain/routing/scheduler';
import { bearerToken } from './errors';

const TeamParams = z.object({ teamId: z.string().min(1).max(64) });
const AgentParams = z.object({ agentId: z.string().min(1).max(64) });

async function signedIn(ctx: DomainContext, request: FastifyRequest): Promise<Agent> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
  return (await authenticate(ctx, token)).agent;
}

function requireLeadOf(agent: Agent, teamIds: readonly string[]): void {
  if (agent.role === 'admin') return;
  if (agent.role === 'lead' && teamIds.some((teamId) => agent.teamIds.includes(teamId))) return;
  throw new SwitchboardError('forbidden', 'only the team’s leads and admins change routing');
}

async function teamView(ctx: DomainContext, teamId: string): Promise<TeamRoutingView> {
  const db = ctx.store.db;
  const members = await teamMembers(db, teamId);
  const ids = members.map((member) => member.id);
  const [routing, capacities, loads, queue] = await Promise.all([
    teamRoutingOf(db, teamId),
    capacitiesOf(db, ids),
    loadsOf(db, ids),
    queuedConversations(db, teamId),
  ]);
  return {
    teamId,
    autoAssign: routing.autoAssign,
    queued: queue.length,
    agents: members.map((member) => ({
      ...member,
      capacity: capacities.get(member.id)!,
      load: loads.get(member.id)!,
    })),
  };
}

export function registerRoutingRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.get('/api/v1/routing/me', async (request): Promise<MyRouting> => {
    const agent = await signedIn(ctx, request);
    return { capacity: (await capacitiesOf(ctx.store.db, [agent.id])).get(agent.id)! };
  });

  app.get('/api/v1/routing/teams/:teamId', async (request) => {
    const agent = await signedIn(ctx, request);
    const { teamId } = parseOrThrow(TeamParams, request.params, 'team');
    requireLeadOf(agent, [teamId]);
    if (!(await getTeam(ctx.store.db, teamId)))
      throw new SwitchboardError('not_found', `team ${teamId} does not exist`);
    return teamView(ctx, teamId);
  });

  app.put('/api/v1/routing/teams/:teamId', async (request) => {
    const agent = await signedIn(ctx, request);
    const { teamId } = parseOrThrow(TeamParams, request.params, 'team');
    requireLeadOf(agent, [teamId]);
    const body = parseOrThrow(TeamRoutingBodySchema, request.body, 'team routing');
    if (!(await getTeam(ctx.store.db, teamId)))
      throw new SwitchboardError('not_found', `team ${teamId} does not exist`);
    await writeTransaction(ctx.store, (trx) =>
      setTeamAutoAssign(trx, teamId, body.autoAssign, ctx.now().toISOString()),
    );
    if (body.autoAssign) triggerDispatch(ctx, [teamId]);
    return teamView(ctx, teamId);
  });

  app.put('/api/v1/routing/agents/:agentId/capacity', async (request) => {
    const actor = await signedIn(ctx, request);
    const { agentId } = parseOrThrow(AgentParams, request.params, 'agent');
    const body = parseOrThrow(AgentCapacityBodySchema, request.body, 'capacity');
    const target = await getAgent(ctx.store.db, agentId);
    if (!target) throw new SwitchboardError('not_found', `agent ${agentId} does not exist`);
    requireLeadOf(actor, target.teamIds);
    await writeTransaction(ctx.store, (trx) => setCapacity(trx, agentId, body.capacity));
    triggerDispatch(ctx, target.teamIds);
    return { capacity: body.capacity };
  });

  app.put('/api/v1/routing/agents/:agentId/status', async (request) => {
    const actor = await signedIn(ctx, request);
    const { agentId } = parseOrThrow(AgentParams, request.params, 'agent');
    const body = parseOrThrow(AgentStatusBodySchema, request.body, 'status');
    const target = await getAgent(ctx.store.db, agentId);
    if (!target) throw new SwitchboardError('not_found', `agent ${agentId} does not exist`);
    requireLeadOf(actor, target.teamIds);
    if (target.role !== 'agent') throw new SwitchboardError('invalid', `${target.name} is not an agent; only agents take conversations`);
    await setAgentStatus(ctx, agentId, body.status);
    if (body.status === 'available') triggerDispatch(ctx, target.teamIds);
    const row = await ctx.store.db.selectFrom('agents').select('status_since').where('id', '=', agentId).executeTakeFirst();
    return { status: body.status, statusSince: row?.status_since ?? null };
  });
}
