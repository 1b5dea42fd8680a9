/**
 * The kinds of record the cache keeps beside conversations, one sync module each. A kind declares
 * how its server changes apply inside the apply transaction (returning the ids whose visible row
 * changed) and how its visible row is rebuilt from snapshot + pending outbox writes. `apply.ts`
 * runs every kind on each page and names what changed in `data.changed.records`, so the screens
 * that show that kind reload (renderer: `touchesKind`); `reapply.ts` rebuilds a row after an ack
 * or a rollback. A new kind adds its module here and its name to RECORD_KINDS
 * (shared/contracts/records.ts).
 */
import type { RecordKind } from '../../../shared/contracts/records';
import type { Change } from '../../../shared/contracts/sync';
import type { Agent } from '../../../shared/domain/model';
import type { Db } from '../db/database';
import { applyAlertChanges, reapplyAlert } from './alertSync';
import { applyCannedChanges, reapplyCanned } from './cannedSync';
import {
  applyAssignmentChanges,
  applyCalibrationChanges,
  applyReviewChanges,
  applyScorecardChanges,
  reapplyAssignment,
  reapplyReview,
} from './qaSync';

export interface RecordSync {
  /** Applies this kind's changes of a page (caller's transaction); returns the ids that changed. */
  apply(db: Db, changes: readonly Change[], viewer: Agent | null): string[];
  /** Rebuilds one record's visible row from its snapshot and pending writes. */
  reapply(db: Db, id: string): void;
}

/** Conversations are the inbox itself and apply first (apply.ts); every other kind is here. */
export const RECORD_SYNC: Record<Exclude<RecordKind, 'conversation'>, RecordSync> = {
  canned: { apply: applyCannedChanges, reapply: reapplyCanned },
  alert: { apply: (db, changes) => applyAlertChanges(db, changes), reapply: reapplyAlert },
  // Scorecards are written by admins online; nothing of theirs waits in the outbox.
  scorecard: { apply: (db, changes) => applyScorecardChanges(db, changes), reapply: () => {} },
  qa_assignment: { apply: (db, changes) => applyAssignmentChanges(db, changes), reapply: reapplyAssignment },
  qa_review: { apply: (db, changes) => applyReviewChanges(db, changes), reapply: reapplyReview },
  // A session is started through the outbox, but what shows is only ever the server's snapshot.
  qa_calibration: { apply: (db, changes) => applyCalibrationChanges(db, changes), reapply: () => {} },
};

export const SYNCED_RECORD_KINDS = Object.keys(RECORD_SYNC) as (keyof typeof RECORD_SYNC)[];
