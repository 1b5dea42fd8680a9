/**
 * Core cache migration 007 and the apply path for classification: a snapshot's tags and
 * sentiment reach inbox rows and the conversation, a message's classification and bot detail
 * reach the thread, a snapshot from an older server (no such fields) keeps what the cache had,
 * and rows cached before 007 read back without the fields.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { getConversation } from '../../../electron/core/db/queries/conversations';
import { getInboxRow } from '../../../electron/core/db/queries/inbox';
import { listThread } from '../../../electron/core/db/queries/messages';
import { applyChanges } from '../../../electron/core/sync/apply';
import type { Change } from '../../../shared/contracts/sync';
import type { Conversation, Message } from '../../../shared/domain/model';

const AT = '2026-03-09T01:00:00.000Z';
const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'c1', channel: 'chat', contactId: 'k1', teamId: 't1', assigneeId: null, status: 'bot', priority: 'normal',
  subject: null, createdAt: AT, updatedAt: AT, lastMessageAt: AT, lastMessagePreview: '转人工', lastMessageDirection: 'in',
  waitingSince: AT, messageCount: 1, version: 0, ...over,
});
const message = (over: Partial<Message> = {}): Message => ({
  id: 'm1', conversationId: 'c1', direction: 'in', kind: 'text', authorType: 'contact', authorId: 'k1', text: '太差劲了',
  subject: null, call: null, createdAt: AT, ...over,
});

describe('cache migration 007_message_insight', () => {
  it('keeps rows cached before it readable, without tags', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 6);
    db.exec(`INSERT INTO conversations (id, channel, contact_id, team_id, status, priority, created_at, updated_at,
        last_message_at, last_message_preview, last_message_direction, message_count, version, server_snapshot)
      VALUES ('c0', 'chat', 'k1', 't1', 'open', 'normal', '${AT}', '${AT}', '${AT}', 'x', 'in', 1, 1, '{}')`);
    migrate(db);
    const row = getConversation(db, 'c0');
    expect(row?.status).toBe('open');
    expect(row?.issueTypes).toBeUndefined();
    expect(row?.sentiment).toBeUndefined();
  });

  it('applies tags, sentiment, classification and bot detail, and an older snapshot keeps them', () => {
    const db = new Database(':memory:');
    migrate(db);
    const sentiment = { label: 'negative' as const, strength: 0.9, score: -0.9 };
    const changes: Change[] = [
      { seq: 1, type: 'conversation.created', conversation: conversation({ issueTypes: ['logistics'], sentiment }) },
      { seq: 2, type: 'message.created', message: message({ insight: { issueType: 'logistics', suggestedTeamId: 't1', sentiment } }) },
      {
        seq: 3,
        type: 'message.created',
        message: message({
          id: 'm2', direction: 'out', kind: 'system', authorType: 'system', authorId: null, text: 'Handed to After-sales',
          detail: { kind: 'bot_handoff', reason: 'asked_for_human', intent: 'refund', teamId: 't2', knowledgeIntent: null, confidence: 0.9 },
        }),
      },
    ];
    applyChanges(db, changes);
    expect(getInboxRow(db, 'c1')).toMatchObject({ issueTypes: ['logistics'], sentiment });
    const thread = listThread(db, 'c1');
    expect(thread[0]?.insight).toMatchObject({ issueType: 'logistics', sentiment: { label: 'negative' } });
    expect(thread[1]?.detail).toMatchObject({ kind: 'bot_handoff', reason: 'asked_for_human', intent: 'refund' });

    applyChanges(db, [{ seq: 4, type: 'conversation.updated', conversation: conversation({ status: 'open' }) }]);
    expect(getConversation(db, 'c1')).toMatchObject({ status: 'open', issueTypes: ['logistics'], sentiment });
  });
});
