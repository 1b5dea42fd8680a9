/**
 * Every node classifies with the cluster's active version: every `refreshMs` it reads which
 * version is active (one indexed row) and, when that changed, trains that version's recipe in a
 * worker thread (modelTrainer.ts) and hands the model to the node's classifier. Until the first
 * retraining there is no active row and the shipped model classifies. The leader, which has just
 * trained a promoted version, offers it here and skips the second training.
 */
import type { Store } from '../../db/database';
import { activeNluModel, nluCorrectionsByIds } from '../../db/queries/nluModels';
import type { InboundClassifier } from './inboundClassifier';
import type { MessageModelSnapshot } from './messageModel';
import type { ModelTrainer } from './modelTrainer';
import { SHIPPED_VERSION } from './modelVersions';

export const ACTIVE_MODEL_REFRESH_MS = 5_000;

export interface ActiveModel {
  /** The version this node classifies with (1: the shipped model). */
  loadedVersion(): number;
  /** Reads the active version now and loads it if it changed. */
  refresh(): Promise<void>;
  /** A version trained here (the leader's promotion): use it without training it again. */
  offer(version: number, snapshot: MessageModelSnapshot): Promise<void>;
  close(): void;
}

export interface ActiveModelOptions {
  refreshMs?: number;
  train: ModelTrainer;
  log: (message: string, error: unknown) => void;
}

export function startActiveModel(store: Store, classifier: InboundClassifier, options: ActiveModelOptions): ActiveModel {
  let loaded = SHIPPED_VERSION;
  let closed = false;
  let running: Promise<void> = Promise.resolve();

  const load = async (version: number, snapshot: MessageModelSnapshot | null) => {
    if (closed || version === loaded) return;
    await classifier.useModel(snapshot);
    loaded = version;
  };

  const check = async () => {
    const active = await activeNluModel(store.db);
    const version = active?.version ?? SHIPPED_VERSION;
    if (closed || version === loaded) return;
    const ids = active ? (JSON.parse(active.correction_ids) as string[]) : [];
    if (ids.length === 0) return load(version, null);
    const trained = await options.train({ corrections: await nluCorrectionsByIds(store.db, ids), evaluate: false });
    // Made active, then rolled back while this trained: the next check loads the right one.
    const still = await activeNluModel(store.db);
    if ((still?.version ?? SHIPPED_VERSION) === version) await load(version, trained.snapshot);
  };

  const refresh = () => {
    running = running.then(check).catch((error: unknown) => options.log('could not load the active classifier version; the next check tries again', error));
    return running;
  };
  const timer = setInterval(() => void refresh(), options.refreshMs ?? ACTIVE_MODEL_REFRESH_MS);
  timer.unref();
  void refresh();

  return {
    loadedVersion: () => loaded,
    refresh,
    offer: (version, snapshot) => {
      running = running.then(() => load(version, snapshot)).catch((error: unknown) => options.log('could not use the promoted classifier version', error));
      return running;
    },
    close: () => {
      closed = true;
      clearInterval(timer);
    },
  };
}
