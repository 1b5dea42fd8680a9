/**
 * A WebSocket carrying the RPC frames of shared/contracts/rpcTransport.ts (web mode).
 *
 * Invariants:
 * - Request frames sent while the socket is not open are queued and flushed, in order, on open.
 * - When a socket closes, every call that has not been answered (sent or still queued) is
 *   answered locally with an `offline` error, so no promise waits forever; then the transport
 *   reconnects with capped exponential backoff.
 * - After a reconnect the core may have changed anything, so a synthetic `data.changed` event
 *   (everything changed) tells the UI to reload its views.
 * - Server frames are validated with RpcServerFrameSchema; anything else is dropped.
 */
import {
  RpcServerFrameSchema,
  type RpcClientTransport,
  type RpcRequestFrame,
  type RpcServerFrame,
} from '../../../shared/contracts/rpcTransport';

const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 10_000;
/** WebSocket.OPEN, spelled out so the module also loads where no global WebSocket exists (tests). */
const OPEN = 1;

export interface WsTransport extends RpcClientTransport {
  close(): void;
}

/** The part of a WebSocket the transport uses (a test can pass a fake). */
export type SocketLike = Pick<WebSocket, 'readyState' | 'send' | 'close' | 'addEventListener'>;

export function createWsTransport(url: string, socketFactory: (url: string) => SocketLike = (u) => new WebSocket(u)): WsTransport {
  let socket: SocketLike | null = null;
  let handler: ((frame: RpcServerFrame) => void) | null = null;
  let queue: RpcRequestFrame[] = [];
  /** Ids sent on the current socket and not answered yet. */
  const inFlight = new Set<number>();
  let attempt = 0;
  let everOpened = false;
  let closedByUser = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const deliver = (frame: RpcServerFrame) => handler?.(frame);

  const failOutstanding = () => {
    const ids = [...inFlight, ...queue.map((frame) => frame.id)];
    inFlight.clear();
    queue = [];
    for (const id of ids) {
      deliver({
        type: 'response',
        id,
        ok: false,
        error: { code: 'offline', message: 'The connection to the workstation core was lost.' },
      });
    }
  };

  const connect = () => {
    const current = socketFactory(url);
    socket = current;
    current.addEventListener('open', () => {
      if (socket !== current) return;
      const reconnected = everOpened;
      everOpened = true;
      attempt = 0;
      const pending = queue;
      queue = [];
      for (const frame of pending) {
        inFlight.add(frame.id);
        current.send(JSON.stringify(frame));
      }
      if (reconnected) {
        deliver({ type: 'event', name: 'data.changed', payload: { conversationIds: [], inbox: true, directory: true } });
      }
    });
    current.addEventListener('message', (event: MessageEvent) => {
      if (socket !== current || typeof event.data !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = RpcServerFrameSchema.safeParse(raw);
      if (!parsed.success) return;
      const frame = parsed.data as RpcServerFrame;
      if (frame.type === 'response') inFlight.delete(frame.id);
      deliver(frame);
    });
    current.addEventListener('close', () => {
      if (socket !== current) return;
      socket = null;
      failOutstanding();
      if (closedByUser) return;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
      attempt += 1;
      retryTimer = setTimeout(connect, delay);
    });
  };

  connect();

  return {
    send(frame) {
      if (closedByUser) {
        deliver({ type: 'response', id: frame.id, ok: false, error: { code: 'offline', message: 'The connection is closed.' } });
        return;
      }
      if (socket && socket.readyState === OPEN) {
        inFlight.add(frame.id);
        socket.send(JSON.stringify(frame));
      } else {
        queue.push(frame);
      }
    },
    onFrame(next) {
      handler = next;
    },
    close() {
      closedByUser = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = socket;
      socket = null;
      failOutstanding();
      current?.close();
    },
  };
}
