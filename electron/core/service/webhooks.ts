/**
 * webhooks.*: the Admin screen's webhook endpoints, proxied to /api/v1/admin/webhooks with the
 * session token (admins only; the server refuses anyone else too). Nothing is cached: endpoints
 * and their deliveries live on the server, so these calls need a connection.
 */
import { SwitchboardError } from '../../../shared/contracts/errors';
import { WebhookRpcContract } from '../../../shared/contracts/webhooks';
import type { CoreContext } from './context';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

const PATH = '/api/v1/admin/webhooks';
const one = (id: string) => `${PATH}/${encodeURIComponent(id)}`;

export function webhookHandlers(ctx: CoreContext): HandlersOf<keyof typeof WebhookRpcContract> {
  const requireAdmin = () => {
    if (ctx.viewer().role !== 'admin') throw new SwitchboardError('forbidden', 'Only admins manage webhooks.');
  };
  return {
    'webhooks.list': async () => {
      requireAdmin();
      return callServer(ctx, { method: 'GET', path: PATH }, WebhookRpcContract['webhooks.list'].output);
    },
    'webhooks.create': async (body) => {
      requireAdmin();
      return callServer(ctx, { method: 'POST', path: PATH, body }, WebhookRpcContract['webhooks.create'].output);
    },
    'webhooks.update': async ({ id, ...body }) => {
      requireAdmin();
      return callServer(ctx, { method: 'PUT', path: one(id), body }, WebhookRpcContract['webhooks.update'].output);
    },
    'webhooks.remove': async ({ id }) => {
      requireAdmin();
      return callServer(ctx, { method: 'DELETE', path: one(id) }, WebhookRpcContract['webhooks.remove'].output);
    },
    'webhooks.deliveries': async ({ id }) => {
      requireAdmin();
      return callServer(ctx, { method: 'GET', path: `${one(id)}/deliveries` }, WebhookRpcContract['webhooks.deliveries'].output);
    },
  };
}
