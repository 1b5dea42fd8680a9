/**
 * Auto-QA rules as a reviewer meets them: which conversations they flag, which message each hit
 * points at, and what they leave alone (a greeting that is there, "hello" for the word "hell").
 */
import { describe, expect, it } from 'vitest';
import {
  AutoQaRuleSchema,
  AutoQaRulesBodySchema,
  evaluateAutoQa,
  findPhrase,
  STARTER_AUTO_QA_RULES,
  type AutoQaInput,
  type AutoQaRule,
  type AutoQaRuleInput,
} from '../../../shared/qa';

type Line = AutoQaInput['messages'][number];
const T0 = Date.parse('2026-11-20T02:00:00Z');
let seq = 0;

function say(who: 'customer' | 'agent' | 'bot' | 'note', text: string, atMin: number): Line {
  seq += 1;
  return {
    id: `m${seq}`,
    kind: who === 'note' ? 'note' : 'text',
    authorType: who === 'customer' ? 'contact' : who === 'note' ? 'agent' : who,
    direction: who === 'customer' ? 'in' : 'out',
    text,
    call: null,
    createdAt: new Date(T0 + atMin * 60_000).toISOString(),
  };
}

function call(lines: [number, string, string][]): Line {
  seq += 1;
  return {
    id: `call${seq}`,
    kind: 'call',
    authorType: 'contact',
    direction: 'in',
    text: 'call',
    call: { durationSec: 300, transcript: lines.map(([atSec, speaker, text]) => ({ atSec, speaker, text })) },
    createdAt: new Date(T0).toISOString(),
  };
}

const rule = (input: AutoQaRuleInput): AutoQaRule => AutoQaRuleSchema.parse(input);
const name = { 'zh-CN': '规则', en: 'Rule' };
const phrases = (zh: string[], en: string[]) => ({ 'zh-CN': zh, en });

function hitsOf(r: AutoQaRuleInput, messages: Line[], endSentiment: AutoQaInput['endSentiment'] = 'neutral') {
  return evaluateAutoQa([rule(r)], { messages, endSentiment }).hits;
}

describe('findPhrase', () => {
  it.each<[string, string[], string[], string | null]>([
    ['您好，我是客服小李', ['您好'], [], '您好'],
    ['Hello there', [], ['hell'], null],
    ['What the hell, calm down', [], ['hell'], 'hell'],
    ['Please CALM DOWN sir', [], ['calm down'], 'calm down'],
    ['ｈｅｌｌｏ', [], ['hello'], 'hello'],
    ['这个我不知道哦', ['不知道'], [], '不知道'],
    ['no match here', ['你好'], ['hi'], null],
  ])('%s', (text, zh, en, expected) => {
    expect(findPhrase(text, phrases(zh, en))).toBe(expected);
  });
});

