/**
 * Upgrading a server database written before migration 008: change-log rows in the old,
 * conversation-shaped columns (`conversation_id` holding `canned:<id>`, `team_id` holding
 * `personal:<ownerId>`, directory and alert changes told apart by type) move to typed records and
 * audiences, and every user pulls exactly the changes they pulled before. Then the pull filter and
 * `hears` (shared/domain/audience.ts) agree on every audience the writers can produce.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Migrator } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore, openSqliteStore, writeTransaction, type Store } from '../../../server/db/database';
import { MIGRATIONS, migrateToLatest } from '../../../server/db/migrate';
import { appendChanges, pullVisibleChanges } from '../../../server/db/queries/changes';
import { hears, type Audience, type AudienceMember } from '../../../shared/domain/audience';
import type { Viewer } from '../../../shared/domain/visibility';
import { scratchDatabase, testBackends } from './harness';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(backend: 'sqlite' | 'postgres'): Promise<Store> {
  let store: Store;
  if (backend === 'postgres') {
    const scratch = await scratchDatabase();
    cleanups.push(() => scratch.drop());
    store = openPostgresStore(scratch.url);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'sb-changelog-upgrade-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    store = openSqliteStore(join(dir, 'server.db'));
  }
  cleanups.push(() => store.close());
  return store;
}

async function migrateTo(store: Store, name: string): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS } });
  const result = await migrator.migrateTo(name);
  if (result.error) throw result.error;
}

const AT = '2026-11-30T09:00:00.000Z';
const alert = { id: 'alert-1', kind: 'negative_sentiment', conversationId: 'c1', teamId: 't2', assigneeId: 'a2' };

/** What the version before 008 wrote, column for column. */
const OLD_ROWS = [
  { seq: 1, type: 'team.updated', data: { type: 'team.updated', team: { id: 't1' } } },
  { seq: 2, type: 'conversation.updated', conversation_id: 'c1', team_id: 't1', assignee_id: 'a1' },
  {
    seq: 3,
    type: 'conversation.transferred',
    conversation_id: 'c1',
    team_id: 't2',
    prev_team_id: 't1',
    prev_assignee_id: 'a1',
  },
  { seq: 4, type: 'canned_response.updated', conversation_id: 'canned:r1', team_id: 't1' },
  // A lead's personal response: the pseudo-team and the owner as assignee.
  { seq: 5, type: 'canned_response.updated', conversation_id: 'canned:r2', team_id: 'personal:l1', assignee_id: 'l1' },
  // An agent's personal response moved into team t2.
  { seq: 6, type: 'canned_response.updated', conversation_id: 'canned:r3', team_id: 't2', prev_team_id: 'personal:a1' },
  { seq: 7, type: 'alert.created', conversation_id: 'c1', team_id: 't2', assignee_id: 'a2', data: { type: 'alert.created', alert } },
  { seq: 8, type: 'alert.updated', conversation_id: 'c1', team_id: 't2', assignee_id: 'a2', data: { type: 'alert.updated', alert } },
];

const VIEWERS: Record<string, Viewer> = {
  agentT1: { id: 'a1', role: 'agent', teamIds: ['t1'] },
  agentT2: { id: 'a2', role: 'agent', teamIds: ['t2'] },
  leadT1: { id: 'l1', role: 'lead', teamIds: ['t1'] },
  leadT2: { id: 'l2', role: 'lead', teamIds: ['t2'] },
  reviewer: { id: 'q1', role: 'reviewer', teamIds: [] },
  admin: { id: 'x1', role: 'admin', teamIds: [] },
};

/** What each of them pulled from those rows before the upgrade. */
const PULLED_BEFORE: Record<keyof typeof VIEWERS, number[]> = {
  agentT1: [1, 2, 3, 4, 6], // its team, the conversation it left, its own response it moved
  agentT2: [1, 3, 6], // assigned alerts stay with the leads
  leadT1: [1, 2, 3, 4, 5], // its personal library
  leadT2: [1, 3, 6, 7, 8],
  reviewer: [1],
  admin: [1, 2, 3, 4, 5, 6, 7, 8],
};

const pulledSeqs = async (store: Store, viewer: Viewer) =>
  (await pullVisibleChanges(store.db, viewer, 0, 100)).changes.map((change) => change.seq);

