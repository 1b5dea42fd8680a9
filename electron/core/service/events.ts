/** A small typed emitter for the events of `rpcEvents` (shared/contracts/rpc.ts). */
import type { RpcEventName, RpcEventPayload } from '../../../shared/contracts/rpc';

export type RpcEventListener = <E extends RpcEventName>(name: E, payload: RpcEventPayload<E>) => void;

export class RpcEventEmitter {
  private readonly listeners = new Set<RpcEventListener>();

  on(listener: RpcEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends RpcEventName>(name: E, payload: RpcEventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // One broken window must not stop the others from hearing about it.
      }
    }
  }
}
