/**
 * An RPC client transport over a MessagePort that arrives later: frames sent before the port
 * arrives are queued and flushed in order.
 */
import type { RpcClientTransport, RpcRequestFrame, RpcServerFrame } from '../../shared/contracts/rpcTransport';

export interface PortLike {
  postMessage(message: unknown): void;
  /** Start delivery and call `listener` with each message's data. */
  listen(listener: (data: unknown) => void): void;
}

export function createPortTransport(
  requestPort: (onPort: (port: PortLike) => void) => void,
  parseFrame: (data: unknown) => RpcServerFrame | null,
): RpcClientTransport {
  let port: PortLike | null = null;
  const queue: RpcRequestFrame[] = [];
  let handler: ((frame: RpcServerFrame) => void) | null = null;

  requestPort((received) => {
    port = received;
    received.listen((data) => {
      const frame = parseFrame(data);
      if (frame && handler) handler(frame);
    });
    for (const frame of queue.splice(0)) received.postMessage(frame);
  });

  return {
    send(frame) {
      if (port) port.postMessage(frame);
      else queue.push(frame);
    },
    onFrame(next) {
      handler = next;
    },
  };
}
