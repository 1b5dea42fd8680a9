/** Handler map types, derived from the RPC contract so a missing or mistyped handler fails tsc. */
import type { z } from 'zod';
import type { RpcContract, RpcMethod, RpcOutput } from '../../../shared/contracts/rpc';

export type RpcHandler<M extends RpcMethod> = (
  input: z.infer<RpcContract[M]['input']>,
) => Promise<RpcOutput<M>>;
export type RpcHandlers = { [M in RpcMethod]: RpcHandler<M> };
export type HandlersOf<K extends RpcMethod> = Pick<RpcHandlers, K>;
