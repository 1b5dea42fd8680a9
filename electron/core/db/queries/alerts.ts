/**
 * Alerts in the cache (migration 006): the server's snapshot per alert, its visible
 * acknowledgement (snapshot + pending local acknowledgement), and the Live screen's list, read
 * through index alerts_list (unacknowledged first, newest first).
 */
import type { AlertListItem } from '../../../../shared/contracts/alerts';
import { AlertSchema, type Alert } from '../../../../shared/contracts/sla';
import type { Db } from '../database';

/** Store the server's snapshot unless a newer change already did; true if written. */
export function setServerAlert(db: Db, alert: Alert, seq: number): boolean {
  const result = db
    .prepare(
      `INSERT INTO alerts (id, kind, conversation_id, team_id, created_at, server_json, seq)
       VALUES (@id, @kind, @conversationId, @teamId, @createdAt, @json, @seq)
       ON CONFLICT (id) DO UPDATE SET server_json = excluded.server_json, seq = excluded.seq
       WHERE excluded.seq >= alerts.seq`,
    )
    .run({
      id: alert.id,
      kind: alert.kind,
      conversationId: alert.conversationId,
      teamId: alert.teamId,
      createdAt: alert.createdAt,
      json: JSON.stringify(alert),
      seq,
    });
  return result.changes > 0;
}

export function getServerAlert(db: Db, id: string): Alert | null {
  const row = db.prepare('SELECT server_json FROM alerts WHERE id = ?').get(id) as
    { server_json: string } | undefined;
  if (!row) return null;
  const parsed = AlertSchema.safeParse(JSON.parse(row.server_json));
  return parsed.success ? parsed.data : null;
}

export interface AlertAcknowledgement {
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  pending: boolean;
}

export function writeAlertView(db: Db, id: string, view: AlertAcknowledgement): void {
  db.prepare(
    `UPDATE alerts SET acknowledged = @acknowledged, acknowledged_at = @at, acknowledged_by = @by, pending = @pending
     WHERE id = @id`,
  ).run({
    id,
    acknowledged: view.acknowledgedAt ? 1 : 0,
    at: view.acknowledgedAt,
    by: view.acknowledgedBy,
    pending: view.pending ? 1 : 0,
  });
}

interface AlertListRow {
  server_json: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  pending: number;
  contact_name: string | null;
  team_name: string | null;
  team_name_en: string | null;
  acknowledged_by_name: string | null;
}

/** Exported for its EXPLAIN QUERY PLAN test: must scan alerts_list, never sort. */
export const LIST_ALERTS_SQL = `SELECT a.server_json, a.acknowledged_at, a.acknowledged_by, a.pending,
         k.name AS contact_name, t.name AS team_name, t.name_en AS team_name_en,
         g.name AS acknowledged_by_name
  FROM alerts a
  LEFT JOIN conversations c ON c.id = a.conversation_id
  LEFT JOIN contacts k ON k.id = c.contact_id
  LEFT JOIN teams t ON t.id = a.team_id
  LEFT JOIN agents g ON g.id = a.acknowledged_by
  ORDER BY a.acknowledged, a.created_at DESC
  LIMIT ?`;

/** Unacknowledged first, newest first. Names come from the cache (null when not cached). */
export function listAlerts(db: Db, limit: number): AlertListItem[] {
  const rows = db.prepare(LIST_ALERTS_SQL).all(limit) as AlertListRow[];
  const items: AlertListItem[] = [];
  for (const row of rows) {
    const parsed = AlertSchema.safeParse(JSON.parse(row.server_json));
    if (!parsed.success) continue; // a kind this version does not know: not shown
    items.push({
      alert: { ...parsed.data, acknowledgedAt: row.acknowledged_at, acknowledgedBy: row.acknowledged_by },
      contactName: row.contact_name,
      teamName: row.team_name,
      teamNameEn: row.team_name_en,
      acknowledgedByName: row.acknowledged_by_name,
      pending: row.pending === 1,
    });
  }
  return items;
}

export function countUnacknowledged(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM alerts WHERE acknowledged = 0').get() as { n: number }).n;
}
