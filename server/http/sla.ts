/**
 * Admin API for SLA policies and business calendars (Bearer agent token, role admin):
 *   GET/PUT /api/v1/admin/sla/policies   { policies: SlaPolicyRecord[] }   (ordered; last = catch-all)
 *   GET/PUT /api/v1/admin/sla/calendars  { calendars: BusinessCalendarRecord[] }
 * A bad calendar is a 400 whose message names the problem ("mon: 18:00–09:00 ends before it starts").
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import { BusinessCalendarsBodySchema, SlaPoliciesBodySchema } from '../../shared/contracts/sla';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import {
  getBusinessCalendars,
  getSlaPolicies,
  putBusinessCalendars,
  putSlaPolicies,
} from '../domain/sla/config';
import { bearerToken } from './errors';

async function requireAdmin(ctx: DomainContext, request: FastifyRequest): Promise<void> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
  const { agent } = await authenticate(ctx, token);
  if (agent.role !== 'admin')
    throw new SwitchboardError('forbidden', 'only admins edit SLA policies and calendars');
}

export function registerSlaRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.get('/api/v1/admin/sla/policies', async (request) => {
    await requireAdmin(ctx, request);
    return getSlaPolicies(ctx);
  });
  app.put('/api/v1/admin/sla/policies', async (request) => {
    await requireAdmin(ctx, request);
    return putSlaPolicies(ctx, parseOrThrow(SlaPoliciesBodySchema, request.body, 'sla policies'));
  });
  app.get('/api/v1/admin/sla/calendars', async (request) => {
    await requireAdmin(ctx, request);
    return getBusinessCalendars(ctx);
  });
  app.put('/api/v1/admin/sla/calendars', async (request) => {
    await requireAdmin(ctx, request);
    return putBusinessCalendars(
      ctx,
      parseOrThrow(BusinessCalendarsBodySchema, request.body, 'business calendars'),
    );
  });
}
