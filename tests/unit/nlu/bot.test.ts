import { describe, expect, it } from 'vitest';
import { asksForHuman, createBot } from '../../../server/domain/nlu/bot';

const bot = createBot({ confidenceThreshold: 0.6, maxTurns: 3 });

describe('bot handoff', () => {
  it.each(['转人工', '人工客服', '我要转人工，你听不懂', '请帮我接人工客服', 'agent', 'human', 'Can I talk to a human?', 'agent please, this is urgent'])(
    'hands "%s" to a person on the first turn',
    (text) => {
      const reply = bot.answer(text, { turn: 1 });
      expect(reply).toMatchObject({ kind: 'handoff', reason: 'asked_for_human' });
    },
  );

  it('recognises the request as whole words, not inside other words', () => {
    expect(asksForHuman('转人工')).toBe(true);
    expect(asksForHuman('I want a human')).toBe(true);
    expect(asksForHuman('my agenda is full')).toBe(false);
    expect(asksForHuman('人工智能耳机有降噪吗')).toBe(false);
  });

  it('hands off after the configured number of turns even when it could answer', () => {
    expect(bot.answer('怎么开发票', { turn: 3 }).kind).toBe('answer');
    expect(bot.answer('怎么开发票', { turn: 4 })).toMatchObject({ kind: 'handoff', reason: 'max_turns', intent: 'billing', team: 'team-aftersales' });
    expect(createBot({ maxTurns: 1 }).answer('How do I get an invoice?', { turn: 2 })).toMatchObject({ reason: 'max_turns' });
  });

  it('hands off with low confidence on questions outside the knowledge base, to the team of the issue', () => {
    const reply = bot.answer('What is the capital of France?', { turn: 1 });
    expect(reply).toMatchObject({ kind: 'handoff', reason: 'low_confidence' });
    const fault = bot.answer('耳机充不进电，指示灯不亮了', { turn: 1 });
    expect(fault).toMatchObject({ kind: 'handoff', reason: 'low_confidence', intent: 'after_sales_fault', team: 'team-techsupport' });
  });

  it('a stricter threshold turns answers into handoffs', () => {
    expect(createBot({ confidenceThreshold: 1.01 }).answer('退款几天能到账', { turn: 1 })).toMatchObject({ kind: 'handoff', reason: 'low_confidence' });
  });
});

describe('bot answers', () => {
  it.each([
    ['退款要几天才能到账', 'kb.refund_time', /工作日/],
    ['When will my refund reach my card?', 'kb.refund_time', /business days/],
    ['收货地址能改吗', 'kb.change_address', /修改地址/],
    ['How do I reset my password?', 'kb.password_reset', /Forgot password/],
    ['我的order到哪了', 'kb.track_order', /物流/],
  ])('answers "%s" from %s in the customer\'s language', (text, intent, answer) => {
    const reply = bot.answer(text, { turn: 1 });
    expect(reply.kind).toBe('answer');
    if (reply.kind !== 'answer') return;
    expect(reply.intent).toBe(intent);
    expect(reply.answer).toMatch(answer);
    expect(reply.confidence).toBeGreaterThanOrEqual(0.6);
  });
});
