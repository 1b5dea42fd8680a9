/** The stale-draft rule: which messages since the draft began hold a reply back. */
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/contracts/rpc';
import { newSinceDraft, seenBaseline } from '../../../renderer/src/features/collision/staleDraft';

const SELF = 'agent-li-na';

function message(id: string, fields: Partial<MessageView>): MessageView {
  return {
    id,
    conversationId: 'c1',
    direction: 'in',
    kind: 'text',
    authorType: 'contact',
    authorId: null,
    text: `text of ${id}`,
    subject: null,
    call: null,
    createdAt: '2026-11-24T10:00:00.000Z',
    authorName: null,
    pending: false,
    failedReason: null,
    ...fields,
  };
}

const before = [message('m1', {}), message('m2', { direction: 'out', authorType: 'agent', authorId: SELF, authorName: '李娜' })];
const seen = seenBaseline(before);

describe('newSinceDraft', () => {
  it.each([
    ['a customer message', message('n1', { text: '还在吗？' }), 'customer', '王芳'],
    ['a call from the customer', message('n1', { kind: 'call', text: 'Caller asks again' }), 'customer', '王芳'],
    ['another agent’s reply', message('n1', { direction: 'out', authorType: 'agent', authorId: 'agent-wang-wei', authorName: '王伟' }), 'agent', '王伟'],
    ['a bot reply', message('n1', { direction: 'out', authorType: 'bot', authorName: null }), 'bot', ''],
  ])('holds the reply back for %s', (_what, news, kind, author) => {
    expect(newSinceDraft([...before, news], seen, SELF, '王芳')).toEqual([{ id: 'n1', kind, author, text: news.text }]);
  });

  it.each([
    ['nothing new', []],
    ['my own reply (sent from another window)', [message('n1', { direction: 'out', authorType: 'agent', authorId: SELF })]],
    ['my own reply still pending', [message('n1', { direction: 'out', authorType: 'agent', authorId: SELF, pending: true })]],
    ['another agent’s internal note', [message('n1', { direction: 'out', kind: 'note', authorType: 'agent', authorId: 'agent-wang-wei' })]],
    ['a system line (assignment)', [message('n1', { direction: 'out', kind: 'system', authorType: 'system' })]],
  ])('lets the reply go for %s', (_what, news) => {
    expect(newSinceDraft([...before, ...news], seen, SELF, '王芳')).toEqual([]);
  });

  it('never counts what was on screen when the draft began, and lists news oldest first', () => {
    const news = [
      message('n1', { text: 'first' }),
      message('n2', { direction: 'out', authorType: 'agent', authorId: 'agent-emma-clark', authorName: 'Emma Clark', text: 'second' }),
      message('n3', { text: 'third', authorName: 'Amy Lee' }),
    ];
    expect(newSinceDraft([...before, ...news], seen, SELF, 'Amy').map((m) => [m.id, m.author])).toEqual([
      ['n1', 'Amy'],
      ['n2', 'Emma Clark'],
      ['n3', 'Amy Lee'],
    ]);
    expect(newSinceDraft([...before, ...news], seenBaseline([...before, ...news]), SELF, 'Amy')).toEqual([]);
  });
});
