import { describe, expect, it } from 'vitest';
import {
  searchConversations,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
} from '../../../electron/core/db/queries/search';
import { applyChanges } from '../../../electron/core/sync/apply';
import {
  contact,
  contactUpdated,
  conversation,
  conversationCreated,
  message,
  messageCreated,
  openTestDb,
  conversationUpdated,
} from './fixtures';

function seed() {
  const db = openTestDb();
  applyChanges(db, [
    contactUpdated(contact('k1', { name: '王小明', phone: '13800138000' })),
    contactUpdated(contact('k2', { name: 'Alice Smith', email: 'alice@example.test' })),
    contactUpdated(contact('k3', { name: 'Bob' })),
    conversationCreated(conversation('c1', { contactId: 'k1', lastMessageAt: '2026-01-02T00:00:00Z' })),
    conversationCreated(conversation('c2', { contactId: 'k2', lastMessageAt: '2026-01-03T00:00:00Z' })),
    conversationCreated(conversation('c3', { contactId: 'k3', lastMessageAt: '2026-01-01T00:00:00Z' })),
    messageCreated(message('m1', 'c1', '我的退款什么时候到账？订单号 A1001')),
    messageCreated(message('m2', 'c1', '退款已经处理，请耐心等待')),
    messageCreated(message('m3', 'c2', 'My package never arrived, tracking says "delivered"')),
    messageCreated(message('m4', 'c3', 'Price is 5*3 units, NEAR the limit OR not')),
  ]);
  return db;
}

const ids = (db: ReturnType<typeof seed>, q: string, limit = 20) =>
  searchConversations(db, q, limit).map((h) => h.row.id);

describe('search', () => {
  it('finds Chinese text of three or more characters, with marked snippets', () => {
    const db = seed();
    const hits = searchConversations(db, '什么时候', 10);
    expect(hits.map((h) => h.row.id)).toEqual(['c1']);
    expect(hits[0]!.snippet).toContain(`${HIGHLIGHT_START}`);
    expect(hits[0]!.snippet).toContain(HIGHLIGHT_END);
    expect(hits[0]!.snippet).not.toMatch(/<b>|<\/b>/);
  });

  it('finds one- and two-character Chinese queries', () => {
    const db = seed();
    expect(ids(db, '退款')).toEqual(['c1']);
    const [hit] = searchConversations(db, '等', 10);
    expect(hit!.row.id).toBe('c1');
    expect(hit!.snippet).toContain(`${HIGHLIGHT_START}等${HIGHLIGHT_END}`);
  });

  it('finds English text case-insensitively and by contact name, email and phone', () => {
    const db = seed();
    expect(ids(db, 'PACKAGE never')).toEqual(['c2']);
    expect(ids(db, 'alice@example')).toEqual(['c2']);
    expect(ids(db, '王小明')).toEqual(['c1']);
    expect(ids(db, '138001')).toEqual(['c1']);
  });

  it('treats quotes, stars and FTS operators as literal text', () => {
    const db = seed();
    expect(ids(db, '"delivered"')).toEqual(['c2']);
    expect(ids(db, '5*3')).toEqual(['c3']);
    expect(ids(db, 'NEAR the')).toEqual(['c3']);
    expect(ids(db, 'limit OR')).toEqual(['c3']);
    expect(ids(db, 'pack*')).toEqual([]);
    expect(ids(db, '"')).toEqual(['c2']);
    expect(ids(db, 'a" OR "b')).toEqual([]);
  });

  it('returns one hit per conversation, newest conversation first, up to the limit', () => {
    const db = seed();
    applyChanges(db, [messageCreated(message('m5', 'c2', '退款 please'))]);
    expect(ids(db, '退款')).toEqual(['c2', 'c1']);
    expect(ids(db, '退款', 1)).toHaveLength(1);
  });

  it('forgets messages of a conversation that left the cache', () => {
    const db = seed();
    applyChanges(db, [
      conversationUpdated(conversation('c1', { contactId: 'k1', teamId: 'team-elsewhere' })),
    ]);
    expect(ids(db, '什么时候')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
  });
});
