/**
 * The RPC service the UI calls: one handler map, merged from the domain files and typed from
 * `rpcContract`. `handle` is the trust edge: unknown methods and invalid params become typed
 * errors, and no exception escapes as anything but `{ ok: false, error: { code, message } }`.
 *
 * May import: shared/, ../db, ../sync. Never `electron`.
 */
import { SwitchboardError, parseOrThrow, type ErrorBody } from '../../../shared/contracts/errors';
import { rpcContract, type RpcMethod } from '../../../shared/contracts/rpc';
import type { CoreContext } from './context';
import { adminHandlers } from './admin';
import { cannedHandlers } from './canned';
import { presenceHandlers } from './presence';
import { alertHandlers } from './alerts';
import { qaHandlers } from './qa';
import { qaSamplingHandlers } from './qaSampling';
import { kpiReportHandlers } from './kpiReport';
import { recordingHandlers } from './recordings';
import { qaReportHandlers } from './qaReport';
import { collisionHandlers } from './collision';
import { conversationHandlers } from './conversation';
import { desktopHandlers } from './desktop';
import { webhookHandlers } from './webhooks';
import { nluModelHandlers } from './nluModels';
import { connectorHandlers } from './connectors';
import { insightHandlers } from './insight';
import { directoryHandlers } from './directory';
import type { RpcEventListener } from './events';
import { inboxHandlers } from './inbox';
import { sessionHandlers } from './session';
import { syncHandlers } from './sync';
import type { RpcHandlers } from './types';

export type RpcResponse = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

export interface RpcService {
  handle(method: string, params: unknown): Promise<RpcResponse>;
  /** Subscribe to rpcEvents; returns the unsubscribe function. */
  on(listener: RpcEventListener): () => void;
}

export function createRpcService(ctx: CoreContext): RpcService {
  const handlers: RpcHandlers = {
    ...sessionHandlers(ctx),
    ...syncHandlers(ctx),
    ...directoryHandlers(ctx),
    ...inboxHandlers(ctx),
    ...conversationHandlers(ctx),
    ...cannedHandlers(ctx),
    ...presenceHandlers(ctx),
    ...adminHandlers(ctx),
    ...alertHandlers(ctx),
    ...collisionHandlers(ctx),
    ...qaHandlers(ctx),
    ...qaSamplingHandlers(ctx),
    ...qaReportHandlers(ctx),
    ...kpiReportHandlers(ctx),
    ...recordingHandlers(ctx),
    ...desktopHandlers(ctx),
    ...webhookHandlers(ctx),
    ...nluModelHandlers(ctx),
    ...connectorHandlers(ctx),
    ...insightHandlers(ctx),
  };
  return {
    async handle(method, params) {
      try {
        if (!Object.hasOwn(rpcContract, method))
          throw new SwitchboardError('invalid', `Unknown method: ${method}`);
        const name = method as RpcMethod;
        const input = parseOrThrow(rpcContract[name].input as never, params, name);
        const handler = handlers[name] as (input: unknown) => Promise<unknown>;
        return { ok: true, result: await handler(input) };
      } catch (error) {
        return { ok: false, error: toErrorBody(error) };
      }
    },
    on: (listener) => ctx.events.on(listener),
  };
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof SwitchboardError) return error.toBody();
  return { code: 'internal', message: error instanceof Error ? error.message : 'Unexpected error.' };
}
