/**
 * SLA in the cache: the policy and calendar lists (seq-guarded, replaced whole) and the
 * per-conversation SLA columns of migration 003.
 */
import type { SlaEvent } from '../../../../shared/sla';
import type { BusinessCalendarRecord, SlaPolicyRecord } from '../../../../shared/sla/policies';
import type { Db } from '../database';

export interface SlaConfig {
  policies: SlaPolicyRecord[];
  calendars: BusinessCalendarRecord[];
}

/** Store one list; ignored when the stored one came from a newer change. Returns whether written. */
export function putSlaConfig(db: Db, kind: 'policies' | 'calendars', data: unknown, seq: number): boolean {
  return (
    db
      .prepare(
        `INSERT INTO sla_config (kind, data, seq) VALUES (?, ?, ?)
         ON CONFLICT (kind) DO UPDATE SET data = excluded.data, seq = excluded.seq WHERE excluded.seq >= sla_config.seq`,
      )
      .run(kind, JSON.stringify(data), seq).changes > 0
  );
}

export function getSlaConfig(db: Db): SlaConfig {
  const rows = db.prepare('SELECT kind, data FROM sla_config').all() as { kind: string; data: string }[];
  const config: SlaConfig = { policies: [], calendars: [] };
  for (const row of rows) {
    if (row.kind === 'policies') config.policies = JSON.parse(row.data) as SlaPolicyRecord[];
    if (row.kind === 'calendars') config.calendars = JSON.parse(row.data) as BusinessCalendarRecord[];
  }
  return config;
}

export interface ConversationSlaRow {
  id: string;
  priority: string;
  channel: string;
  team_id: string;
  tier: string | null;
  sla_policy_id: string | null;
  sla_events: string | null;
}

const SLA_ROW_SELECT = `SELECT c.id, c.priority, c.channel, c.team_id, ct.tier, c.sla_policy_id, c.sla_events
  FROM conversations c LEFT JOIN contacts ct ON ct.id = c.contact_id`;

export function getConversationSlaRows(db: Db, ids: readonly string[]): ConversationSlaRow[] {
  if (ids.length === 0) return [];
  return db
    .prepare(`${SLA_ROW_SELECT} WHERE c.id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as ConversationSlaRow[];
}

/** Every conversation that has SLA events (after a policy or calendar change). */
export function listConversationSlaRows(db: Db): ConversationSlaRow[] {
  return db.prepare(`${SLA_ROW_SELECT} WHERE c.sla_events IS NOT NULL`).all() as ConversationSlaRow[];
}

export function setConversationSla(
  db: Db,
  id: string,
  sla: { policyId: string | null; events: readonly SlaEvent[] },
): void {
  db.prepare('UPDATE conversations SET sla_policy_id = ?, sla_events = ? WHERE id = ?').run(
    sla.policyId,
    JSON.stringify(sla.events),
    id,
  );
}

export function setSlaNextDueAt(db: Db, id: string, nextDueAt: string | null): void {
  db.prepare('UPDATE conversations SET sla_next_due_at = ? WHERE id = ?').run(nextDueAt, id);
}
