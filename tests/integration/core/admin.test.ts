/**
 * The admin screen's calls through a real workstation core against a real server: an admin reads
 * and saves SLA policies, calendars and the knowledge base; an agent is refused; the server's own
 * validation message reaches the caller word for word; and a stopped server gives `offline`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcInput, RpcMethod } from '../../../shared/contracts/rpc';
import { testBackends } from '../server/harness';
import { startStack, type Stack, type TestAgent } from './stack';

async function refusal<M extends RpcMethod>(who: TestAgent, method: M, params: RpcInput<M>) {
  const response = await who.core.rpc.handle(method, params);
  expect(response.ok, `${method} should fail`).toBe(false);
  return response.ok ? { code: '', message: '' } : response.error;
}

describe.each(testBackends())('admin settings through the core (%s)', (backend) => {
  let stack: Stack;
  let admin: TestAgent;
  beforeAll(async () => {
    stack = await startStack(backend);
    admin = await stack.addAgent('admin@demo.switchboard');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lets an admin read and save the knowledge base, which the server then serves', async () => {
    const { entries } = await admin.call('admin.knowledge.get', {});
    expect(entries.length).toBeGreaterThan(3);
    const edited = entries.map((entry, index) =>
      index === 0 ? { ...entry, answer: { ...entry.answer, en: 'Open 8:00 to 22:00 every day.' } } : entry,
    );
    const saved = await admin.call('admin.knowledge.put', { entries: edited });
    expect(saved.entries[0]!.answer.en).toBe('Open 8:00 to 22:00 every day.');
    expect(stack.server.knowledge.entries()[0]!.answer.en).toBe('Open 8:00 to 22:00 every day.');
    expect((await admin.call('admin.knowledge.get', {})).entries).toEqual(edited);
  });

  it('lets an admin reorder SLA policies and edit a calendar', async () => {
    const { policies } = await admin.call('admin.slaPolicies.get', {});
    const { calendars } = await admin.call('admin.calendars.get', {});
    expect(policies.length).toBeGreaterThan(2); // the demo's: VIP, urgent, high, chat, then the catch-all
    const reordered = [policies[1]!, policies[0]!, ...policies.slice(2)];
    await admin.call('admin.slaPolicies.put', { policies: reordered });
    expect((await admin.call('admin.slaPolicies.get', {})).policies.map((p) => p.id)).toEqual(
      reordered.map((p) => p.id),
    );
    const first = calendars[0]!;
    const holidays = [...(first.calendar.holidays ?? []), '2030-10-01'];
    const edited = [{ ...first, calendar: { ...first.calendar, holidays } }, ...calendars.slice(1)];
    await admin.call('admin.calendars.put', { calendars: edited });
    expect((await admin.call('admin.calendars.get', {})).calendars[0]!.calendar.holidays).toContain(
      '2030-10-01',
    );
  });

  it('lets an admin replace the auto-QA rules, which the server then serves', async () => {
    const rules = [
      {
        id: 'forbidden',
        kind: 'forbidden' as const,
        name: { 'zh-CN': '服务禁语', en: 'Forbidden phrases' },
        active: true,
        categoryId: null,
        phrases: { 'zh-CN': ['不归我管'], en: ['not my problem', 'no idea'] },
      },
      {
        id: 'slow-reply',
        kind: 'slow_reply' as const,
        name: { 'zh-CN': '回复过慢', en: 'Slow reply' },
        active: false,
        categoryId: null,
        seconds: 600,
      },
    ];
    expect((await admin.call('admin.autoQaRules.put', { rules })).rules).toEqual(rules);
    expect((await admin.call('admin.autoQaRules.get', {})).rules).toEqual(rules);
    expect(await refusal(stack.agentA, 'admin.autoQaRules.get', {})).toMatchObject({ code: 'forbidden' });
  });

  it('refuses agents in the core', async () => {
    for (const method of ['admin.knowledge.get', 'admin.slaPolicies.get', 'admin.calendars.get'] as const) {
      expect(await refusal(stack.agentA, method, {})).toMatchObject({ code: 'forbidden' });
    }
    const { entries } = await admin.call('admin.knowledge.get', {});
    expect(await refusal(stack.agentA, 'admin.knowledge.put', { entries })).toMatchObject({
      code: 'forbidden',
    });
  });

  it("passes the server's validation message through unchanged", async () => {
    const { policies } = await admin.call('admin.slaPolicies.get', {});
    const broken = policies.map((p, i) => (i === 0 ? { ...p, calendarId: 'nowhere' } : p));
    const error = await refusal(admin, 'admin.slaPolicies.put', { policies: broken });
    expect(error).toEqual({
      code: 'invalid',
      message: `policies: policy "${policies[0]!.id}": unknown calendar "nowhere"`,
    });

    const { calendars } = await admin.call('admin.calendars.get', {});
    const used = policies[0]!.calendarId;
    const withoutUsed = calendars.filter((c) => c.id !== used);
    expect(withoutUsed.length).toBeGreaterThan(0); // the demo has an office and a 24/7 calendar
    const removed = await refusal(admin, 'admin.calendars.put', { calendars: withoutUsed });
    expect(removed.code).toBe('invalid');
    expect(removed.message).toContain(`calendar "${used}" is used by policy`);
  });

  it('says offline when the server cannot be reached', async () => {
    await stack.stopServer();
    const error = await refusal(admin, 'admin.knowledge.get', {});
    expect(error.code).toBe('offline');
    expect(error.message).toMatch(/cannot be reached/);
  });
});
