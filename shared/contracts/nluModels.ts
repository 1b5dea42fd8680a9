/**
 * Versions of the message classifier (server/domain/nlu/retraining.ts): what the Admin screen's
 * Models tab shows and asks for. A version is trained from the shipped data plus agents'
 * corrections, scored on the held-apart evaluation set, and promoted only if no headline figure
 * is worse than the active version's; an admin can make an earlier version active again.
 *
 *   GET  /api/v1/admin/nlu/models                    → { models, activeVersion, newCorrections }
 *   POST /api/v1/admin/nlu/models/retrain            → 202 { model }   (409 conflict while one is queued or training)
 *   POST /api/v1/admin/nlu/models/:version/activate  → { model }       (a retired version: the rollback)
 */
import { z } from 'zod';

export const NLU_MODEL_STATUSES = ['queued', 'training', 'active', 'retired', 'rejected', 'failed'] as const;
export const NluModelStatusSchema = z.enum(NLU_MODEL_STATUSES);
export type NluModelStatus = z.infer<typeof NluModelStatusSchema>;

const Share = z.number().min(0).max(1);
/** Accuracy of the best guess, share answered (not unsure), accuracy of the answered ones. */
const AnsweredFigures = z.object({ accuracy: Share, coverage: Share, answeredAccuracy: Share });

/** A model's figures on the held-apart evaluation set. */
export const ModelFiguresSchema = z.object({
  messages: z.number().int().nonnegative(),
  issueType: AnsweredFigures,
  team: z.object({ accuracy: Share }),
  sentiment: AnsweredFigures,
});
export type ModelFigures = z.infer<typeof ModelFiguresSchema>;

export const NluModelSchema = z.object({
  version: z.number().int().positive(),
  status: NluModelStatusSchema,
  /** Agents' corrections trained on, beside the shipped examples (0: the shipped model). */
  corrections: z.number().int().nonnegative(),
  trainingSize: z.number().int().nonnegative().nullable(),
  trainingMs: z.number().int().nonnegative().nullable(),
  figures: ModelFiguresSchema.nullable(),
  /** The active version its figures were compared with. */
  comparedWith: z.number().int().positive().nullable(),
  decision: z.string().nullable(),
  /** Who asked for it; null: the schedule. */
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  trainedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  /** null: promoted by the retraining job; otherwise the admin who made it active. */
  activatedBy: z.string().nullable(),
});
export type NluModel = z.infer<typeof NluModelSchema>;

export const NluModelListSchema = z.object({
  /** Newest first, at most 50. */
  models: z.array(NluModelSchema),
  /** null: no retraining has run yet, the shipped model classifies. */
  activeVersion: z.number().int().positive().nullable(),
  /** Corrections made since the active version was trained. */
  newCorrections: z.number().int().nonnegative(),
});
export type NluModelList = z.infer<typeof NluModelListSchema>;

const Version = z.number().int().positive().max(1_000_000_000);

/** The Admin screen's calls, proxied by the core to /api/v1/admin/nlu/models (admins only). */
export const NluModelRpcContract = {
  'nluModels.list': { input: z.object({}).strict(), output: NluModelListSchema },
  'nluModels.retrain': { input: z.object({}).strict(), output: z.object({ model: NluModelSchema }) },
  'nluModels.activate': { input: z.object({ version: Version }).strict(), output: z.object({ model: NluModelSchema }) },
} as const;
