/**
 * Classifier versions: asking for a retraining, running one (the leader's job calls
 * `runQueuedRetraining`), and making a version active (the promotion, or an admin's rollback).
 *
 * A version is the shipped data plus every correction made before its training started (ids kept
 * in order, so any node trains the same model again). Version 1 is the shipped model itself,
 * recorded and measured the first time anything is retrained. A candidate is measured on the
 * held-apart evaluation set and promoted only if no headline figure falls below the active
 * version's (retraining.ts `decidePromotion`); otherwise it is kept as `rejected` with the reason.
 * Exactly one version is `active` once version 1 exists; every node loads it (activeModel.ts).
 */
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { NluModel } from '../../../shared/contracts/nluModels';
import type { Agent } from '../../../shared/domain/model';
import { writeTransaction } from '../../db/database';
import {
  activeNluModel,
  allNluCorrections,
  countNluCorrections,
  getNluModel,
  insertNluModel,
  listNluModels,
  nextNluModelVersion,
  nluCorrectionsByIds,
  nluModelFromRow,
  nluModelsIn,
  updateNluModel,
} from '../../db/queries/nluModels';
import type { NluModelsTable } from '../../db/schemaNlu';
import type { DomainContext } from '../context';
import type { ModelTrainer } from './modelTrainer';
import { decidePromotion, type TrainedCandidate } from './retraining';

export const SHIPPED_VERSION = 1;
const ERROR_MAX_CHARS = 300;

export async function listModelVersions(ctx: DomainContext) {
  const db = ctx.store.db;
  const [rows, active, total] = await Promise.all([listNluModels(db), activeNluModel(db), countNluCorrections(db)]);
  return {
    models: rows.map(nluModelFromRow),
    activeVersion: active?.version ?? null,
    newCorrections: Math.max(0, total - (active?.corrections ?? 0)),
  };
}

const blankRow = (version: number, status: string, requestedAt: string, requestedBy: string | null): NluModelsTable => ({
  version,
  status,
  correction_ids: '[]',
  corrections: 0,
  training_size: null,
  training_ms: null,
  figures: null,
  compared_with: null,
  decision: null,
  requested_by: requestedBy,
  requested_at: requestedAt,
  trained_at: null,
  activated_at: null,
  activated_by: null,
});

/**
 * Queues a retraining (an admin's "Retrain now", or the schedule with `requestedBy` null). While
 * one is queued or training that one is returned instead: two requests make one candidate.
 */
export async function requestRetraining(ctx: DomainContext, requestedBy: Agent | null): Promise<NluModel> {
  const now = ctx.now().toISOString();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const row = await writeTransaction(ctx.store, async (trx) => {
        const pending = await nluModelsIn(trx, ['queued', 'training']);
        if (pending[0]) return pending[0];
        let version = await nextNluModelVersion(trx);
        if (version === SHIPPED_VERSION) {
          // The shipped model becomes version 1, active, measured by the first training run.
          await insertNluModel(trx, { ...blankRow(SHIPPED_VERSION, 'active', now, null), activated_at: now, training_size: null });
          version += 1;
        }
        const queued = blankRow(version, 'queued', now, requestedBy?.id ?? null);
        await insertNluModel(trx, queued);
        return queued;
      });
      return nluModelFromRow(row);
    } catch (error) {
      // Another node took the same version number in the same moment: read theirs.
      if (attempt >= 2) throw error;
    }
  }
}

/** An admin makes a retired version active again (or confirms the active one). */
export async function activateModelVersion(ctx: DomainContext, admin: Agent, version: number): Promise<NluModel> {
  const now = ctx.now().toISOString();
  const row = await writeTransaction(ctx.store, async (trx) => {
    const target = await getNluModel(trx, version);
    if (!target) throw new SwitchboardError('not_found', `version: no model version ${version}`);
    if (target.status === 'active') return target;
    if (target.status !== 'retired')
      throw new SwitchboardError('invalid', `version: v${version} is ${target.status}; only a version that was active before can be made active again`);
    const current = await activeNluModel(trx);
    if (current) await updateNluModel(trx, current.version, { status: 'retired' });
    const changes = { status: 'active', activated_at: now, activated_by: admin.id, decision: `made active again by hand (was v${current?.version ?? SHIPPED_VERSION})` };
    await updateNluModel(trx, version, changes);
    return { ...target, ...changes };
  });
  return nluModelFromRow(row);
}

