import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, writeTransaction, type Store } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import {
  appendChanges,
  headSeq,
  pullVisibleChanges,
  type NewChange,
} from '../../../server/db/queries/changes';
import type { Conversation } from '../../../shared/domain/model';
import { addressOf, conversationChange } from '../../../server/domain/snapshots';

const conversation = (id: string, teamId: string, assigneeId: string | null = null): Conversation => ({
  id,
  channel: 'chat',
  contactId: 'c',
  teamId,
  assigneeId,
  status: 'open',
  priority: 'normal',
  subject: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastMessageAt: '2026-01-01T00:00:00.000Z',
  lastMessagePreview: '',
  lastMessageDirection: 'in',
  waitingSince: null,
  messageCount: 0,
  version: 0,
});

const change = (c: Conversation, prevTeamId: string | null = null): NewChange =>
  conversationChange('conversation.updated', c, addressOf(c, prevTeamId ? { ...c, teamId: prevTeamId } : undefined));

describe('change log', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-changelog-'));
    store = openSqliteStore(join(dir, 'server.db'));
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends each transaction as one contiguous range after the head', async () => {
    const first = await writeTransaction(store, (trx) =>
      appendChanges(trx, [change(conversation('a', 'pre')), change(conversation('a', 'pre'))]),
    );
    expect([first.from, first.to]).toEqual([1, 2]);
    expect(first.entries.map((e) => e.change.seq)).toEqual([1, 2]);
    const second = await writeTransaction(store, (trx) =>
      appendChanges(trx, [change(conversation('b', 'after'))]),
    );
    expect([second.from, second.to]).toEqual([3, 3]);
    expect(await headSeq(store.db)).toBe(3);
  });

  it('leaves no seq behind when the transaction rolls back', async () => {
    await expect(
      writeTransaction(store, async (trx) => {
        await appendChanges(trx, [change(conversation('c', 'pre'))]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await headSeq(store.db)).toBe(3);
    const next = await writeTransaction(store, (trx) =>
      appendChanges(trx, [change(conversation('c', 'tech'), 'pre')]),
    );
    expect(next.from).toBe(4);
  });

  it('pulls only what a viewer may see, yet moves the cursor to the head', async () => {
    const tech = await pullVisibleChanges(store.db, { id: 'x', role: 'agent', teamIds: ['tech'] }, 0, 10);
    expect(tech.changes.map((c) => c.seq)).toEqual([4]);
    expect(tech).toMatchObject({ cursor: 4, hasMore: false });
    // The team a conversation was transferred away from still hears of it.
    const pre = await pullVisibleChanges(store.db, { id: 'x', role: 'lead', teamIds: ['pre'] }, 0, 2);
    expect(pre.changes.map((c) => c.seq)).toEqual([1, 2]);
    expect(pre).toMatchObject({ cursor: 2, hasMore: true });
    const rest = await pullVisibleChanges(
      store.db,
      { id: 'x', role: 'lead', teamIds: ['pre'] },
      pre.cursor,
      2,
    );
    expect(rest.changes.map((c) => c.seq)).toEqual([4]);
    expect(rest).toMatchObject({ cursor: 4, hasMore: false });
    const reviewer = await pullVisibleChanges(
      store.db,
      { id: 'r', role: 'reviewer', teamIds: ['pre'] },
      0,
      10,
    );
    expect(reviewer).toEqual({ changes: [], cursor: 4, hasMore: false });
  });
});
