/**
 * Call recordings API (Bearer agent token):
 *   GET /api/v1/recordings/:messageId?offset=N  → RecordingChunk (shared/contracts/recordings.ts)
 * Who may listen and where recordings may come from: server/domain/recordings.ts.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import { RecordingQuerySchema } from '../../shared/contracts/recordings';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import type { RecordingRelay } from '../domain/recordings';
import { bearerToken } from './errors';

const Params = z.object({ messageId: z.string().min(1).max(64) });

export function registerRecordingRoutes(app: FastifyInstance, ctx: DomainContext, relay: RecordingRelay): void {
  app.get('/api/v1/recordings/:messageId', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
    const { agent } = await authenticate(ctx, token);
    const { messageId } = parseOrThrow(Params, request.params, 'recording');
    const { offset } = parseOrThrow(RecordingQuerySchema, request.query, 'recording query');
    return relay.read(agent, messageId, offset);
  });
}
