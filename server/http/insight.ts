/**
 * POST /api/v1/messages/:messageId/insight { issueType?, sentiment? } → { insight }  (Bearer agent token)
 * Agents and leads of the conversation's team, admins; see domain/nlu/corrections.ts.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import { InsightCorrectionSchema } from '../../shared/contracts/insightCorrection';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { correctInsight } from '../domain/nlu/corrections';
import { bearerToken } from './errors';

const Params = z.object({ messageId: z.string().min(1).max(64) });

export function registerInsightRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.post('/api/v1/messages/:messageId/insight', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
    const { agent } = await authenticate(ctx, token);
    if (agent.role === 'reviewer') throw new SwitchboardError('forbidden', 'reviewers do not relabel messages');
    const { messageId } = parseOrThrow(Params, request.params, 'message');
    const body = parseOrThrow(InsightCorrectionSchema, request.body, 'insight correction');
    return correctInsight(ctx, agent, messageId, body);
  });
}
