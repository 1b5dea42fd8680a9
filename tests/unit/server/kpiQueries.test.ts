/**
 * Migration 017 and the KPI report's reads on SQLite: the period's conversations are found
 * through conversations_team_created (a lead's teams) or conversations_created (an admin's every
 * team), and the per-conversation reads through keys that lead with the conversation id, never
 * by scanning a whole table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import { conversationsStartedQuery, type KpiScope } from '../../../server/db/queries/kpiReport';

describe('KPI report queries (SQLite)', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-kpi-'));
    store = openSqliteStore(join(dir, 'server.db'));
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = async (query: { sql: string; parameters: readonly unknown[] }) =>
    (await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]))).rows
      .map((row) => row.detail)
      .join(' | ');
  const scope = (overrides: Partial<KpiScope>): KpiScope => ({
    teamIds: null,
    agentId: null,
    channel: null,
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-11-08T00:00:00.000Z',
    ...overrides,
  });

  it('finds a lead’s period by team and start, and an admin’s by start', async () => {
    expect(await plan(conversationsStartedQuery(store.db, scope({ teamIds: ['team-presales'] })).compile())).toMatch(
      /USING INDEX conversations_team_created/,
    );
    expect(await plan(conversationsStartedQuery(store.db, scope({ channel: 'chat', agentId: 'agent-li-na' })).compile())).toMatch(
      /USING INDEX conversations_created/,
    );
  });

  it('reads replies, status history, SLA outcomes and surveys by conversation id', async () => {
    const ids = ['c1', 'c2'];
    const db = store.db;
    expect(
      await plan(db.selectFrom('messages').select('id').where('conversation_id', 'in', ids).where('author_type', '=', 'agent').compile()),
    ).toMatch(/USING INDEX messages_conversation/);
    for (const table of ['sla_status_events', 'sla_outcomes', 'surveys'] as const)
      expect(await plan(db.selectFrom(table).select('conversation_id').where('conversation_id', 'in', ids).compile())).toMatch(
        /USING (COVERING )?INDEX sqlite_autoindex|USING PRIMARY KEY|USING (COVERING )?INDEX \w+_pk/,
      );
  });
});