export interface RetrainingOutcome {
  model: NluModel;
  /** The trained candidate, so the leader can use it at once when it was promoted. */
  trained: TrainedCandidate | null;
}

/** Trains, measures and decides the oldest queued version; null when none is queued. */
export async function runQueuedRetraining(ctx: DomainContext, train: ModelTrainer): Promise<RetrainingOutcome | null> {
  const db = ctx.store.db;
  const queued = (await nluModelsIn(db, ['queued']))[0];
  if (!queued) return null;
  const corrections = await allNluCorrections(db);
  const ids = corrections.map((row) => row.id);
  await updateNluModel(db, queued.version, { status: 'training', correction_ids: JSON.stringify(ids), corrections: ids.length });

  const active = await activeNluModel(db);
  try {
    // The active version is measured once, the first time a candidate is compared with it.
    let activeFigures = active?.figures ? JSON.parse(active.figures) : null;
    if (active && !activeFigures) {
      const baseline = await train({ corrections: await nluCorrectionsByIds(db, JSON.parse(active.correction_ids) as string[]), evaluate: true });
      activeFigures = baseline.figures;
      await updateNluModel(db, active.version, {
        figures: JSON.stringify(baseline.figures),
        training_size: baseline.trainingSize,
        training_ms: baseline.trainingMs,
        trained_at: active.trained_at ?? ctx.now().toISOString(),
      });
    }
    const trained = await train({ corrections, evaluate: true });
    const figures = trained.figures;
    if (!figures) throw new Error('the training run returned no figures');
    const decision = active && activeFigures ? decidePromotion(figures, activeFigures, active.version) : { promote: true, reason: 'no version was active' };
    const now = ctx.now().toISOString();
    const row = await writeTransaction(ctx.store, async (trx) => {
      const changes = {
        status: decision.promote ? 'active' : 'rejected',
        figures: JSON.stringify(figures),
        training_size: trained.trainingSize,
        training_ms: trained.trainingMs,
        trained_at: now,
        compared_with: active?.version ?? null,
        decision: decision.reason,
        ...(decision.promote ? { activated_at: now, activated_by: null } : {}),
      };
      if (decision.promote) {
        // The active version may have changed by hand while this one trained: retire whichever it is now.
        const current = await activeNluModel(trx);
        if (current) await updateNluModel(trx, current.version, { status: 'retired' });
      }
      await updateNluModel(trx, queued.version, changes);
      return { ...queued, correction_ids: JSON.stringify(ids), corrections: ids.length, ...changes };
    });
    return { model: nluModelFromRow(row), trained: decision.promote ? trained : null };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX_CHARS);
    await updateNluModel(db, queued.version, { status: 'failed', decision: `training failed: ${message}`, trained_at: ctx.now().toISOString() });
    const failed = await getNluModel(db, queued.version);
    return { model: nluModelFromRow(failed ?? queued), trained: null };
  }
}

/** A leader that died mid-training left its version `training`: queue it again. */
export async function requeueInterrupted(ctx: DomainContext): Promise<void> {
  for (const row of await nluModelsIn(ctx.store.db, ['training'])) await updateNluModel(ctx.store.db, row.version, { status: 'queued' });
}

/**
 * Whether the schedule should queue a retraining: at least `minCorrections` new since the
 * newest version that trained (promoted or not), and that one at least `everyMs` old.
 */
export async function retrainingDue(ctx: DomainContext, minCorrections: number, everyMs: number): Promise<boolean> {
  const db = ctx.store.db;
  const total = await countNluCorrections(db);
  const latest = (await listNluModels(db, 50)).find((row) => row.trained_at && row.status !== 'failed');
  const since = total - (latest?.corrections ?? 0);
  if (since < minCorrections) return false;
  if (!latest?.trained_at) return true;
  return ctx.now().getTime() - Date.parse(latest.trained_at) >= everyMs;
}
