/**
 * The Redis connections of the Socket.IO adapter (@socket.io/redis-adapter over node-redis): a
 * publisher and its duplicate() subscriber. Redis joins nodes; it is never on the write path,
 * so a Redis outage must cost other nodes' clients latency, never this node its ingest:
 *
 * - The adapter publishes fire-and-forget and drops the promise. A publish in flight when Redis
 *   dies rejects, and an unheard rejection ends a Node process: every publish is heard here
 *   (`guardPublishes`), counted, and logged once per outage.
 * - The publisher keeps no offline queue: while Redis is away a publish fails at once instead of
 *   piling up and replaying stale pokes later (to subscribers that may not be back yet), and
 *   the adapter's local broadcast, which follows the publish, still reaches this node's sockets.
 * - What other nodes missed is made good by pull: when a connection is ready again after an
 *   outage, `onRestored` tells the caller which side came back (the subscriber's resubscription
 *   completes before node-redis says ready), and realtime/io.ts nudges clients to compare
 *   cursors with the change log's head.
 * - Both connections retry every 50 ms more per attempt, at most every 500 ms (node-redis'
 *   default backs off to 2 s): a blink of Redis costs other nodes' clients about half a second
 *   of pokes, not two.
 * - `state()` says whether both connections are ready (GET /healthz reports it).
 */
import { createClient } from 'redis';

/** What the outage watch needs of a client (the duplicate's type differs in its generics). */
interface Watched {
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

export type RedisSide = 'pub' | 'sub';

/** Both connections ready, or at least one away. */
export type RedisState = 'up' | 'down';

/** Milliseconds before reconnect attempt `retries` (0-based): 50, 100, … at most 500. */
export function reconnectDelayMs(retries: number): number {
  return Math.min((retries + 1) * 50, RECONNECT_MAX_MS);
}
const RECONNECT_MAX_MS = 500;

export interface RedisBus {
  /** Publisher and subscriber, for createAdapter() only (node-redis' generics do not survive duplicate()). */
  pub: object;
  sub: object;
  /** Publishes that failed (Redis away) since start. */
  lostPublishes(): number;
  state(): RedisState;
  close(): Promise<void>;
}

export interface RedisBusOptions {
  /** A side is connected and ready again after it had failed. */
  onRestored?: (side: RedisSide) => void;
  log?: (message: string) => void;
}

export async function openRedisBus(url: string, options: RedisBusOptions = {}): Promise<RedisBus> {
  const log = options.log ?? ((message: string) => console.error(`[server] ${message}`));
  const base = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: reconnectDelayMs } });
  const sub = base.duplicate({ disableOfflineQueue: false });
  let lost = 0;
  let lostThisOutage = 0;
  const away = new Set<RedisSide>(['pub', 'sub']);

  const watch = (client: Watched, side: RedisSide) => {
    let down = false;
    client.on('error', (error: unknown) => {
      if (!down)
        log(`redis (${side}) unavailable: ${error instanceof Error ? error.message : String(error)}`);
      down = true;
      away.add(side);
    });
    client.on('ready', () => {
      away.delete(side);
      if (!down) return;
      down = false;
      if (side === 'pub' && lostThisOutage > 0)
        log(`redis (pub) back; ${lostThisOutage} publishes were lost meanwhile`);
      if (side === 'pub') lostThisOutage = 0;
      options.onRestored?.(side);
    });
  };
  watch(base, 'pub');
  watch(sub, 'sub');

  const pub = guardPublishes(base, () => {
    lost++;
    lostThisOutage++;
  });
  await Promise.all([base.connect(), sub.connect()]);
  return {
    pub,
    sub,
    lostPublishes: () => lost,
    state: () => (away.size === 0 ? 'up' : 'down'),
    async close() {
      await Promise.allSettled([base.quit(), sub.quit()]);
    },
  };
}

/**
 * The same client, except that `publish` never leaves a rejected promise unheard. Every other
 * member is the client's own, bound to it (node-redis keeps private fields a proxy cannot reach).
 */
export function guardPublishes<C extends { publish: (...args: never[]) => Promise<unknown> }>(
  client: C,
  onLost: (error: unknown) => void,
): C {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'publish') {
        return (...args: Parameters<C['publish']>) => {
          const published = target.publish(...args).catch((error: unknown) => {
            onLost(error);
            return 0;
          });
          return published;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
