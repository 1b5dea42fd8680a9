/**
 * The real core against the real server: ingest, replies, offline writes, stale writes and scope
 * changes, with two agents' caches in one process. Runs on SQLite always and on PostgreSQL when
 * SWITCHBOARD_TEST_DATABASE_URL is set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../shared/contracts/rpc';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from './stack';

let stack: Stack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

let externalSeq = 0;
/** Ingest an email (routed to 售后, which both agents see) and return its conversation id. */
async function ingestEmail(s: Stack, text: string): Promise<string> {
  externalSeq += 1;
  const response = await s.server.ingest({
    channel: 'email',
    externalId: `core-it-${Date.now()}-${externalSeq}`,
    contact: {
      externalId: `customer-${externalSeq}`,
      name: `客户 ${externalSeq}`,
      email: `c${externalSeq}@example.test`,
    },
    text,
    subject: 'Order question',
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { conversationId: string }).conversationId;
}

const detail = (agent: TestAgent, conversationId: string) =>
  agent.call('conversation.get', { conversationId });
const texts = (d: ConversationDetail | null) => d?.messages.map((m) => m.text) ?? [];

async function seen(
  agent: TestAgent,
  conversationId: string,
  predicate: (d: ConversationDetail | null) => boolean,
  what: string,
) {
  return eventually(() => detail(agent, conversationId), predicate, what);
}

for (const backend of testBackends()) {
  describe(`workstation core ↔ server (${backend})`, () => {
    it('a reply written just before signing out is sent before the next person’s sign-in clears the cache', async () => {
      stack = await startStack(backend);
      const { agentA, agentB } = stack;
      const id = await ingestEmail(stack, '快递一直没到。');
      await seen(agentA, id, (x) => texts(x).includes('快递一直没到。'), 'ingested on A');
      await agentA.call('conversation.reply', { conversationId: id, kind: 'text', text: '马上为您查询物流。' });
      await agentA.call('conversation.reply', { conversationId: id, kind: 'note', text: '已联系快递站点' });
      await agentA.call('session.logout', {});
      expect((await agentA.call('sync.status', {})).pending).toBe(0);
      // Wang Wei takes over the workstation: Li Na's cache goes, her writes are on the server.
      await agentA.call('session.login', { email: 'wang.wei@demo.switchboard', password: DEMO_PASSWORD });
      const onB = await seen(agentB, id, (x) => texts(x).includes('已联系快递站点'), 'both writes on the server');
      expect(texts(onB)).toEqual(expect.arrayContaining(['马上为您查询物流。', '已联系快递站点']));
    });

    it('an ingested message reaches both agents, and A’s reply reaches B', async () => {
      stack = await startStack(backend);
      const { agentA, agentB } = stack;
      const id = await ingestEmail(stack, '我的退款什么时候到账？');
      for (const agent of [agentA, agentB]) {
        const d = await seen(
          agent,
          id,
          (x) => texts(x).includes('我的退款什么时候到账？'),
          'ingested message',
        );
        expect(d!.conversation.teamId).toBe('team-aftersales');
        const inbox = await agent.call('inbox.list', {
          scope: 'myTeams',
          sort: 'newest',
          offset: 0,
          limit: 50,
        });
        expect(inbox.rows.map((r) => r.id)).toContain(id);
        const search = await agent.call('inbox.search', { query: '退款', limit: 10 });
        expect(search.hits.map((h) => h.row.id)).toContain(id);
      }

      const { messageId } = await agentA.call('conversation.reply', {
        conversationId: id,
        kind: 'text',
        text: '您好，退款将在 3 个工作日内到账。',
      });
      const onB = await seen(
        agentB,
        id,
        (x) => texts(x).includes('您好，退款将在 3 个工作日内到账。'),
        'reply on B',
      );
      expect(onB!.messages.find((m) => m.id === messageId)).toMatchObject({
        direction: 'out',
        authorName: '李娜 Li Na',
        pending: false,
      });
      const onA = await seen(
        agentA,
        id,
        (x) => x?.messages.find((m) => m.id === messageId)?.pending === false,
        'reply confirmed on A',
      );
      expect(onA!.messages.filter((m) => m.id === messageId)).toHaveLength(1);
      // B can see the reply before A's acknowledgement lands; the outbox empties right after.
      await expect.poll(async () => (await agentA.call('sync.status', {})).pending).toBe(0);
    });

    it('replies written while the server is down arrive exactly once and in order after it returns', async () => {
      stack = await startStack(backend);
      const { agentA, agentB } = stack;
      const id = await ingestEmail(stack, 'Is anyone there?');
      await seen(agentB, id, (x) => x !== null, 'conversation on B');
      await seen(agentA, id, (x) => x !== null, 'conversation on A');

      await stack.stopServer();
      await eventually(
        () => agentA.call('sync.status', {}),
        (s) => s.state === 'offline',
        'A offline',
      );
      const replies = ['First reply', 'Second reply', 'Third reply'];
      for (const text of replies)
        await agentA.call('conversation.reply', { conversationId: id, kind: 'text', text });
      expect((await agentA.call('sync.status', {})).pending).toBe(3);
      // Offline, the writes are already visible locally, pending.
      expect((await detail(agentA, id))!.messages.filter((m) => m.pending).map((m) => m.text)).toEqual(
        replies,
      );

      await stack.restartServer();
      await eventually(
        () => agentA.call('sync.status', {}),
        (s) => s.state === 'online' && s.pending === 0,
        'A drained',
      );
      const onB = await seen(
        agentB,
        id,
        (x) => replies.every((r) => texts(x).includes(r)),
        'offline replies on B',
      );
      expect(texts(onB).filter((t) => replies.includes(t))).toEqual(replies);
      const onA = await detail(agentA, id);
      expect(texts(onA).filter((t) => replies.includes(t))).toEqual(replies);
      expect(onA!.messages.every((m) => !m.pending && m.failedReason === null)).toBe(true);
      expect(onA!.conversation.messageCount).toBe(4);
    });

    it('a stale assignment is rejected, rolled back to the server truth and reported', async () => {
      stack = await startStack(backend);
      const { agentA, agentB } = stack;
      const id = await ingestEmail(stack, 'Please help with my invoice');
      await seen(agentB, id, (x) => x !== null, 'conversation on B');
      await seen(agentA, id, (x) => x !== null, 'conversation on A');

      agentB.core.goOffline();
      await eventually(
        () => agentB.call('sync.status', {}),
        (s) => s.state === 'offline',
        'B offline',
      );
      await agentB.call('conversation.assign', { conversationId: id, assigneeId: 'agent-wang-wei' });
      expect((await detail(agentB, id))!.conversation.assigneeId).toBe('agent-wang-wei'); // optimistic

      await agentA.call('conversation.assign', { conversationId: id, assigneeId: 'agent-li-na' });
      await eventually(
        () => agentA.call('sync.status', {}),
        (s) => s.pending === 0,
        'A acknowledged',
      );

      agentB.core.goOnline();
      const [rejection] = await eventually(
        () => agentB.eventsNamed('mutation.rejected'),
        (e) => e.length > 0,
        'rejection on B',
      );
      expect(rejection).toMatchObject({ name: 'conversation.assign', conversationId: id, code: 'stale' });
      const onB = await seen(
        agentB,
        id,
        (x) => x?.conversation.assigneeId === 'agent-li-na',
        'rollback on B',
      );
      expect(onB!.assigneeName).toBe('李娜 Li Na');
      expect((await agentB.call('sync.status', {})).pending).toBe(0);
      // A was not told that she assigned herself.
      expect(agentA.eventsNamed('conversation.assignedToMe')).toEqual([]);
    });

    it('an assignment by someone else is announced to the assignee', async () => {
      stack = await startStack(backend);
      const { agentB } = stack;
      const lead = await stack.addAgent('liu.yang@demo.switchboard');
      const id = await ingestEmail(stack, 'Where is my parcel?');
      await seen(lead, id, (x) => x !== null, 'conversation on the lead');
      await lead.call('conversation.assign', { conversationId: id, assigneeId: 'agent-wang-wei' });
      const [assigned] = await eventually(
        () => agentB.eventsNamed('conversation.assignedToMe'),
        (e) => e.length > 0,
        'assignedToMe on B',
      );
      expect(assigned).toMatchObject({ conversationId: id, preview: 'Where is my parcel?' });
      const mine = await agentB.call('inbox.list', { scope: 'mine', sort: 'newest', offset: 0, limit: 10 });
      expect(mine.rows.map((r) => r.id)).toEqual([id]);
      expect(lead.eventsNamed('mutation.rejected')).toEqual([]);
    });

    it('a transfer to a team the other agent cannot see removes it from that agent’s cache', async () => {
      stack = await startStack(backend);
      const { agentA, agentB } = stack;
      const id = await ingestEmail(stack, '产品咨询：这款型号有现货吗？');
      await seen(agentB, id, (x) => x !== null, 'conversation on B');
      await seen(agentA, id, (x) => x !== null, 'conversation on A');

      await agentA.call('conversation.transfer', {
        conversationId: id,
        teamId: 'team-presales',
        assigneeId: null,
      });
      await seen(agentB, id, (x) => x === null, 'conversation gone from B');
      const inboxB = await agentB.call('inbox.list', { scope: 'all', sort: 'newest', offset: 0, limit: 50 });
      expect(inboxB.rows.map((r) => r.id)).not.toContain(id);
      expect((await agentB.call('inbox.search', { query: '这款型号', limit: 10 })).hits).toEqual([]);
      const onA = await seen(
        agentA,
        id,
        (x) => x?.conversation.teamId === 'team-presales' && (x?.conversation.version ?? 0) > 0,
        'transfer on A',
      );
      expect(onA!.teamName).toBe('售前');
      expect(texts(onA)).toContain('产品咨询：这款型号有现货吗？');
    });
  });
}
