/**
 * nluModels.*: the Admin screen's classifier versions, proxied to /api/v1/admin/nlu/models with
 * the session token (admins only; the server refuses anyone else too). Nothing is cached: the
 * versions live on the server, so these calls need a connection.
 */
import { SwitchboardError } from '../../../shared/contracts/errors';
import { NluModelRpcContract } from '../../../shared/contracts/nluModels';
import type { CoreContext } from './context';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

const PATH = '/api/v1/admin/nlu/models';

export function nluModelHandlers(ctx: CoreContext): HandlersOf<keyof typeof NluModelRpcContract> {
  const requireAdmin = () => {
    if (ctx.viewer().role !== 'admin') throw new SwitchboardError('forbidden', 'Only admins manage classifier versions.');
  };
  return {
    'nluModels.list': async () => {
      requireAdmin();
      return callServer(ctx, { method: 'GET', path: PATH }, NluModelRpcContract['nluModels.list'].output);
    },
    'nluModels.retrain': async () => {
      requireAdmin();
      return callServer(ctx, { method: 'POST', path: `${PATH}/retrain`, body: {} }, NluModelRpcContract['nluModels.retrain'].output);
    },
    'nluModels.activate': async ({ version }) => {
      requireAdmin();
      return callServer(ctx, { method: 'POST', path: `${PATH}/${version}/activate`, body: {} }, NluModelRpcContract['nluModels.activate'].output);
    },
  };
}
