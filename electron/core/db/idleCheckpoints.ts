/**
 * WAL checkpoints off the write path.
 *
 * With SQLite's automatic checkpoint, the commit that pushes the WAL past 1000 pages copies the
 * whole WAL into the database and fsyncs both files, and the next commit restarts the WAL and
 * fsyncs its header: an optimistic reply writes ~30 pages, so one local write in ~30 paid two
 * fsyncs (8–25 ms on a loaded disk) while the rest took ~0.5 ms. Here the core's connection
 * checkpoints when writes have paused for `idleMs`; right after, it starts the new WAL with one
 * small write, so the header fsync is paid there too and the next user write appends to a WAL that
 * is already synced. The automatic checkpoint stays as a backstop at BACKSTOP_PAGES (~40 MB), for
 * writes that never leave the event loop a turn (timers cannot run between them); after
 * `maxBusyMs` of writes with turns but no pause a checkpoint runs anyway, between two calls.
 *
 * Durability is unchanged: every commit (outbox row and optimistic effect together) is in the WAL
 * when `commit` returns, whether or not it has been checkpointed. With synchronous=NORMAL a WAL
 * commit survives an app crash; a power cut may lose the last commits since the last fsync of the
 * WAL (never corrupt the file), exactly as with the automatic checkpoint.
 */
import type { Db } from './database';

export interface IdleCheckpointOptions {
  /** Writes must have paused this long before a checkpoint runs. */
  idleMs?: number;
  /** Checkpoint even without a pause once writes have gone on this long. */
  maxBusyMs?: number;
  /** How often the connection's change counters are looked at. */
  tickMs?: number;
  now?: () => number;
}

export interface CheckpointReport {
  /** WAL frames copied into the database file. */
  frames: number;
  ms: number;
}

export interface IdleCheckpoints {
  /** Checkpoint now (also used at close); returns what it did. */
  checkpoint(): CheckpointReport;
  /** Reports of checkpoints run so far (bounded), for the benchmarks. */
  readonly history: readonly CheckpointReport[];
  stop(): void;
}

const HISTORY_MAX = 100;
/** WAL pages after which SQLite checkpoints inside a commit anyway (its default is 1000). */
export const BACKSTOP_PAGES = 10_000;

/** Counters that move with any write of this connection (`total_changes`) or another one. */
function changeState(db: Db): string {
  const { changes, version } = db
    .prepare('SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version')
    .get() as { changes: number; version: number };
  return `${changes}:${version}`;
}

export function startIdleCheckpoints(db: Db, options: IdleCheckpointOptions = {}): IdleCheckpoints {
  const idleMs = options.idleMs ?? 250;
  const maxBusyMs = options.maxBusyMs ?? 5_000;
  const now = options.now ?? (() => performance.now());
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const history: CheckpointReport[] = [];
  let seen = changeState(db);
  let dirtySince: number | null = null;
  let lastChangeAt = now();

  const checkpoint = (): CheckpointReport => {
    const start = now();
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    const frames = result?.checkpointed ?? 0;
    // Everything copied and no reader left on the WAL: the next commit restarts it and syncs its
    // header. Pay that here with a one-row write instead of on the next user write.
    if (result && result.busy === 0 && result.log > 0 && result.log === result.checkpointed)
      db.prepare(
        "INSERT INTO meta (key, value) VALUES ('wal_restarted_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(new Date().toISOString());
    const report = { frames, ms: now() - start };
    history.push(report);
    if (history.length > HISTORY_MAX) history.shift();
    seen = changeState(db);
    dirtySince = null;
    return report;
  };

  const tick = () => {
    if (!db.open || db.inTransaction) return;
    const state = changeState(db);
    const at = now();
    if (state !== seen) {
      seen = state;
      lastChangeAt = at;
      dirtySince ??= at;
      if (at - dirtySince < maxBusyMs) return;
    }
    if (dirtySince !== null && (at - lastChangeAt >= idleMs || at - dirtySince >= maxBusyMs)) checkpoint();
  };

  const timer = setInterval(tick, options.tickMs ?? 100);
  timer.unref?.();
  return {
    checkpoint,
    history,
    stop: () => clearInterval(timer),
  };
}
