/**
 * The Live screen's server-kept history (Bearer agent token, leads of the team and admins):
 *   GET /api/v1/live/waiting-history?teamId=  → WaitHistory (shared/contracts/live.ts): the last
 *   hour of the team's waiting count, one sample a minute (jobs/queueSamples.ts).
 */
import type { FastifyInstance } from 'fastify';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import { WaitHistoryQuerySchema, type WaitHistory } from '../../shared/contracts/live';
import { queueSamplesSince } from '../db/queries/queueSamples';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { bearerToken } from './errors';

const HOUR_MS = 3_600_000;

export function registerLiveRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.get('/api/v1/live/waiting-history', async (request): Promise<WaitHistory> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
    const { agent } = await authenticate(ctx, token);
    if (agent.role !== 'lead' && agent.role !== 'admin')
      throw new SwitchboardError('forbidden', 'only team leads and admins see the waiting history');
    const { teamId } = parseOrThrow(WaitHistoryQuerySchema, request.query, 'waiting history query');
    if (agent.role === 'lead' && !agent.teamIds.includes(teamId))
      throw new SwitchboardError('forbidden', 'only the team’s leads and admins see its waiting history');
    const since = new Date(ctx.now().getTime() - HOUR_MS).toISOString();
    return { teamId, samples: await queueSamplesSince(ctx.store.db, teamId, since) };
  });
}
