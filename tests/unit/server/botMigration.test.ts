/**
 * Server migration 006_bot_and_insight: the classification columns exist on messages and
 * conversations, a customer message can be named by one bot decision only, and down() removes
 * the columns again (SQLite here; the PostgreSQL path runs in tests/integration/server/bot.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import * as m006 from '../../../server/db/migrations/006_bot_and_insight';

let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<Store> {
  dir = mkdtempSync(join(tmpdir(), 'sb-bot-migrate-'));
  store = openSqliteStore(join(dir, 'server.db'));
  await migrateToLatest(store.db);
  return store;
}

const columnsOf = async (s: Store, table: string) =>
  ((await s.db.introspection.getTables()).find((t) => t.name === table)?.columns ?? []).map((c) => c.name);

const message = (id: string, inReplyTo: string | null) => ({
  id,
  conversation_id: 'c1',
  channel: 'chat',
  external_id: null,
  direction: 'out',
  kind: 'text',
  author_type: 'bot',
  author_id: null,
  text: 'answer',
  subject: null,
  call_json: null,
  created_at: '2026-03-09T01:00:00.000Z',
  in_reply_to: inReplyTo,
});

describe('server migration 006_bot_and_insight', () => {
  it('adds the classification columns, and down() drops them', async () => {
    const s = await open();
    expect(await columnsOf(s, 'messages')).toEqual(
      expect.arrayContaining(['issue_type', 'suggested_team_id', 'sentiment_label', 'sentiment_strength', 'sentiment_score', 'in_reply_to', 'detail_json']),
    );
    expect(await columnsOf(s, 'conversations')).toEqual(
      expect.arrayContaining(['issue_types', 'sentiment_label', 'sentiment_strength', 'sentiment_score', 'sentiment_alerted_at']),
    );
    await m006.down(s.db);
    expect(await columnsOf(s, 'messages')).not.toContain('in_reply_to');
    expect(await columnsOf(s, 'conversations')).not.toContain('sentiment_alerted_at');
  });

  it('lets one message only name a given customer message, and any number name none', async () => {
    const s = await open();
    const at = '2026-03-09T01:00:00.000Z';
    await s.db.insertInto('teams').values({ id: 't1', name: '售前', name_en: 'Pre-sales', created_at: at }).execute();
    await s.db.insertInto('contacts').values({ id: 'k1', name: 'k', email: null, phone: null, tier: 'standard', created_at: at, updated_at: at }).execute();
    await s.db
      .insertInto('conversations')
      .values({
        id: 'c1', channel: 'chat', external_id: null, contact_id: 'k1', team_id: 't1', assignee_id: null, status: 'bot',
        priority: 'normal', subject: null, created_at: at, updated_at: at, last_message_at: at, last_message_preview: '',
        last_message_direction: 'in', waiting_since: null, message_count: 0, version: 0, last_writer_client_id: null,
        writer_streak_base_version: 0,
      })
      .execute();
    await s.db.insertInto('messages').values([message('a', 'in-1'), message('b', null), message('c', null)]).execute();
    await expect(s.db.insertInto('messages').values(message('d', 'in-1')).execute()).rejects.toThrow();
    expect(await s.db.selectFrom('messages').select('id').execute()).toHaveLength(3);
  });
});
