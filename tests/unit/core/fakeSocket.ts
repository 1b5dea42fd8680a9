/** A scripted stand-in for socket.io-client: tests answer each emitted request by hand. */
import { SyncClient, type SyncClientOptions, type SyncSocket } from '../../../electron/core/sync/client';
import type { Db } from '../../../electron/core/db/database';

export interface SentRequest {
  event: string;
  payload: unknown;
  reply(ack: unknown): void;
  fail(error: Error): void;
}

export class FakeSocket implements SyncSocket {
  connected = false;
  readonly requests: SentRequest[] = [];
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  private waiters: (() => void)[] = [];

  on(event: string, listener: (...args: never[]) => void): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (...args: unknown[]) => void);
    this.listeners.set(event, list);
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: (event: string, payload: unknown) =>
        new Promise<unknown>((resolve, reject) => {
          this.requests.push({ event, payload, reply: resolve, fail: reject });
          for (const wake of this.waiters.splice(0)) wake();
        }),
    };
  }

  connect(): this {
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }

  /** Simulate the server accepting the connection. */
  serverConnect(): void {
    this.connected = true;
    this.fire('connect');
  }

  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  /** Wait for the next request (the first one not yet taken), in order. */
  async next(event?: string): Promise<SentRequest> {
    for (;;) {
      const index = this.requests.findIndex(
        (r) => !(r as { taken?: boolean }).taken && (!event || r.event === event),
      );
      if (index >= 0) {
        const request = this.requests[index]!;
        (request as { taken?: boolean }).taken = true;
        return request;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  pendingCount(event?: string): number {
    return this.requests.filter((r) => !(r as { taken?: boolean }).taken && (!event || r.event === event))
      .length;
  }
}

/** Let queued promise callbacks and setImmediate tasks run. */
export const settle = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** A started SyncClient on `db` over a FakeSocket; listeners default to no-ops. */
export function startSyncClient(
  db: Db,
  listeners: Partial<SyncClientOptions> = {},
): { socket: FakeSocket; client: SyncClient } {
  const socket = new FakeSocket();
  const client = new SyncClient({
    db,
    serverUrl: 'http://127.0.0.1:1',
    token: 't',
    createSocket: () => socket,
    retryDelayMs: 60_000,
    onApplied: () => {},
    onRejected: () => {},
    onStatus: () => {},
    onSessionEnded: () => {},
    ...listeners,
  });
  client.start();
  return { socket, client };
}
