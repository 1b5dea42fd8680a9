/** Composer drafts live in the core's cache: they survive closing and reopening it (an app restart). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database';
import { getDraft, saveDraft } from '../../../electron/core/db/queries/canned';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('composer drafts', () => {
  it('keeps each conversation’s draft across a restart and forgets an emptied one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-drafts-'));
    dirs.push(dir);
    const file = join(dir, 'cache.db');
    let db = openDatabase(file);
    saveDraft(db, 'conv-1', { text: '您好，{{contact.name}}', subject: 'Re: 退款', updatedAt: '2026-11-24T08:00:00.000Z' });
    saveDraft(db, 'conv-2', { text: 'second', subject: '', updatedAt: '2026-11-24T08:00:01.000Z' });
    db.close();

    db = openDatabase(file);
    expect(getDraft(db, 'conv-1')).toEqual({ text: '您好，{{contact.name}}', subject: 'Re: 退款', updatedAt: '2026-11-24T08:00:00.000Z' });
    saveDraft(db, 'conv-2', { text: '', subject: '', updatedAt: '2026-11-24T08:00:02.000Z' });
    expect(getDraft(db, 'conv-2')).toBeNull();
    db.close();
  });
});
