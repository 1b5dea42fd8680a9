/**
 * Webhook endpoints, for admins (Bearer agent token):
 *   GET    /api/v1/admin/webhooks                      → { endpoints }       (no secrets; last day's health)
 *   POST   /api/v1/admin/webhooks { url, events, active? } → 201 { endpoint, secret }  (the secret, this once)
 *   PUT    /api/v1/admin/webhooks/:id { url, events, active } → { endpoint }
 *   DELETE /api/v1/admin/webhooks/:id                  → { ok }             (404 when there is none; its deliveries go too)
 *   GET    /api/v1/admin/webhooks/:id/deliveries       → { deliveries }      (newest first, at most 100)
 * The role is checked before the body.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import {
  WEBHOOKS_MAX,
  WebhookEndpointBodySchema,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../../shared/contracts/webhooks';
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  updateWebhookEndpoint,
  webhookHealth,
} from '../db/queries/webhooks';
import type { WebhookEndpointsTable } from '../db/schemaRouting';
import type { DomainContext } from '../domain/context';
import { newWebhookSecret } from '../domain/webhooks/signing';
import { requireAdmin } from './access';

export const WEBHOOKS_PATH = '/api/v1/admin/webhooks';
const Params = z.object({ id: z.string().min(1).max(64) });
const DAY_MS = 24 * 3_600_000;

const admin = (ctx: DomainContext, request: FastifyRequest) => requireAdmin(ctx, request, 'only admins manage webhooks');

type Health = Awaited<ReturnType<typeof webhookHealth>>;

function endpointView(row: WebhookEndpointsTable, health: Health): WebhookEndpoint {
  const figures = health.get(row.id) ?? { delivered: 0, pending: 0, failed: 0, lastError: null };
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    active: row.active === 1,
    secretHint: `…${row.secret.slice(-4)}`,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...figures,
  };
}

export function registerWebhookRoutes(
  app: FastifyInstance,
  ctx: DomainContext,
  onChanged: () => void,
): void {
  const since = () => new Date(ctx.now().getTime() - DAY_MS).toISOString();
  const found = async (id: string) => {
    const row = await getWebhookEndpoint(ctx.store.db, id);
    if (!row) throw new SwitchboardError('not_found', `id: no webhook endpoint ${id}`);
    return row;
  };

  app.get(WEBHOOKS_PATH, async (request): Promise<{ endpoints: WebhookEndpoint[] }> => {
    await admin(ctx, request);
    const [rows, health] = await Promise.all([listWebhookEndpoints(ctx.store.db), webhookHealth(ctx.store.db, since())]);
    return { endpoints: rows.map((row) => endpointView(row, health)) };
  });

  app.post(WEBHOOKS_PATH, async (request, reply) => {
    const agent = await admin(ctx, request);
    const body = parseOrThrow(WebhookEndpointBodySchema, request.body, 'webhook');
    if ((await listWebhookEndpoints(ctx.store.db)).length >= WEBHOOKS_MAX)
      throw new SwitchboardError('invalid', `at most ${WEBHOOKS_MAX} webhook endpoints`);
    const row: WebhookEndpointsTable = {
      id: randomUUID(),
      url: body.url,
      events: JSON.stringify(body.events),
      secret: newWebhookSecret(),
      active: body.active ? 1 : 0,
      created_by: agent.id,
      created_at: ctx.now().toISOString(),
    };
    await insertWebhookEndpoint(ctx.store.db, row);
    onChanged();
    return reply.code(201).send({ endpoint: endpointView(row, new Map()), secret: row.secret });
  });

  app.put(`${WEBHOOKS_PATH}/:id`, async (request): Promise<{ endpoint: WebhookEndpoint }> => {
    await admin(ctx, request);
    const { id } = parseOrThrow(Params, request.params, 'webhook');
    const body = parseOrThrow(WebhookEndpointBodySchema, request.body, 'webhook');
    await found(id);
    await updateWebhookEndpoint(ctx.store.db, id, { url: body.url, events: JSON.stringify(body.events), active: body.active ? 1 : 0 });
    onChanged();
    return { endpoint: endpointView(await found(id), await webhookHealth(ctx.store.db, since())) };
  });

  app.delete(`${WEBHOOKS_PATH}/:id`, async (request) => {
    await admin(ctx, request);
    const { id } = parseOrThrow(Params, request.params, 'webhook');
    await found(id);
    await deleteWebhookEndpoint(ctx.store.db, id);
    onChanged();
    return { ok: true as const };
  });

  app.get(`${WEBHOOKS_PATH}/:id/deliveries`, async (request): Promise<{ deliveries: WebhookDelivery[] }> => {
    await admin(ctx, request);
    const { id } = parseOrThrow(Params, request.params, 'webhook');
    await found(id);
    const rows = await listWebhookDeliveries(ctx.store.db, id, 100);
    return {
      deliveries: rows.map((row) => ({
        id: row.id,
        event: row.event as WebhookEvent,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
        lastStatus: row.last_status,
        lastError: row.last_error,
        createdAt: row.created_at,
        deliveredAt: row.delivered_at,
      })),
    };
  });
}
