/**
 * Canned responses through two workstation cores and a real server: the library syncs, a personal
 * response written offline arrives once the server is back, a refused team edit is rolled back,
 * a CSV import is all or nothing, export/import round-trips, and drafts outlive the core.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testBackends } from '../server/harness';
import { eventually, startStack, type Stack, type TestAgent } from '../core/stack';

let stack: Stack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const list = async (agent: TestAgent, query?: string) =>
  (await agent.call('canned.list', query ? { query } : {})).responses;

const personal = (shortcut: string, body = 'Hello {{contact.name | "there"}}') => ({
  scope: 'personal' as const,
  teamId: null,
  folder: 'Mine',
  title: `Personal ${shortcut}`,
  shortcut,
  body,
  language: 'en' as const,
  tags: ['mine'],
});

for (const backend of testBackends()) {
  describe(`canned responses in the core (${backend})`, () => {
    it('caches the team libraries the agent can see and ranks /ref first for the refund response', async () => {
      stack = await startStack(backend);
      const agent = stack.agentA; // 售前 + 售后
      const all = await eventually(() => list(agent), (rows) => rows.length >= 14, 'the demo library');
      expect(all.some((r) => r.id === 'canned-demo-bug-zh')).toBe(false); // 技术支持 only
      expect(all.every((r) => r.editable === false)).toBe(true); // an agent edits no team response
      const ranked = await agent.call('canned.list', { query: '/ref', language: 'zh-CN' });
      expect(ranked.responses[0]?.shortcut).toBe('refund');
    });

    it('a personal response written offline syncs when the server returns; the other agent never sees it', async () => {
      stack = await startStack(backend);
      const { agentA, agentB } = stack;
      await eventually(() => list(agentA), (rows) => rows.length > 0, 'the library');
      await stack.stopServer();
      const { id } = await agentA.call('canned.create', personal('offline-one'));
      const local = (await list(agentA)).find((r) => r.id === id);
      expect(local).toMatchObject({ pending: true, editable: true, ownerId: 'agent-li-na' });
      await stack.restartServer();
      await eventually(async () => (await list(agentA)).find((r) => r.id === id)?.pending, (p) => p === false, 'the ack');
      const seenByB = await list(agentB);
      expect(seenByB.some((r) => r.id === id)).toBe(false);
    });

    it('edits and deletes a personal response, and a second core of the same agent follows', async () => {
      stack = await startStack(backend);
      const { agentA } = stack;
      const twin = await stack.addAgent('li.na@demo.switchboard');
      const { id } = await agentA.call('canned.create', personal('edit-me'));
      await eventually(async () => (await list(twin)).find((r) => r.id === id)?.title, (t) => t === 'Personal edit-me', 'the create on the twin');
      await agentA.call('canned.update', { ...personal('edit-me'), id, title: 'Edited', body: '改过的 {{agent.name}}' });
      await eventually(async () => (await list(twin)).find((r) => r.id === id)?.title, (t) => t === 'Edited', 'the edit on the twin');
      await agentA.call('canned.delete', { id });
      expect((await list(agentA)).some((r) => r.id === id)).toBe(false); // at once, before the ack
      await eventually(async () => (await list(twin)).some((r) => r.id === id), (present) => !present, 'the delete on the twin');
    });

    it("refuses an agent's edit of a team response and leaves the library unchanged", async () => {
      stack = await startStack(backend);
      const agent = stack.agentA;
      const refund = await eventually(
        async () => (await list(agent)).find((r) => r.id === 'canned-demo-refund-zh'),
        (r) => r !== undefined,
        'the refund response',
      );
      await expect(
        agent.call('canned.update', { ...refund!, title: 'changed', id: refund!.id }),
      ).rejects.toThrow(/forbidden/);
      expect((await list(agent)).find((r) => r.id === refund!.id)?.title).toBe('退款进度');
    });

    it('imports a CSV all or nothing, and an export imports back without duplicates', async () => {
      stack = await startStack(backend);
      const agent = stack.agentA;
      await eventually(() => list(agent), (rows) => rows.length > 0, 'the library');
      const bad = [
        'title,shortcut,body,language,scope,team,folder,tags',
        'Good one,good-one,Fine,en,personal,,,',
        'Team one,team-one,Not mine,zh-CN,team,售后,,', // an agent may not write the team library
        'Bad,bad one,Text,en,personal,,,',
      ].join('\n');
      const refused = await agent.call('canned.import', { csv: bad });
      expect(refused).toMatchObject({ ok: false });
      if (refused.ok) return;
      expect(refused.errors.map((e) => e.row)).toEqual([4]); // the parse error first
      const refusedTeam = await agent.call('canned.import', { csv: bad.split('\n').slice(0, 3).join('\n') });
      expect(refusedTeam).toEqual({ ok: false, errors: [{ row: 3, message: expect.stringMatching(/may not/) }] });
      expect((await list(agent)).some((r) => r.shortcut === 'good-one')).toBe(false); // nothing half-imported

      const good = await agent.call('canned.import', { csv: bad.split('\n').slice(0, 2).join('\n') + '\nOther,other,"两行\n第二行",zh-CN' });
      expect(good).toEqual({ ok: true, created: 2, updated: 0 });
      const { csv, count } = await agent.call('canned.export', { scope: 'personal' });
      expect(count).toBe(2);
      expect(await agent.call('canned.import', { csv })).toEqual({ ok: true, created: 0, updated: 2 });
      expect((await list(agent)).filter((r) => r.scope === 'personal')).toHaveLength(2);
    });

    it('suggests the refund response for a refund question and records a use on the server', async () => {
      stack = await startStack(backend);
      const agent = stack.agentA;
      const response = await stack.server.ingest({
        channel: 'email',
        externalId: `canned-suggest-${Date.now()}`,
        contact: { externalId: `canned-suggest-${Date.now()}`, name: '王芳' },
        text: '退款申请一周了，钱还没退回来',
        subject: '退款',
      });
      const { conversationId } = (await response.json()) as { conversationId: string };
      const top = await eventually(
        async () => (await agent.call('canned.suggest', { conversationId })).responses,
        (rows) => rows.length > 0,
        'suggestions',
      );
      expect(top[0]!.id).toBe('canned-demo-refund-zh');
      await agent.call('canned.markUsed', { id: 'canned-demo-refund-zh' });
      await eventually(
        async () => (await list(stack!.agentB)).find((r) => r.id === 'canned-demo-refund-zh')?.usageCount,
        (n) => n === 1,
        'the use, seen by the other agent',
      );
    });
  });
}
