/**
 * The Socket.IO adapter's Redis connections against a real redis-server that is killed and
 * started again on the same port: the bus says when it is down and when both connections are
 * ready again, counts the publishes it could not make meanwhile, and carries subscriptions
 * again once it says so (what GET /healthz reports as `redis`).
 */
import type { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisBus, reconnectDelayMs, type RedisBus, type RedisSide } from '../../../server/realtime/redisBus';
import { redisUnavailable, startPrivateRedis, type PrivateRedis } from '../../fault/lib/privateRedis';
import { until } from '../../fault/lib/util';

describe('reconnectDelayMs', () => {
  it('backs off by 50 ms per attempt and never waits more than half a second', () => {
    expect([0, 1, 2, 8, 9, 10, 1000].map(reconnectDelayMs)).toEqual([50, 100, 150, 450, 500, 500, 500]);
  });
});

describe.skipIf(redisUnavailable() !== null)('the Redis bus across a Redis restart', () => {
  let redis: PrivateRedis;
  let bus: RedisBus;
  const restored: RedisSide[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    bus = await openRedisBus(redis.url, { onRestored: (side) => restored.push(side), log: (m) => logged.push(m) });
  });
  afterAll(async () => {
    await bus?.close();
    await redis?.stop();
  });

  it('is down while Redis is away, counts lost publishes, and carries subscriptions once it says up', async () => {
    expect(bus.state()).toBe('up');
    const pub = bus.pub as ReturnType<typeof createClient>;
    const sub = bus.sub as ReturnType<typeof createClient>;
    const heard: string[] = [];
    await sub.subscribe('switchboard-test', (message) => heard.push(message));

    await redis.down();
    await until(() => bus.state(), (state) => state === 'down', 'the bus to notice Redis is gone', 5_000);
    // While Redis is away a publish fails at once (no offline queue) and is counted, never thrown.
    await pub.publish('switchboard-test', 'during');
    expect(bus.lostPublishes()).toBeGreaterThanOrEqual(1);

    await redis.up();
    await until(() => bus.state(), (state) => state === 'up', 'both connections ready again', 5_000);
    expect(new Set(restored)).toEqual(new Set(['pub', 'sub']));
    expect(logged.some((line) => line.startsWith('redis (pub) back;'))).toBe(true);

    await pub.publish('switchboard-test', 'after');
    await until(() => heard, (h) => h.includes('after'), 'the resubscribed channel to hear a publish', 2_000);
    expect(heard).toEqual(['after']);
  });
});
