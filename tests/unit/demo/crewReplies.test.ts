/** What the demo crew writes: a fitting canned response first, else a scripted reply in the customer's language. */
import { describe, expect, it } from 'vitest';
import { DEMO_CANNED, demoCannedResponse } from '../../../server/demo/cannedSeed';
import { chooseCallWrapUp, chooseNote, chooseReply, nameFor } from '../../../server/demo/crewReplies';
import { createRng } from '../../../server/demo/simulatorRandom';

const canned = DEMO_CANNED.filter((d) => d.teamId === 'team-aftersales').map((d) => demoCannedResponse(d, '2026-11-24T00:00:00.000Z'));
const context = { contact: { name: '王芳' }, agent: { name: '孙丽 Sun Li' }, team: { name: '售后' }, conversation: { id: 'c-1' } };
const CJK = /[\u3400-\u9fff]/;

describe('chooseReply', () => {
  it('answers a refund question with the team’s refund response, in the customer’s language, order number filled', () => {
    const zh = chooseReply({ customerText: '订单 5521 的退款什么时候到账？', repliesSoFar: 0, canned, context, rng: createRng(1) });
    expect(zh.cannedId).toBe('canned-demo-refund-zh');
    expect(zh.text).toContain('王芳，已为您查询订单 5521 的退款');
    const en = chooseReply({ customerText: 'When will the refund for order SO-7731 arrive?', repliesSoFar: 0, canned, context, rng: createRng(1) });
    expect(en.cannedId).toBe('canned-demo-refund-en');
    expect(en.text).toContain('order SO-7731');
  });

  it('never sends a response whose prompt it cannot answer', () => {
    const reply = chooseReply({ customerText: '我的退款什么时候到账？', repliesSoFar: 0, canned, context, rng: createRng(1) });
    expect(reply.cannedId).not.toBe('canned-demo-refund-zh');
    expect(reply.text).not.toMatch(/\{\{/);
  });

  it('falls back to a scripted reply in the customer’s language, signed with the matching name', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const zh = chooseReply({ customerText: '你好，在吗', repliesSoFar: 0, canned: [], context, rng: createRng(seed) });
      expect(zh.cannedId).toBeNull();
      expect(zh.text).toMatch(CJK);
      expect(zh.text).not.toContain('Sun Li');
      const en = chooseReply({ customerText: 'Hello, anyone there?', repliesSoFar: 1, canned, context, rng: createRng(seed) });
      expect(en.cannedId).toBeNull(); // later turns are scripted follow-ups
      expect(en.text).not.toMatch(CJK);
    }
  });

  it('writes notes and call wrap-ups in the conversation’s language', () => {
    expect(chooseNote('快递三天没动了', createRng(3))).toMatch(CJK);
    expect(chooseNote('My parcel is late', createRng(3))).not.toMatch(CJK);
    expect(chooseCallWrapUp('Caller reports the air conditioner is not cooling', createRng(4))).toMatch(/^Call/);
  });

  it('signs Chinese replies with the Chinese name and English ones with the English name', () => {
    expect(nameFor('赵磊 Zhao Lei', 'zh-CN')).toBe('赵磊');
    expect(nameFor('赵磊 Zhao Lei', 'en')).toBe('Zhao Lei');
    expect(nameFor('Olivia Grant', 'zh-CN')).toBe('Olivia Grant');
  });
});
