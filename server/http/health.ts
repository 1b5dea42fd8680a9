/**
 * GET /healthz: liveness for load balancers and the start script. A node whose Redis is away
 * is still healthy (it ingests and pokes its own sockets); `redis` says so for the operator.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { HealthResponseSchema } from '../../shared/contracts/http';
import type { RedisState } from '../realtime/redisBus';
import { SERVER_VERSION } from '../version';

export function registerHealthRoute(app: FastifyInstance, redisState: () => RedisState | null): void {
  app.get('/healthz', async (): Promise<z.infer<typeof HealthResponseSchema>> => {
    const redis = redisState();
    return { ok: true, version: SERVER_VERSION, ...(redis ? { redis } : {}) };
  });
}
