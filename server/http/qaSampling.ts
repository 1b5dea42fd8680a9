/**
 * Sampling rules API (Bearer agent token, role lead or admin):
 *   GET /api/v1/qa/sampling-rules            → { rules: SamplingRule[] }  (a lead: their teams' rules)
 *   PUT /api/v1/qa/sampling-rules  { rules }  → { rules }                  (a lead replaces only their teams' rules)
 * A rule for a team the lead does not lead is a 403; an unknown team or reviewer, or an agent as
 * reviewer, is a 400 naming the rule.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import type { Agent } from '../../shared/domain/model';
import { SamplingRulesBodySchema } from '../../shared/qa/sampling';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { getSamplingRules, putSamplingRules } from '../domain/qa/sampling';
import { bearerToken } from './errors';

export const SAMPLING_RULES_PATH = '/api/v1/qa/sampling-rules';

async function signedIn(ctx: DomainContext, request: FastifyRequest): Promise<Agent> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
  return (await authenticate(ctx, token)).agent;
}

export function registerQaSamplingRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.get(SAMPLING_RULES_PATH, async (request) => getSamplingRules(ctx, await signedIn(ctx, request)));
  app.put(SAMPLING_RULES_PATH, async (request) => {
    const actor = await signedIn(ctx, request);
    // Role first, so an agent learns nothing about the body's shape.
    if (actor.role !== 'lead' && actor.role !== 'admin')
      throw new SwitchboardError('forbidden', 'only team leads and admins edit sampling rules');
    return putSamplingRules(ctx, actor, parseOrThrow(SamplingRulesBodySchema, request.body, 'sampling rules'));
  });
}
