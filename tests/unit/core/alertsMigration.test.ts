/**
 * Cache migration 006 (alerts): it applies on a version-5 cache (the later ones follow), keeps every alert kind, lists
 * unacknowledged first and newest first through its index, and never lets an older snapshot
 * overwrite a newer one.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import {
  countUnacknowledged,
  LIST_ALERTS_SQL,
  listAlerts,
  setServerAlert,
} from '../../../electron/core/db/queries/alerts';
import { clearCache } from '../../../electron/core/db/queries/meta';
import { applyAlertChanges } from '../../../electron/core/sync/alertSync';
import type { Alert } from '../../../shared/contracts/sla';

const base = { conversationId: 'c1', teamId: 'team-presales', assigneeId: null };
const ALERTS: Alert[] = [
  {
    ...base,
    id: 'a-old',
    kind: 'sla_breached',
    target: 'firstResponse',
    dueAt: '2026-01-05T09:00:00.000Z',
    createdAt: '2026-01-05T09:00:00.000Z',
  },
  {
    ...base,
    id: 'a-vip',
    kind: 'vip_waiting',
    waitingSince: '2026-01-05T09:58:00.000Z',
    createdAt: '2026-01-05T10:00:00.000Z',
  },
  {
    ...base,
    id: 'a-sad',
    kind: 'negative_sentiment',
    messageId: 'm1',
    score: -0.8,
    excerpt: '太慢了，我要投诉',
    createdAt: '2026-01-05T09:30:00.000Z',
    acknowledgedAt: '2026-01-05T09:31:00.000Z',
    acknowledgedBy: 'agent-liu-yang',
  },
];

function migrated(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS, 5);
  expect(
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 6),
      6,
    ),
  ).toEqual([6]);
  expect(schemaVersion(db)).toBe(6);
  // Today's queries run on today's schema: the later migrations follow.
  migrate(db);
  expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  return db;
}

describe('cache migration 006_alerts', () => {
  it('stores every kind and lists unacknowledged first, newest first', () => {
    const db = migrated();
    db.prepare(
      `INSERT INTO contacts (id, name, tier, identities, created_at) VALUES ('k1', '王芳', 'vip', '[]', '2026-01-05T08:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO conversations (id, channel, contact_id, team_id, status, priority, created_at, updated_at,
         last_message_at, last_message_preview, last_message_direction, message_count, version, server_snapshot)
       VALUES ('c1', 'chat', 'k1', 'team-presales', 'open', 'normal', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z',
         '2026-01-05T08:00:00.000Z', '', 'in', 1, 1, '{}')`,
    ).run();
    const ids = applyAlertChanges(
      db,
      ALERTS.map((alert, index) => ({ seq: index + 1, type: 'alert.created' as const, alert })),
    );
    expect(ids.sort()).toEqual(['a-old', 'a-sad', 'a-vip']);
    const list = listAlerts(db, 50);
    expect(list.map((item) => item.alert.id)).toEqual(['a-vip', 'a-old', 'a-sad']);
    expect(list[0]).toMatchObject({
      contactName: '王芳',
      alert: { kind: 'vip_waiting', waitingSince: '2026-01-05T09:58:00.000Z' },
    });
    expect(list[2]!.alert).toMatchObject({
      kind: 'negative_sentiment',
      excerpt: '太慢了，我要投诉',
      acknowledgedBy: 'agent-liu-yang',
    });
    expect(countUnacknowledged(db)).toBe(2);
  });

  it('ignores a snapshot older than the stored one', () => {
    const db = migrated();
    const acknowledged = {
      ...ALERTS[0]!,
      acknowledgedAt: '2026-01-05T09:05:00.000Z',
      acknowledgedBy: 'agent-admin',
    };
    applyAlertChanges(db, [{ seq: 10, type: 'alert.updated', alert: acknowledged }]);
    expect(setServerAlert(db, ALERTS[0]!, 4)).toBe(false);
    applyAlertChanges(db, [{ seq: 4, type: 'alert.created', alert: ALERTS[0]! }]);
    expect(listAlerts(db, 5)[0]!.alert.acknowledgedBy).toBe('agent-admin');
    expect(countUnacknowledged(db)).toBe(0);
  });

  it('forgets the alerts when another agent signs in on this cache', () => {
    const db = migrated();
    applyAlertChanges(db, [{ seq: 1, type: 'alert.created', alert: ALERTS[0]! }]);
    expect(countUnacknowledged(db)).toBe(1);
    migrate(db); // the core signs in on the newest schema
    clearCache(db);
    expect(listAlerts(db, 5)).toEqual([]);
  });

  it("forgets the previous agent's personal canned responses, drafts and SLA settings too", () => {
    const db = migrated();
    db.prepare(
      "INSERT INTO canned_responses (id, server_json, view_json) VALUES ('c-personal', '{}', '{}')",
    ).run();
    db.prepare(
      "INSERT INTO drafts (conversation_id, text, subject, updated_at) VALUES ('c1', 'half-written reply', '', '2026-01-05')",
    ).run();
    db.prepare("INSERT INTO sla_config (kind, data, seq) VALUES ('policies', '[]', 3)").run();
    migrate(db); // the core signs in on the newest schema
    clearCache(db);
    for (const table of ['canned_responses', 'drafts', 'sla_config'])
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
  });

  it('reads the list and the unacknowledged count through the alerts_list index', () => {
    const db = migrated();
    const plan = (statement: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    expect(plan(LIST_ALERTS_SQL.replace('?', '50'))).toContain('SCAN a USING INDEX alerts_list');
    expect(plan(LIST_ALERTS_SQL.replace('?', '50'))).not.toContain('TEMP B-TREE');
    expect(plan('SELECT count(*) FROM alerts WHERE acknowledged = 0')).toContain(
      'COVERING INDEX alerts_list',
    );
  });
});
