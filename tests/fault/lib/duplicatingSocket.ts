/**
 * A socket seam for the core (CoreOptions.createSocket) that duplicates deliveries both ways:
 * every poke the server sends is handed to the core twice, the second copy 0-40 ms later (so
 * it can arrive after newer pokes), and every push batch is sent twice, the answer taken from
 * the second copy (what a client sees when its first ack was lost and it resent the batch).
 */
import { defaultSocketFactory, type SocketFactory, type SyncSocket } from '../../../electron/core/sync/client';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';

export interface DuplicationStats {
  pokesRedelivered: number;
  pushesResent: number;
}

export function duplicatingSocketFactory(stats: DuplicationStats, inner: SocketFactory = defaultSocketFactory): SocketFactory {
  return (serverUrl, token) => {
    const socket = inner(serverUrl, token);
    const wrapped: SyncSocket = {
      get connected() {
        return socket.connected;
      },
      on(event, listener) {
        if (event !== SOCKET_EVENTS.poke) return socket.on(event, listener);
        const deliver = listener as (...args: unknown[]) => void;
        return socket.on(event, ((...args: unknown[]) => {
          deliver(...args);
          setTimeout(() => {
            stats.pokesRedelivered++;
            deliver(...args);
          }, Math.floor(Math.random() * 40));
        }) as (...args: never[]) => void);
      },
      timeout(ms) {
        const timed = socket.timeout(ms);
        return {
          async emitWithAck(event, payload) {
            if (event !== SOCKET_EVENTS.push) return timed.emitWithAck(event, payload);
            const first = timed.emitWithAck(event, payload);
            stats.pushesResent++;
            const second = socket.timeout(ms).emitWithAck(event, payload);
            await first.catch(() => undefined);
            return second;
          },
        };
      },
      connect: () => socket.connect(),
      disconnect: () => socket.disconnect(),
    };
    return wrapped;
  };
}
