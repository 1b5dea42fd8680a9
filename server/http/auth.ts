/** POST /api/v1/auth/login and /logout. Wrong credentials never say which part was wrong. */
import type { FastifyInstance } from 'fastify';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import { LoginRequestSchema } from '../../shared/contracts/http';
import { authenticate, login } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { bearerToken } from './errors';

export function registerAuthRoutes(
  app: FastifyInstance,
  ctx: DomainContext,
  revokeSession: (sessionId: string) => Promise<void>,
): void {
  app.post('/api/v1/auth/login', async (request) => {
    const body = parseOrThrow(LoginRequestSchema, request.body, 'login');
    return login(ctx, body);
  });

  /** Revokes the session of the presented token; its sockets are told and disconnected. */
  app.post('/api/v1/auth/logout', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
    const auth = await authenticate(ctx, token);
    await revokeSession(auth.sessionId);
    return { ok: true };
  });
}
