/**
 * Payload size on the socket. The transport itself cuts a connection whose frame exceeds its
 * buffer (engine.io `maxHttpBufferSize`), which a client can only read as a network failure. So
 * the transport accepts frames up to SOCKET_FRAME_LIMIT_BYTES, and this guard answers any event
 * whose arguments exceed MAX_PAYLOAD_BYTES with a typed `too_large` error, before a handler
 * runs, keeping the connection. Only frames beyond the transport limit still close it.
 */
import type { Socket } from 'socket.io';
import { type Ack } from '../../shared/contracts/socket';
import { MAX_PAYLOAD_BYTES } from '../../shared/domain/limits';

/** The transport's frame limit: room for a payload over the limit to be answered, not cut. */
export const SOCKET_FRAME_LIMIT_BYTES = 4 * MAX_PAYLOAD_BYTES;

/** Serialized size of an event's arguments (binary attachments by their byte length). */
export function payloadBytes(args: readonly unknown[]): number {
  let binary = 0;
  const json = JSON.stringify(args, (_key, value: unknown) => {
    if (typeof value === 'function') return undefined;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      binary += value.byteLength;
      return 0;
    }
    return value;
  });
  return Buffer.byteLength(json ?? '', 'utf8') + binary;
}

export function guardPayloadSize(socket: Socket, limit = MAX_PAYLOAD_BYTES): void {
  socket.use((packet, next) => {
    const [event, ...args] = packet as [string, ...unknown[]];
    if (payloadBytes(args) <= limit) return next();
    const ack = args[args.length - 1];
    if (typeof ack === 'function') {
      (ack as (response: Ack<never>) => void)({
        ok: false,
        error: { code: 'too_large', message: `${String(event).slice(0, 100)}: the payload is larger than ${limit} bytes` },
      });
    }
    // Not passed on: no handler sees it, nothing is stored.
  });
}