describe('evaluateAutoQa', () => {
  it('flags a missing greeting on the first agent reply only, and nothing when the agent greets', () => {
    const greeting: AutoQaRuleInput = { id: 'g', kind: 'greeting', name, phrases: phrases(['您好'], ['hello']) };
    const rude = [say('customer', '在吗', 0), say('bot', '您好，我是机器人', 0), say('agent', '说', 1), say('agent', '您好', 2)];
    const hits = hitsOf(greeting, rude);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ ruleId: 'g', kind: 'greeting', messageId: rude[2]!.id, excerpt: '说' });
    expect(hitsOf(greeting, [say('customer', 'hi', 0), say('agent', 'Hello Amy, how can I help?', 1)])).toEqual([]);
  });

  it('judges nothing when no agent ever replied (the bot closed it alone)', () => {
    const greeting: AutoQaRuleInput = { id: 'g', kind: 'greeting', name, phrases: phrases(['您好'], []) };
    expect(hitsOf(greeting, [say('customer', '几点发货', 0), say('bot', '下午四点前下单当天发货', 0)])).toEqual([]);
  });

  it('reads the closing from the last agent words, notes left out', () => {
    const closing: AutoQaRuleInput = { id: 'c', kind: 'closing', name, phrases: phrases(['谢谢'], ['thank you']) };
    const thread = [say('customer', 'ok', 0), say('agent', 'Done, thank you!', 1), say('note', 'customer was rude', 2)];
    expect(hitsOf(closing, thread)).toEqual([]);
    const abrupt = [say('customer', 'ok', 0), say('agent', 'Thank you for waiting', 1), say('agent', 'Done.', 2)];
    expect(hitsOf(closing, abrupt).map((hit) => hit.messageId)).toEqual([abrupt[2]!.id]);
  });

  it('gives one hit per message with a forbidden phrase, naming the phrase', () => {
    const forbidden: AutoQaRuleInput = { id: 'f', kind: 'forbidden', name, phrases: phrases(['不归我管'], ['calm down']) };
    const thread = [say('agent', '这个不归我管', 0), say('agent', 'Please calm down', 1), say('agent', '好的', 2)];
    const hits = hitsOf(forbidden, thread);
    expect(hits.map((hit) => [hit.messageId, hit.evidence])).toEqual([
      [thread[0]!.id, '不归我管'],
      [thread[1]!.id, 'calm down'],
    ]);
  });

  it('finds a promised call-back in a call transcript, with the second it was said', () => {
    const callback: AutoQaRuleInput = { id: 'cb', kind: 'callback_promise', name, phrases: phrases(['回电'], ['call you back']) };
    const phone = call([
      [0, 'customer', '空调不制冷'],
      [12, 'agent', '我查一下，明天上午给您回电'],
    ]);
    expect(hitsOf(callback, [phone])).toMatchObject([{ messageId: phone.id, atSec: 12, evidence: '回电' }]);
  });

  it('flags a reply that came later than the limit after the customer first asked', () => {
    const slow: AutoQaRuleInput = { id: 's', kind: 'slow_reply', name, seconds: 600 };
    const thread = [
      say('customer', 'hello?', 0),
      say('customer', 'anyone?', 5),
      say('agent', 'Sorry for the wait', 12),
      say('customer', 'thanks', 13),
      say('agent', 'you are welcome', 14),
    ];
    const hits = hitsOf(slow, thread);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ messageId: thread[2]!.id, evidence: '720' });
  });

  it('points a negative end at the customer’s last message, and only when it ended negative', () => {
    const unhappy: AutoQaRuleInput = { id: 'n', kind: 'negative_end', name };
    const thread = [say('customer', '太差了', 0), say('agent', '抱歉', 1), say('customer', '算了', 2)];
    expect(hitsOf(unhappy, thread, 'negative').map((hit) => hit.messageId)).toEqual([thread[2]!.id]);
    expect(hitsOf(unhappy, thread, 'neutral')).toEqual([]);
  });

  it('flags each silence on a call longer than the limit, at the line before it', () => {
    const silence: AutoQaRuleInput = { id: 'l', kind: 'long_silence', name, seconds: 30 };
    const phone = call([
      [0, 'agent', '您好'],
      [10, 'customer', '我的订单'],
      [55, 'agent', '让您久等了'],
      [80, 'customer', '好'],
    ]);
    expect(hitsOf(silence, [phone])).toMatchObject([{ atSec: 10, evidence: '45', excerpt: '我的订单' }]);
  });

  it('skips inactive rules and keeps the first hits when there are very many', () => {
    const forbidden = rule({ id: 'f', kind: 'forbidden', name, phrases: phrases(['不知道'], []) });
    const thread = Array.from({ length: 150 }, (_, i) => say('agent', '不知道', i));
    const result = evaluateAutoQa([forbidden, { ...forbidden, id: 'off', active: false }], { messages: thread, endSentiment: null });
    expect(result.hitCount).toBe(150);
    expect(result.hits).toHaveLength(100);
    expect(result.hits.every((hit) => hit.ruleId === 'f')).toBe(true);
  });

  it('accepts the starter rules and refuses a rule without phrases or a duplicate id', () => {
    expect(AutoQaRulesBodySchema.safeParse({ rules: STARTER_AUTO_QA_RULES }).success).toBe(true);
    const empty = AutoQaRulesBodySchema.safeParse({ rules: [{ id: 'x', kind: 'forbidden', name, phrases: phrases([], []) }] });
    expect(empty.success).toBe(false);
    const twice = AutoQaRulesBodySchema.safeParse({ rules: [STARTER_AUTO_QA_RULES[0], STARTER_AUTO_QA_RULES[0]] });
    expect(twice.success).toBe(false);
  });
});
