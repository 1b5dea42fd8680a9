/**
 * A TCP proxy the test controls, on 127.0.0.1, between a workstation core and a server node.
 * `cut()` resets every open connection and refuses new ones (accepted, then destroyed at once,
 * as a dead link or a firewall RST would) until `restore()`. Counts what it did, so a test can
 * prove the fault really happened.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  url: string;
  port: number;
  cut(): void;
  restore(): void;
  stats(): { connections: number; refused: number; reset: number };
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let down = false;
  const stats = { connections: 0, refused: 0, reset: 0 };

  const server: Server = createServer((client) => {
    if (down) {
      stats.refused++;
      client.resetAndDestroy();
      return;
    }
    stats.connections++;
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cut() {
      down = true;
      for (const [client, upstream] of pairs) {
        stats.reset++;
        client.resetAndDestroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    restore() {
      down = false;
    },
    stats: () => ({ ...stats }),
    close() {
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream.destroy();
      }
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
