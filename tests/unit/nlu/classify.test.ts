import { describe, expect, it } from 'vitest';
import { createMessageClassifier, getMessageClassifier } from '../../../server/domain/nlu/classify';
import { trainMessageModel } from '../../../server/domain/nlu/messageModel';
import { loadEvaluationSet } from '../../../server/domain/nlu/evaluate';
import { DEFAULT_KNOWLEDGE_BASE } from '../../../server/domain/nlu/training/knowledgeBase';
import { defaultTrainingExamples } from '../../../server/domain/nlu/training/examples';
import { nearDuplicates } from '../../../server/domain/nlu/overlap';
import { markNegation, tokenize } from '../../../server/domain/nlu/tokenize';

const classifier = getMessageClassifier();

describe('issue type and team', () => {
  it.each([
    ['耳机一直有杂音，声音断断续续', 'after_sales_fault', 'team-techsupport'],
    ['The speaker will not power on', 'after_sales_fault', 'team-techsupport'],
    ['退款到现在还没到账', 'refund', 'team-aftersales'],
    ['I want my money back for this order', 'refund', 'team-aftersales'],
    ['快递三天了还没发货', 'logistics', 'team-aftersales'],
    ['发票抬头开错了', 'billing', 'team-aftersales'],
    ['I was charged twice', 'billing', 'team-aftersales'],
    ['忘记密码登录不了', 'account', 'team-techsupport'],
    ['这款手表防水吗', 'product_question', 'team-presales'],
    ['建议App增加夜间模式，字体也调大一点', 'product_suggestion', 'team-presales'],
    ['你们客服态度太差了，我要投诉', 'service_complaint', 'team-aftersales'],
    ['我的order还没到', 'logistics', 'team-aftersales'],
  ])('"%s" is %s for %s', (text, type, team) => {
    const result = classifier.classify(text);
    expect(result.issueType).toBe(type);
    expect(result.team).toBe(team);
  });
});

describe('sentiment', () => {
  it.each([
    ['服务很好，非常满意，谢谢', 'positive'],
    ['Thank you so much, great service', 'positive'],
    ['请问发票怎么开', 'neutral'],
    ['How long does the battery last?', 'neutral'],
    ['等了一个星期还没人处理，太差了', 'negative'],
    ['Terrible service, nobody answers', 'negative'],
  ])('"%s" is %s', (text, label) => {
    const { sentiment } = classifier.classify(text);
    expect(sentiment.label).toBe(label);
    if (label === 'neutral') expect(sentiment.strength).toBe(0);
    else expect(sentiment.strength).toBeGreaterThan(0.4);
  });

  it('marks negation so "not happy" / "不太满意" do not read as praise', () => {
    expect(markNegation(tokenize('I am not happy'))).toContain('not_happi');
    expect(markNegation(tokenize('不太满意'))).toContain('not_满意');
    expect(classifier.classify('不太满意').sentiment.label).toBe('negative');
    expect(classifier.classify('Not happy with this at all').sentiment.label).toBe('negative');
  });

  it('keeps English words inside Chinese sentences', () => {
    expect(tokenize('我的order还没到')).toContain('order');
  });
});

describe('hard cases', () => {
  it.each([
    'Just a suggestion: delivery texts could give a one-hour window',
    '提个建议，物流短信能不能写清楚几点送到',
  ])('a suggestion that names a weak spot is a neutral suggestion, not a complaint: "%s"', (text) => {
    const result = classifier.classify(text);
    expect(result.issueType).toBe('product_suggestion');
    expect(result.sentiment.label).toBe('neutral');
  });

  it('a contrast is read by its later clause', () => {
    expect(classifier.classify('耳机音质很好，但是物流太慢了，等了十天').sentiment.label).toBe('negative');
    expect(classifier.classify('It took ages, but the refund finally arrived, thank you').sentiment.label).toBe('positive');
  });

  it('reads the customer in an email, not the quoted reply or the signature', () => {
    const email = 'Hi,\n\nMy earbuds stopped charging yesterday.\n\nRegards,\nAnna\n\nOn Mon, 1 Dec 2026, Support wrote:\n> Your refund has been issued, thank you for your patience.';
    expect(classifier.classify(email).issueType).toBe('after_sales_fault');
  });
});

