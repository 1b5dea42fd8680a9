import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { BACKSTOP_PAGES, startIdleCheckpoints, type IdleCheckpoints } from '../../../electron/core/db/idleCheckpoints';
import { queueMessageSend } from '../../../electron/core/sync/outbox';
import { applyChanges } from '../../../electron/core/sync/apply';
import { setServerUrl, setSessionAgent } from '../../../electron/core/db/queries/meta';
import { ME, contact, contactUpdated, conversation, conversationCreated } from './fixtures';

describe('idle WAL checkpoints', () => {
  let dir: string;
  let db: Db;
  let checkpoints: IdleCheckpoints;
  let clock = 0;
  let reply = 0;

  const walFrames = (): number => {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    return row?.log ?? 0;
  };
  const write = () =>
    queueMessageSend(db, { conversationId: 'c1', messageId: `m${++reply}`, kind: 'text', text: `已为您查询 ${reply}` }, ME);

  beforeEach(() => {
    vi.useFakeTimers();
    dir = mkdtempSync(join(tmpdir(), 'sb-checkpoints-'));
    db = openDatabase(join(dir, 'cache.sqlite'));
    setSessionAgent(db, ME);
    setServerUrl(db, 'http://127.0.0.1:1');
    applyChanges(db, [contactUpdated(contact('k1')), conversationCreated(conversation('c1', { contactId: 'k1' }))]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    clock = 0;
    reply = 0;
    checkpoints = startIdleCheckpoints(db, { idleMs: 250, maxBusyMs: 2_000, tickMs: 100, now: () => clock });
  });

  afterEach(() => {
    checkpoints.stop();
    db.close();
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  const advance = (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      clock += 100;
      vi.advanceTimersByTime(100);
    }
  };

  it('moves the automatic checkpoint out of the way: commits pile up in the WAL without one', () => {
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
    for (let i = 0; i < 100; i++) write();
    expect(checkpoints.history).toEqual([]);
    expect(walFrames()).toBeGreaterThan(1_000); // SQLite's default would have checkpointed in a commit
  });

  it('checkpoints once writes pause, and not while they go on', () => {
    write();
    advance(100);
    write();
    advance(100);
    expect(checkpoints.history).toHaveLength(0);
    advance(400);
    expect(checkpoints.history).toHaveLength(1);
    expect(checkpoints.history[0]!.frames).toBeGreaterThan(0);
    advance(1_000);
    expect(checkpoints.history).toHaveLength(1); // nothing new to copy
  });

  it('checkpoints anyway after writing without a pause for maxBusyMs', () => {
    for (let i = 0; i < 30; i++) {
      write();
      advance(100);
    }
    expect(checkpoints.history.length).toBeGreaterThanOrEqual(1);
  });

  it('every local write is committed (readable by another connection) before any checkpoint', () => {
    write();
    const other = new Database(join(dir, 'cache.sqlite'), { readonly: true });
    expect(other.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    expect(other.prepare("SELECT pending FROM messages WHERE id = 'm1'").get()).toEqual({ pending: 1 });
    other.close();
    expect(checkpoints.history).toHaveLength(0);
    expect(walFrames()).toBeGreaterThan(0);
  });
});
