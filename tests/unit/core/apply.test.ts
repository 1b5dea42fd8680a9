import { describe, expect, it } from 'vitest';
import { getConversation } from '../../../electron/core/db/queries/conversations';
import { getMessage, listThread } from '../../../electron/core/db/queries/messages';
import { getCursor, getSessionAgent } from '../../../electron/core/db/queries/meta';
import { applyChanges } from '../../../electron/core/sync/apply';
import { queueConversationMutation, queueMessageSend } from '../../../electron/core/sync/outbox';
import {
  ME,
  agentUpdated,
  contact,
  contactUpdated,
  conversation,
  conversationCreated,
  conversationUpdated,
  message,
  messageCreated,
  openTestDb,
} from './fixtures';

const dump = (db: ReturnType<typeof openTestDb>) => ({
  conversations: db.prepare('SELECT * FROM conversations ORDER BY id').all(),
  messages: db.prepare('SELECT id, conversation_id, text, pending FROM messages ORDER BY id').all(),
  contacts: db.prepare('SELECT id, name FROM contacts ORDER BY id').all(),
});

describe('applyChanges', () => {
  it('is idempotent: applying the same changes twice leaves the same cache', () => {
    const db = openTestDb();
    const changes = [
      contactUpdated(contact('k1'), 1),
      conversationCreated(conversation('c1', { contactId: 'k1' }), 2),
      messageCreated(message('m1', 'c1', 'hello'), 3),
    ];
    applyChanges(db, changes);
    const first = dump(db);
    applyChanges(db, changes);
    expect(dump(db)).toEqual(first);
    expect(listThread(db, 'c1')).toHaveLength(1);
  });

  it('ignores a snapshot older than the stored row', () => {
    const db = openTestDb();
    applyChanges(db, [conversationUpdated(conversation('c1', { status: 'pending', version: 3 }), 10)]);
    applyChanges(db, [conversationUpdated(conversation('c1', { status: 'open', version: 2 }), 7)]);
    expect(getConversation(db, 'c1')).toMatchObject({ status: 'pending', version: 3 });
    applyChanges(db, [
      contactUpdated(contact('k1', { name: 'New' }), 9),
      contactUpdated(contact('k1', { name: 'Old' }), 8),
    ]);
    expect(dump(db).contacts).toEqual([{ id: 'k1', name: 'New' }]);
  });

  it('moves the cursor in the same transaction, never backwards, and only when asked', () => {
    const db = openTestDb();
    applyChanges(db, [conversationCreated(conversation('c1'), 5)]);
    expect(getCursor(db)).toBe(0);
    applyChanges(db, [conversationCreated(conversation('c2'), 6)], { moveCursorTo: 6 });
    expect(getCursor(db)).toBe(6);
    applyChanges(db, [], { moveCursorTo: 4 });
    expect(getCursor(db)).toBe(6);
  });

  it('rolls back everything, cursor included, when a change cannot be stored', () => {
    const db = openTestDb();
    const bad = conversation('c2', { status: null as never });
    expect(() =>
      applyChanges(db, [conversationCreated(conversation('c1'), 1), conversationCreated(bad, 2)], {
        moveCursorTo: 2,
      }),
    ).toThrow();
    expect(getConversation(db, 'c1')).toBeNull();
    expect(getCursor(db)).toBe(0);
  });

  it('drops a conversation (and its messages) that left the viewer scope', () => {
    const db = openTestDb();
    applyChanges(db, [
      conversationCreated(conversation('c1'), 1),
      messageCreated(message('m1', 'c1', 'hi'), 2),
    ]);
    const result = applyChanges(db, [
      conversationUpdated(conversation('c1', { teamId: 'team-tech', version: 2 }), 3),
    ]);
    expect(getConversation(db, 'c1')).toBeNull();
    expect(getMessage(db, 'm1')).toBeNull();
    expect(result.conversationIds).toEqual(['c1']);
    // Still visible when assigned to the viewer.
    applyChanges(db, [
      conversationUpdated(conversation('c1', { teamId: 'team-tech', assigneeId: ME.id, version: 3 }), 4),
    ]);
    expect(getConversation(db, 'c1')).not.toBeNull();
  });

  it('re-sweeps the cache when the viewer moves to another team', () => {
    const db = openTestDb();
    applyChanges(db, [
      conversationCreated(conversation('c1'), 1),
      conversationCreated(conversation('c2', { assigneeId: ME.id }), 2),
    ]);
    const result = applyChanges(db, [agentUpdated({ ...ME, teamIds: ['team-tech'] }, 3)]);
    expect(result.sessionAgent?.teamIds).toEqual(['team-tech']);
    expect(getSessionAgent(db)?.teamIds).toEqual(['team-tech']);
    expect(getConversation(db, 'c1')).toBeNull();
    expect(getConversation(db, 'c2')).not.toBeNull();
  });

  it('confirms an optimistic message with the same id instead of duplicating it', () => {
    const db = openTestDb();
    applyChanges(db, [conversationCreated(conversation('c1', { messageCount: 1 }), 1)]);
    const messageId = '3b241101-e2bb-4255-8caf-4136c566a962';
    queueMessageSend(db, { conversationId: 'c1', messageId, kind: 'text', text: 'On it!' }, ME);
    expect(getMessage(db, messageId)).toMatchObject({ pending: true });
    expect(getConversation(db, 'c1')).toMatchObject({ messageCount: 2, lastMessagePreview: 'On it!' });
    // The server's copy arrives before the ack.
    applyChanges(db, [
      messageCreated(
        message(messageId, 'c1', 'On it!', { direction: 'out', authorType: 'agent', authorId: ME.id }),
        2,
      ),
      conversationUpdated(
        conversation('c1', { messageCount: 2, lastMessagePreview: 'On it!', lastMessageDirection: 'out' }),
        3,
      ),
    ]);
    expect(listThread(db, 'c1')).toHaveLength(1);
    expect(getMessage(db, messageId)).toMatchObject({ pending: false, failedReason: null });
    expect(getConversation(db, 'c1')?.messageCount).toBe(2);
  });

  it('keeps a pending optimistic change on top of a remote update', () => {
    const db = openTestDb();
    applyChanges(db, [conversationCreated(conversation('c1', { version: 1 }), 1)]);
    queueConversationMutation(db, 'conversation.setStatus', { conversationId: 'c1', status: 'resolved' });
    applyChanges(db, [conversationUpdated(conversation('c1', { version: 2, priority: 'urgent' }), 2)]);
    expect(getConversation(db, 'c1')).toMatchObject({ status: 'resolved', priority: 'urgent', version: 2 });
  });

  it('announces an assignment to the viewer made by someone else, not one the viewer made', () => {
    const db = openTestDb();
    applyChanges(db, [
      contactUpdated(contact('contact-c1', { name: '张三' }), 1),
      conversationCreated(conversation('c1'), 2),
      conversationCreated(conversation('c2'), 3),
    ]);
    const remote = applyChanges(
      db,
      [conversationUpdated(conversation('c1', { assigneeId: ME.id, version: 2 }), 4)],
      { announceAssignments: true },
    );
    expect(remote.assignedToMe).toEqual([{ conversationId: 'c1', contactName: '张三', preview: 'hello' }]);
    queueConversationMutation(db, 'conversation.assign', { conversationId: 'c2', assigneeId: ME.id });
    const own = applyChanges(
      db,
      [conversationUpdated(conversation('c2', { assigneeId: ME.id, version: 2 }), 5)],
      { announceAssignments: true },
    );
    expect(own.assignedToMe).toEqual([]);
  });

  it('skips messages of conversations the cache does not hold', () => {
    const db = openTestDb();
    applyChanges(db, [messageCreated(message('m1', 'unknown', 'x'), 1)]);
    expect(getMessage(db, 'm1')).toBeNull();
  });
});
