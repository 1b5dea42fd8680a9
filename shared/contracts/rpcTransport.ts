/**
 * Frames that carry the RPC contract over a MessagePort (desktop) or a WebSocket (web mode). The
 * two transports carry exactly these messages; nothing else differs between them.
 */
import { z } from 'zod';
import { ErrorBodySchema, type ErrorBody } from './errors';
import type { RpcEventName, RpcEventPayload, RpcInput, RpcMethod, RpcOutput } from './rpc';
import { RPC_METHODS } from './rpc';

export const RpcRequestFrameSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  params: z.unknown(),
});
export type RpcRequestFrame = z.infer<typeof RpcRequestFrameSchema>;

export type RpcResponseFrame =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: ErrorBody };
export type RpcEventFrame = { type: 'event'; name: RpcEventName; payload: unknown };
export type RpcServerFrame = RpcResponseFrame | RpcEventFrame;

export const RpcServerFrameSchema = z.union([
  z.object({ type: z.literal('response'), id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('response'), id: z.number(), ok: z.literal(false), error: ErrorBodySchema }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);

type Namespace<M> = M extends `${infer NS}.${string}` ? NS : never;
type FnName<M, NS extends string> = M extends `${NS}.${infer F}` ? F : never;

/** `window.switchboard`: one method per call (`switchboard.inbox.list(query)`), plus `on`. */
export type SwitchboardApi = {
  [NS in Namespace<RpcMethod>]: {
    [F in FnName<RpcMethod, NS>]: (
      params: RpcInput<`${NS}.${F}` & RpcMethod>,
    ) => Promise<RpcOutput<`${NS}.${F}` & RpcMethod>>;
  };
} & {
  on<E extends RpcEventName>(event: E, listener: (payload: RpcEventPayload<E>) => void): () => void;
};

/** The error a facade call rejects with; `code` is one of ERROR_CODES. */
export class RpcCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RpcCallError';
  }
}

export interface RpcClientTransport {
  send(frame: RpcRequestFrame): void;
  /** Register the single frame handler; returns nothing, frames arrive until the transport closes. */
  onFrame(handler: (frame: RpcServerFrame) => void): void;
}

/**
 * Build the typed facade over any transport. Used by the preload script and the web shim, so the
 * two expose exactly the same object.
 */
export function createSwitchboardApi(transport: RpcClientTransport): SwitchboardApi {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  transport.onFrame((frame) => {
    if (frame.type === 'event') {
      for (const listener of listeners.get(frame.name) ?? []) listener(frame.payload);
      return;
    }
    const call = waiting.get(frame.id);
    if (!call) return;
    waiting.delete(frame.id);
    if (frame.ok) call.resolve(frame.result);
    else call.reject(new RpcCallError(frame.error.code, frame.error.message));
  });

  const api: Record<string, unknown> = {
    on(event: string, listener: (payload: unknown) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const method of RPC_METHODS) {
    // Split at the first dot only, as the type does: `admin.slaPolicies.get` is `api.admin['slaPolicies.get']`.
    const dot = method.indexOf('.');
    const [ns, fn] = [method.slice(0, dot), method.slice(dot + 1)];
    const group = (api[ns] ??= {}) as Record<string, unknown>;
    group[fn] = (params: unknown) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        transport.send({ type: 'request', id, method, params: params ?? {} });
      });
  }
  return api as SwitchboardApi;
}