describe('strength', () => {
  it('a mild complaint is surely negative but weak; an angry one is strong enough to alert on', () => {
    const mild = classifier.classify('The delivery is a bit slow, not great').sentiment;
    const angry = classifier.classify('太差劲了，等了一个星期还没发货，气死我了').sentiment;
    expect(mild.label).toBe('negative');
    expect(angry.label).toBe('negative');
    expect(mild.strength).toBeLessThan(0.6);
    expect(angry.strength).toBeGreaterThan(0.9);
    expect(angry.score).toBeLessThan(mild.score);
  });
});

describe('retraining', () => {
  it('is one call from labelled examples to a model, and new examples change what it answers', () => {
    const text = 'Zorblax pod humming';
    const base = defaultTrainingExamples();
    const taught = [...base, ...['Zorblax pod humming loudly', 'my Zorblax pod is humming', 'the Zorblax pod hums'].map((example) => ({ text: example, issueType: 'after_sales_fault' as const, team: 'team-techsupport' as const, sentiment: 'neutral' as const }))];
    expect(classifier.classify(text).issueType).toBe('unsure');
    const model = trainMessageModel(taught);
    expect(model.trainingSize).toBe(taught.length);
    const retrained = createMessageClassifier({ model });
    expect(retrained.classify(text).issueTypeGuess).toBe('after_sales_fault');
  });
});

describe('data hygiene', () => {
  const trainingTexts = [
    ...defaultTrainingExamples().map((example) => example.text),
    ...DEFAULT_KNOWLEDGE_BASE.flatMap((entry) => [...entry.variants['zh-CN'], ...entry.variants.en]),
  ];

  it('no evaluation message is also a training example', () => {
    const training = new Set(trainingTexts.map((text) => text.toLowerCase()));
    const overlap = loadEvaluationSet().filter((message) => training.has(message.text.toLowerCase()));
    expect(overlap.map((message) => message.text)).toEqual([]);
  });

  it('no evaluation message is a near-duplicate of a training example (normalised text, character trigrams)', () => {
    const found = nearDuplicates(loadEvaluationSet().map((message) => message.text), trainingTexts);
    expect(found).toEqual([]);
  });

  it('near-duplicates are recognised through case, punctuation, channel framing and small edits', () => {
    const training = ['Where is my package?', '客服：您好。\n客户：退款一直没有到账，已经两周了。'];
    expect(nearDuplicates(['where is my package', '退款一直没有到账,已经两周了', 'Where is my package now?'], training).map((found) => found.text)).toEqual([
      'where is my package',
      '退款一直没有到账,已经两周了',
      'Where is my package now?',
    ]);
    expect(nearDuplicates(['Where is my invoice?', '退货地址在哪里'], training)).toEqual([]);
  });

  it('the evaluation set has at least 1,000 messages in both languages and every channel style, with hard cases', () => {
    const set = loadEvaluationSet();
    expect(set.length).toBeGreaterThanOrEqual(1000);
    for (const lang of ['zh-CN', 'en', 'mixed'] as const) expect(set.some((message) => message.lang === lang)).toBe(true);
    for (const tag of ['sarcasm', 'negation', 'mixed', 'contrast', 'suggestion', 'email', 'call', 'sms']) expect(set.some((message) => message.tags.includes(tag))).toBe(true);
  });

  it('the training data has at least 1,000 messages', () => {
    expect(defaultTrainingExamples().filter((example) => example.sentiment !== null).length).toBeGreaterThanOrEqual(1000);
  });
});
