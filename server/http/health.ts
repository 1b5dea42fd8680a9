/** GET /healthz: liveness for load balancers and the start script. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { HealthResponseSchema } from '../../shared/contracts/http';
import { SERVER_VERSION } from '../version';

export function registerHealthRoute(app: FastifyInstance): void {
  app.get('/healthz', async (): Promise<z.infer<typeof HealthResponseSchema>> => ({
    ok: true,
    version: SERVER_VERSION,
  }));
}
