/**
 * Serves the RPC frames of shared/contracts/rpcTransport.ts over any duplex: a MessagePort in the
 * desktop app, a WebSocket in web mode. Every incoming frame is validated; a malformed frame with a
 * usable id gets an error response, anything else is dropped. Nothing a peer sends can crash the core.
 */
import { RpcRequestFrameSchema, type RpcServerFrame } from '../../../shared/contracts/rpcTransport';
import type { RpcService } from '../service';

export interface RpcDuplex {
  send(frame: RpcServerFrame): void;
  /** Register the incoming-message handler; may return an unsubscribe function. */
  onMessage(handler: (data: unknown) => void): void | (() => void);
}

/** Attach the service to a duplex; returns `detach` (stops events and request handling). */
export function attachRpc(service: RpcService, duplex: RpcDuplex): () => void {
  let attached = true;
  const send = (frame: RpcServerFrame) => {
    if (!attached) return;
    try {
      duplex.send(frame);
    } catch {
      // The peer went away mid-reply; nothing to tell it.
    }
  };
  const stopEvents = service.on((name, payload) => send({ type: 'event', name, payload }));
  const stopMessages = duplex.onMessage((data) => {
    if (!attached) return;
    const parsed = RpcRequestFrameSchema.safeParse(data);
    if (!parsed.success) {
      const id = frameId(data);
      if (id !== null) {
        send({
          type: 'response',
          id,
          ok: false,
          error: { code: 'invalid', message: 'Malformed request frame.' },
        });
      }
      return;
    }
    const { id, method, params } = parsed.data;
    void service
      .handle(method, params)
      .then((response) =>
        send(
          response.ok
            ? { type: 'response', id, ok: true, result: response.result }
            : { type: 'response', id, ok: false, error: response.error },
        ),
      );
  });
  return () => {
    attached = false;
    stopEvents();
    if (typeof stopMessages === 'function') stopMessages();
  };
}

function frameId(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const id = (data as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
