/**
 * Classifier versions, for admins (Bearer agent token; contract in shared/contracts/nluModels.ts):
 *   GET  /api/v1/admin/nlu/models                    → { models, activeVersion, newCorrections }
 *   POST /api/v1/admin/nlu/models/retrain            → 202 { model }  (the queued one; the same one again while it waits or trains)
 *   POST /api/v1/admin/nlu/models/:version/activate  → { model }      (a retired version: the rollback; 400 for any other)
 * The leader trains queued versions (jobs/nluRetraining.ts); every node picks up the active one
 * within its refresh (domain/nlu/activeModel.ts). The role is checked before anything else.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '../../shared/contracts/errors';
import type { NluModel, NluModelList } from '../../shared/contracts/nluModels';
import type { DomainContext } from '../domain/context';
import { activateModelVersion, listModelVersions, requestRetraining } from '../domain/nlu/modelVersions';
import { requireAdmin } from './access';

export const NLU_MODELS_PATH = '/api/v1/admin/nlu/models';
const Params = z.object({ version: z.coerce.number().int().positive().max(1_000_000_000) });
/** Retraining takes no input: `{}` (or no body), anything else is a 400. */
const NoInput = z.object({}).strict();

const admin = (ctx: DomainContext, request: FastifyRequest) => requireAdmin(ctx, request, 'only admins manage classifier versions');

export interface NluModelRouteHooks {
  /** A retraining was queued: the leader may start at once. */
  queued: () => void;
  /** A version was made active by hand: this node loads it now. */
  activated: () => void;
}

export function registerNluModelRoutes(app: FastifyInstance, ctx: DomainContext, hooks: NluModelRouteHooks): void {
  app.get(NLU_MODELS_PATH, async (request): Promise<NluModelList> => {
    await admin(ctx, request);
    return listModelVersions(ctx);
  });

  app.post(`${NLU_MODELS_PATH}/retrain`, async (request, reply) => {
    const agent = await admin(ctx, request);
    parseOrThrow(NoInput, request.body === undefined ? {} : request.body, 'retraining request');
    const model: NluModel = await requestRetraining(ctx, agent);
    hooks.queued();
    return reply.code(202).send({ model });
  });

  app.post(`${NLU_MODELS_PATH}/:version/activate`, async (request): Promise<{ model: NluModel }> => {
    const agent = await admin(ctx, request);
    const { version } = parseOrThrow(Params, request.params, 'model version');
    const model = await activateModelVersion(ctx, agent, version);
    hooks.activated();
    return { model };
  });
}