describe.each(testBackends())('change log upgrade to typed records and audiences (%s)', (backend) => {
  it('moves rows written by the previous version and keeps what each user pulls', async () => {
    const store = await openStore(backend);
    await migrateTo(store, '007_sla_event_state');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the old row shape is not today's schema
    const old = store.db as unknown as Kysely<any>;
    for (const { data, ...row } of OLD_ROWS)
      await old
        .insertInto('change_log')
        .values({ ...row, data: JSON.stringify(data ?? { type: row.type }), created_at: AT })
        .execute();

    await migrateToLatest(store.db);

    const rows = await store.db
      .selectFrom('change_log')
      .select(['seq', 'record_kind', 'record_id', 'everyone', 'team_id', 'prev_team_id', 'assignee_id', 'prev_assignee_id', 'leads_team_id', 'owner_id'])
      .orderBy('seq')
      .execute();
    const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
    expect(bySeq.get(1)).toMatchObject({ record_kind: null, everyone: 1 });
    expect(bySeq.get(3)).toMatchObject({ record_kind: 'conversation', record_id: 'c1', team_id: 't2', prev_team_id: 't1', prev_assignee_id: 'a1', everyone: 0 });
    expect(bySeq.get(4)).toMatchObject({ record_kind: 'canned', record_id: 'r1', team_id: 't1', owner_id: null });
    expect(bySeq.get(5)).toMatchObject({ record_kind: 'canned', record_id: 'r2', team_id: null, assignee_id: null, owner_id: 'l1' });
    expect(bySeq.get(6)).toMatchObject({ record_kind: 'canned', record_id: 'r3', team_id: 't2', prev_team_id: null, owner_id: 'a1' });
    for (const seq of [7, 8])
      expect(bySeq.get(seq)).toMatchObject({ record_kind: 'alert', record_id: 'alert-1', leads_team_id: 't2', team_id: null, assignee_id: null });
    expect(rows.some((row) => row.team_id?.startsWith('personal:') || row.record_id?.startsWith('canned:'))).toBe(false);

    for (const [name, viewer] of Object.entries(VIEWERS))
      expect({ name, seqs: await pulledSeqs(store, viewer) }).toEqual({ name, seqs: PULLED_BEFORE[name] });
  });
});

describe('change-log pull filter', () => {
  const teamIds = ['t1', 't2', 't3'];
  const userIds = ['u1', 'u2', 'u3'];
  const member: fc.Arbitrary<AudienceMember> = fc.oneof(
    fc.constant({ kind: 'everyone' as const }),
    fc.constantFrom(...teamIds).map((teamId) => ({ kind: 'team' as const, teamId })),
    fc.constantFrom(...teamIds).map((teamId) => ({ kind: 'leads' as const, teamId })),
    fc.constantFrom(...userIds).map((agentId) => ({ kind: 'agent' as const, agentId })),
    fc.constantFrom(...userIds).map((ownerId) => ({ kind: 'personal' as const, ownerId })),
  );
  /** The audiences the change log can hold: two teams, two agents, one leads, one owner at most. */
  const audience: fc.Arbitrary<Audience> = fc
    .array(member, { maxLength: 5 })
    .filter((members) => {
      const count = (kind: AudienceMember['kind']) =>
        new Set(members.filter((m) => m.kind === kind).map((m) => JSON.stringify(m))).size;
      return count('team') <= 2 && count('agent') <= 2 && count('leads') <= 1 && count('personal') <= 1;
    });
  const viewer: fc.Arbitrary<Viewer> = fc.record({
    id: fc.constantFrom(...userIds),
    role: fc.constantFrom('agent' as const, 'lead' as const, 'reviewer' as const, 'admin' as const),
    teamIds: fc.subarray(teamIds),
  });

  it('returns exactly the changes whose audience the viewer hears', async () => {
    const store = await openStore('sqlite');
    await migrateToLatest(store.db);
    const audiences = fc.sample(audience, { numRuns: 200, seed: 1312 });
    await writeTransaction(store, (trx) =>
      appendChanges(
        trx,
        audiences.map((a) => ({ change: { type: 'team.updated', team: { id: 't1' } } as never, record: null, audience: a })),
        AT,
      ),
    );
    await fc.assert(
      fc.asyncProperty(viewer, async (v) => {
        const expected = audiences.flatMap((a, i) => (hears(v, a) ? [i + 1] : []));
        expect((await pullVisibleChanges(store.db, v, 0, 1000)).changes.map((c) => c.seq)).toEqual(expected);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('refuses an audience wider than the change log holds, and the write with it', async () => {
    const store = await openStore('sqlite');
    await migrateToLatest(store.db);
    const threeTeams: Audience = teamIds.map((teamId) => ({ kind: 'team', teamId }));
    await expect(
      writeTransaction(store, (trx) =>
        appendChanges(trx, [{ change: { type: 'team.updated', team: { id: 't1' } } as never, record: null, audience: threeTeams }], AT),
      ),
    ).rejects.toThrow(/at most two teams/);
    expect(await pulledSeqs(store, VIEWERS.admin!)).toEqual([]);
  });
});
