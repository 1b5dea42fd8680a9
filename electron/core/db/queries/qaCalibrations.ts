/** Calibration sessions in the cache (migration 014): the server's snapshot of each, newest first. */
import type { Calibration } from '../../../../shared/qa/calibration';
import type { Db } from '../database';

/** Stores the server's session unless a newer one is here; true when it changed. */
export function upsertCalibration(db: Db, calibration: Calibration, seq: number): boolean {
  return (
    db
      .prepare(
        `INSERT INTO qa_calibrations (id, server_json, created_at, seq) VALUES (@id, @json, @createdAt, @seq)
         ON CONFLICT (id) DO UPDATE SET server_json = excluded.server_json, seq = excluded.seq
         WHERE excluded.seq >= qa_calibrations.seq`,
      )
      .run({ id: calibration.id, json: JSON.stringify(calibration), createdAt: calibration.createdAt, seq }).changes > 0
  );
}

export function listCalibrations(db: Db, limit: number): Calibration[] {
  const rows = db
    .prepare('SELECT server_json FROM qa_calibrations ORDER BY created_at DESC, id LIMIT ?')
    .all(limit) as { server_json: string }[];
  return rows.map((row) => JSON.parse(row.server_json) as Calibration);
}
