/**
 * Web mode: serve the built renderer and the RPC over a WebSocket, for a browser on this machine.
 *
 * Who may connect: the server binds 127.0.0.1 only; `/rpc` additionally requires the secret made
 * at this start (32 random bytes, compared in constant time), an Origin equal to this host's own
 * origin (so no other web page can drive it), and a loopback remote address.
 *
 * Where the core runs: `coreWorker` starts it in a worker thread (workerCore.ts) that this host
 * owns and stops on close, so this process's event loop only serves HTTP and forwards frames;
 * `coreThread` takes over a thread the caller started; `core` serves an in-process core (tests, and
 * callers that manage the core themselves).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_PAYLOAD_BYTES } from '../../../shared/domain/limits';
import type { Core } from '../core';
import { attachRpc } from './transport';
import { startWorkerCore, type WorkerCore, type WorkerCoreOptions } from './workerCore';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' blob:; " +
  "connect-src 'self' ws://127.0.0.1:*; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface WebHost {
  /** http://127.0.0.1:PORT/?secret=… : what to open in the browser. */
  url: string;
  port: number;
  secret: string;
  /** The core's worker thread in `coreWorker` mode (null in-process); ended by `close`. */
  coreThread: Pick<WorkerCore, 'threadId' | 'running' | 'onCrash'> | null;
  close(): Promise<void>;
}

export type WebHostCore =
  | { core: Pick<Core, 'rpc'>; coreWorker?: undefined; coreThread?: undefined }
  | { core?: undefined; coreWorker: WorkerCoreOptions; coreThread?: undefined }
  /** A core thread already started (attachCoreThread); the host owns it from here and closes it. */
  | { core?: undefined; coreWorker?: undefined; coreThread: WorkerCore };

export type WebHostOptions = WebHostCore & {
  staticDir: string;
  /** Default 0 (any free port). */
  port?: number;
};

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

export function secretMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const worker =
    options.coreThread ?? (options.coreWorker ? await startWorkerCore(options.coreWorker) : null);
  const inProcess = options.core;
  const serve = (ws: WebSocket) => {
    if (worker) forwardRpc(ws, worker);
    else if (inProcess) serveRpc(ws, inProcess);
  };
  try {
    return await listen(options, serve, worker);
  } catch (error) {
    await worker?.close();
    throw error;
  }
}

async function listen(
  options: WebHostOptions,
  serve: (ws: WebSocket) => void,
  worker: WorkerCore | null,
): Promise<WebHost> {
  const secret = randomBytes(32).toString('hex');
  const assets = sirv(options.staticDir, {
    single: true,
    dev: false,
    etag: true,
    setHeaders: setSecurityHeaders,
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    assets(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  let origin = '';

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/rpc') return refuse(404, 'Not Found');
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return refuse(403, 'Forbidden');
    if (req.headers.origin !== origin) return refuse(403, 'Forbidden');
    if (!secretMatches(secret, url.searchParams.get('secret'))) return refuse(401, 'Unauthorized');
    if (worker && !worker.running()) return refuse(503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, serve);
  });

  // A crashed core answers nothing: drop the sockets so the pages show that they are disconnected.
  worker?.onCrash(() => {
    for (const client of wss.clients) client.terminate();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?secret=${secret}`,
    port,
    secret,
    coreThread: worker,
    close: async () => {
      await new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await worker?.close();
    },
  };
}

function serveRpc(ws: WebSocket, core: Pick<Core, 'rpc'>): void {
  const detach = attachRpc(core.rpc, {
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    },
    onMessage: (handler) => {
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (isBinary) return handler(null);
        let frame: unknown = null;
        try {
          frame = JSON.parse(data.toString());
        } catch {
          // Not JSON: handled as a malformed frame below.
        }
        handler(frame);
      });
    },
  });
  ws.on('close', detach);
  ws.on('error', () => ws.terminate());
}

/** Worker mode: move the socket's text frames to the core thread and back, unparsed. */
function forwardRpc(ws: WebSocket, worker: WorkerCore): void {
  const channel = worker.openChannel((text) => {
    if (ws.readyState === ws.OPEN) ws.send(text);
  });
  ws.on('message', (data: RawData, isBinary: boolean) => {
    // Binary frames are never RPC; the in-process path drops them too (no id to answer).
    if (!isBinary) channel.deliver(data.toString());
  });
  ws.on('close', () => channel.close());
  ws.on('error', () => ws.terminate());
}
