/**
 * Quality-review rules API.
 *
 * Sampling rules (Bearer agent token, role lead or admin):
 *   GET /api/v1/qa/sampling-rules            → { rules: SamplingRule[] }  (a lead: their teams' rules)
 *   PUT /api/v1/qa/sampling-rules  { rules }  → { rules }                  (a lead replaces only their teams' rules)
 * A rule for a team the lead does not lead is a 403; an unknown team or reviewer, or an agent as
 * reviewer, is a 400 naming the rule.
 *
 * Auto-QA rules (read: leads, reviewers and admins; replace: admins):
 *   GET /api/v1/qa/auto-rules            → { rules: AutoQaRule[] }
 *   PUT /api/v1/qa/auto-rules  { rules }  → { rules }   (a bad rule is a 400 naming it)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import type { Agent } from '../../shared/domain/model';
import { SamplingRulesBodySchema } from '../../shared/qa/sampling';
import { AutoQaRulesBodySchema } from '../../shared/qa/autoQa';
import { getAutoQaRules, putAutoQaRules } from '../domain/qa/autoQa';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { getSamplingRules, putSamplingRules } from '../domain/qa/sampling';
import { bearerToken } from './errors';

export const SAMPLING_RULES_PATH = '/api/v1/qa/sampling-rules';
export const AUTO_QA_RULES_PATH = '/api/v1/qa/auto-rules';

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
  app.get(AUTO_QA_RULES_PATH, async (request) => getAutoQaRules(ctx, await signedIn(ctx, request)));
  app.put(AUTO_QA_RULES_PATH, async (request) => {
    const actor = await signedIn(ctx, request);
    if (actor.role !== 'admin') throw new SwitchboardError('forbidden', 'only admins edit the auto-QA rules');
    return putAutoQaRules(ctx, actor, parseOrThrow(AutoQaRulesBodySchema, request.body, 'auto-QA rules'));
  });
}
