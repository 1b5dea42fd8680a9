/**
 * Suggestion quality on a labelled set: customer messages (zh-CN and en, written the way customers
 * write, not copied from the responses) and the demo response an experienced agent would pick.
 * Prints hit@1 and hit@3 per language; fails if hit@3 drops below 85 % in either language.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CANNED, demoCannedResponse } from '../../../server/demo/cannedSeed';
import { detectLanguage, suggestCanned, tokenize } from '../../../shared/canned/suggest';

const library = DEMO_CANNED.map((demo) => demoCannedResponse(demo, '2026-11-24T00:00:00.000Z'));

/** message → acceptable response ids (the first is the best answer). */
const LABELLED: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['我上周退的款怎么还没到账？', ['canned-demo-refund-zh']],
  ['钱什么时候能退回来', ['canned-demo-refund-zh']],
  ['申请退款三天了还没收到钱', ['canned-demo-refund-zh']],
  ['衣服尺码不合适，我想退货', ['canned-demo-return-zh']],
  ['收到的杯子有裂痕，能换货吗', ['canned-demo-return-zh']],
  ['我的快递到哪了？下单五天了还没到', ['canned-demo-shipping-zh']],
  ['什么时候发货啊', ['canned-demo-shipping-zh']],
  ['能给我一下物流单号吗', ['canned-demo-shipping-zh']],
  ['地址填错了，能改一下吗', ['canned-demo-address-zh']],
  ['我不想要了，订单能取消吗', ['canned-demo-address-zh', 'canned-demo-return-zh']],
  ['公司报销需要开发票', ['canned-demo-invoice-zh']],
  ['发票抬头可以写公司吗', ['canned-demo-invoice-zh']],
  ['现在有什么优惠活动吗', ['canned-demo-price-zh']],
  ['这个多少钱，有优惠券吗', ['canned-demo-price-zh']],
  ['黑色的还有货吗', ['canned-demo-stock-zh']],
  ['什么时候补货', ['canned-demo-stock-zh']],
  ['忘记密码了登不上', ['canned-demo-password-zh']],
  ['收不到验证码，没法登录', ['canned-demo-password-zh']],
  ['App 一打开就闪退', ['canned-demo-bug-zh']],
  ['页面一直报错，用不了', ['canned-demo-bug-zh']],
  ['你们服务太差了，我要投诉', ['canned-demo-complaint-zh']],
  ['非常不满意，找你们主管来', ['canned-demo-complaint-zh']],
  ['好的，谢谢你', ['canned-demo-closing-zh']],
  ['When will I get my refund?', ['canned-demo-refund-en']],
  ['I was promised my money back two weeks ago', ['canned-demo-refund-en']],
  ['The shoes are too small, how do I return them?', ['canned-demo-return-en']],
  ['Can I exchange this for a bigger size?', ['canned-demo-return-en']],
  ["Where is my package? It hasn't arrived yet", ['canned-demo-shipping-en']],
  ['Do you have a tracking number for my order?', ['canned-demo-shipping-en']],
  ['I need an invoice for my company', ['canned-demo-invoice-en']],
  ['Could you send me a VAT receipt?', ['canned-demo-invoice-en']],
  ['Is the blue one back in stock?', ['canned-demo-stock-en']],
  ["I forgot my password and can't log in", ['canned-demo-password-en']],
  ['I am locked out of my account, reset please', ['canned-demo-password-en']],
  ['The app keeps crashing when I open it', ['canned-demo-bug-en']],
  ["I get an error at checkout, it doesn't work", ['canned-demo-bug-en']],
  ['This is unacceptable, I want to file a complaint', ['canned-demo-complaint-en']],
  ['Thanks, that solved it!', ['canned-demo-closing-en']],
  ['Hello, can someone help me?', ['canned-demo-greet-en']],
  ['你好，在吗？', ['canned-demo-greet-zh']],
];

function measure(withIntents = true) {
  const stats = { 'zh-CN': { n: 0, hit1: 0, hit3: 0 }, en: { n: 0, hit1: 0, hit3: 0 } };
  const misses: string[] = [];
  for (const [message, expected] of LABELLED) {
    const top = suggestCanned(library, message, 3, withIntents).map((s) => s.response.id);
    const stat = stats[detectLanguage(message)];
    stat.n++;
    if (expected.includes(top[0] ?? '')) stat.hit1++;
    if (top.some((id) => expected.includes(id))) stat.hit3++;
    else misses.push(`${message} → ${top.join(', ') || '(none)'}`);
  }
  return { stats, misses };
}

describe('suggestCanned', () => {
  it('finds the right response in the top three for the labelled set, in both languages', () => {
    const { stats, misses } = measure();
    const baseline = measure(false).stats;
    for (const [language, s] of Object.entries(stats)) {
      const b = baseline[language as keyof typeof baseline];
      console.log(
        `[canned suggestions] ${language}: keywords only hit@3 ${b.hit3}/${b.n}; with intents` +
          ` hit@1 ${s.hit1}/${s.n} (${((100 * s.hit1) / s.n).toFixed(0)}%), ` +
          `hit@3 ${s.hit3}/${s.n} (${((100 * s.hit3) / s.n).toFixed(0)}%)`,
      );
    }
    for (const miss of misses) console.log(`[canned suggestions] miss: ${miss}`);
    expect(stats['zh-CN'].hit3 / stats['zh-CN'].n).toBeGreaterThanOrEqual(0.85);
    expect(stats.en.hit3 / stats.en.n).toBeGreaterThanOrEqual(0.85);
  });

  it('prefers the customer’s language and suggests nothing for unrelated text', () => {
    expect(suggestCanned(library, '退款')[0]!.response.language).toBe('zh-CN');
    expect(suggestCanned(library, 'refund')[0]!.response.language).toBe('en');
    expect(suggestCanned(library, '???')).toEqual([]);
  });

  it('tokenizes Chinese into bigrams and English into stemmed words, never placeholders', () => {
    expect([...tokenize('退款到账')]).toEqual(expect.arrayContaining(['退款', '款到', '到账', '#refund']));
    expect(tokenize('Tracking packages {{contact.name}}')).toEqual(new Set(['track', 'package', '#shipping']));
  });
});
