/**
 * connectors.* and widgetChannels.*: the Admin screen's Channels tab, proxied to
 * /api/v1/admin/connectors and /api/v1/admin/widget-channels with the session token (admins only;
 * the server refuses anyone else too). Nothing is cached: these calls need a connection.
 */
import { ConnectorRpcContract } from '../../../shared/contracts/connectors';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { CoreContext } from './context';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

export function connectorHandlers(ctx: CoreContext): HandlersOf<keyof typeof ConnectorRpcContract> {
  const requireAdmin = () => {
    if (ctx.viewer().role !== 'admin') throw new SwitchboardError('forbidden', 'Only admins manage channels.');
  };
  return {
    'connectors.list': async () => {
      requireAdmin();
      return callServer(ctx, { method: 'GET', path: '/api/v1/admin/connectors' }, ConnectorRpcContract['connectors.list'].output);
    },
    'widgetChannels.list': async () => {
      requireAdmin();
      return callServer(ctx, { method: 'GET', path: '/api/v1/admin/widget-channels' }, ConnectorRpcContract['widgetChannels.list'].output);
    },
    'widgetChannels.create': async (body) => {
      requireAdmin();
      return callServer(ctx, { method: 'POST', path: '/api/v1/admin/widget-channels', body }, ConnectorRpcContract['widgetChannels.create'].output);
    },
  };
}
