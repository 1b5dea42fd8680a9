/** Who is asking: the agent behind a request's Bearer token, refused unless an admin. */
import type { FastifyRequest } from 'fastify';
import { SwitchboardError } from '../../shared/contracts/errors';
import type { Agent } from '../../shared/domain/model';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { bearerToken } from './errors';

/** 401 without a valid token, 403 `refusal` for anyone but an admin; checked before any body. */
export async function requireAdmin(ctx: DomainContext, request: FastifyRequest, refusal: string): Promise<Agent> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
  const { agent } = await authenticate(ctx, token);
  if (agent.role !== 'admin') throw new SwitchboardError('forbidden', refusal);
  return agent;
}
