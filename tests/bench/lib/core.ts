/**
 * A workstation core opened on a cache directory with the session restored but no server: its
 * socket is inert (never connects), so the figure measures the cache and the RPC service alone.
 */
import { createCore, type Core } from '../../../electron/core/core';
import type { SocketFactory, SyncSocket } from '../../../electron/core/sync/client';
import type { RpcInput, RpcMethod, RpcOutput } from '../../../shared/contracts/rpc';
import { FIXTURE_SERVER_URL } from './fixture';

const inertSocket: SocketFactory = (): SyncSocket => ({
  connected: false,
  on: () => undefined,
  timeout: () => ({ emitWithAck: () => new Promise(() => undefined) }),
  connect: () => undefined,
  disconnect: () => undefined,
});

export interface BenchCore {
  core: Core;
  call<M extends RpcMethod>(method: M, params: RpcInput<M>): Promise<RpcOutput<M>>;
}

export function rpcCaller(core: Core): BenchCore['call'] {
  return async (method, params) => {
    const response = await core.rpc.handle(method, params);
    if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
    return response.result as never;
  };
}

export function openOfflineCore(dataDir: string): BenchCore {
  const core = createCore({ dataDir, serverUrl: FIXTURE_SERVER_URL, createSocket: inertSocket });
  core.setToken('bench-offline-session');
  return { core, call: rpcCaller(core) };
}
