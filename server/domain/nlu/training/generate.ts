/**
 * The generated half of the training data: every core phrase (cores.*.ts) is written out several
 * times the way it arrives on each channel — a chat line, an email with greeting, signature and
 * the quoted earlier reply, a call transcript with the agent's turns, a terse SMS — with a product
 * filled in, sometimes a mood ("已经第三次了！" makes a neutral report negative; "谢谢" after a
 * question keeps it neutral) and, for Chinese, sometimes English words in place of Chinese ones.
 *
 * Deterministic (seeded), so the same source always trains the same model. Only training data
 * comes from here: the evaluation set in ../eval/ is written by hand, not from these templates.
 */
import type { IssueType, SentimentLabel } from '../labels';
import type { CoreRow } from './coreRow';
import { BOUNDARY_CORES } from './cores.boundaries';
import { EN_CORES } from './cores.en';
import { EN_EVERYDAY_CORES } from './cores.everyday.en';
import { ZH_EVERYDAY_CORES } from './cores.everyday.zh';
import { HARD_CORES } from './cores.hard';
import { TONE_CORES } from './cores.tone';
import { ZH_CORES } from './cores.zh';
import type { TrainingRow } from './messages';
import { seededRandom } from '../../../../shared/qa/sampling';

const PRODUCTS = {
  zh: ['耳机', '降噪耳机', '蓝牙音箱', '智能手表', '运动手环', '充电器', '充电宝', '数据线', '充电盒', '音箱'],
  en: ['earbuds', 'headphones', 'speaker', 'smartwatch', 'watch', 'fitness band', 'charger', 'power bank', 'cable', 'charging case'],
};

/** Types whose plain reports turn negative when the customer adds how it feels. */
const MOODY: ReadonlySet<IssueType> = new Set(['after_sales_fault', 'logistics', 'refund', 'billing', 'account']);

const MOOD = {
  zh: { negative: ['，太让人失望了', '，已经第三次了！', '，烦死了', '，到底怎么回事？', '，请尽快处理！！', '，真的很生气'], polite: ['，谢谢', '，麻烦帮忙看一下', '，辛苦了', '。请问怎么处理'] },
  en: { negative: [', really frustrating', '. This is the third time!', ', so annoying', '. What is going on?!', '. Sort it out ASAP!!', ", I'm furious"], polite: [', thanks', ', could you check please?', ', thank you in advance', '. What should I do?'] },
};

const MIXED_WORDS: readonly (readonly [string, string])[] = [
  ['订单', 'order'], ['退款', 'refund'], ['快递', '快递package'], ['发票', 'invoice'], ['密码', 'password'], ['账号', 'account'],
  ['验证码', 'code'], ['优惠券', 'coupon'], ['耳机', 'earbuds'], ['手表', 'watch'], ['音箱', 'speaker'], ['充电器', 'charger'],
  ['客服', 'support'], ['蓝牙', 'bluetooth'], ['升级', 'update'], ['退货', 'return'], ['物流', 'tracking'], ['颜色', 'color'],
];

type Lang = 'zh' | 'en';
type Frame = (core: string, lang: Lang, pick: <T>(items: readonly T[]) => T) => string;

const NAMES = { zh: ['王先生', '李女士', '陈', '刘洋', '赵敏'], en: ['Tom', 'Sarah K.', 'J. Patel', 'Maria', 'Chris'] };
const QUOTED = {
  zh: ['-----原始邮件-----\n发件人：Switchboard 客服\n主题：回复：您的工单\n您好，我们已收到您的反馈，会尽快处理。', '在 2026年11月3日 10:12，客服中心 写道：\n> 您好，请提供订单号，我们帮您查询。'],
  en: ['On Mon, 3 Nov 2026 at 10:12, Switchboard Support <support@switchboard.example> wrote:\n> Thanks for reaching out. Could you send us your order number?', '-----Original Message-----\nFrom: Switchboard Support\nSubject: RE: your request\nWe have logged your case and will get back to you shortly.'],
};

const FRAMES: Record<'chat' | 'email' | 'call' | 'sms', Frame> = {
  chat: (core, lang, pick) => pick(lang === 'zh' ? ['', '你好，', '在吗？', '您好，'] : ['', 'hi, ', 'hello, ', 'hey ']) + core,
  email: (core, lang, pick) =>
    lang === 'zh'
      ? `您好：\n\n${core}。\n\n${pick(['谢谢！', '此致', '盼复。'])}\n${pick(NAMES.zh)}${pick(['\n发自我的iPhone', '', ''])}\n\n${pick(QUOTED.zh)}`
      : `Hi there,\n\n${core}.\n\n${pick(['Regards,', 'Thanks,', 'Best,'])}\n${pick(NAMES.en)}${pick(['\nSent from my iPhone', '', ''])}\n\n${pick(QUOTED.en)}`,
  call: (core, lang, pick) =>
    lang === 'zh'
      ? `坐席：您好，${pick(['很高兴为您服务', '请问有什么可以帮您'])}。\n客户：${core}。\n坐席：${pick(['好的，我帮您查一下', '明白，请稍等'])}。`
      : `Agent: ${pick(['Thanks for calling, how can I help?', 'Hello, you are through to support.'])}\nCustomer: ${core}.\nAgent: ${pick(['Let me look into that.', 'Okay, one moment please.'])}`,
  sms: (core, lang, pick) => (lang === 'zh' ? core : core.replace(/\bplease\b/g, 'pls').replace(/\byou\b/g, 'u').toLowerCase()) + pick(['', '', lang === 'zh' ? '。' : ' thx']),
};


function variant(row: CoreRow, lang: Lang, next: () => number): TrainingRow {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const [type, baseSentiment, template, team] = row;
  let text = template.replaceAll('{p}', pick(PRODUCTS[lang]));
  let sentiment: SentimentLabel = baseSentiment;
  const roll = next();
  if (baseSentiment === 'neutral' && MOODY.has(type) && roll < 0.3) {
    text += pick(MOOD[lang].negative);
    sentiment = 'negative';
  } else if (baseSentiment === 'neutral' && roll > 0.75) {
    text += pick(MOOD[lang].polite);
  }
  if (lang === 'zh' && next() < 0.25) {
    for (const [zh, en] of MIXED_WORDS) if (text.includes(zh) && next() < 0.6) text = text.replace(zh, en);
  }
  const frame = pick(['chat', 'chat', 'email', 'call', 'sms'] as const);
  return [type, sentiment, FRAMES[frame](text, lang, pick), team];
}

const HAN = /\p{Script=Han}/u;

/** `perCore` framed variants of every core phrase, duplicates dropped. */
export function generateTrainingMessages(perCore = 6, seed = 18): TrainingRow[] {
  const next = seededRandom(seed);
  const seen = new Set<string>();
  const rows: TrainingRow[] = [];
  for (const core of [...ZH_CORES, ...EN_CORES, ...ZH_EVERYDAY_CORES, ...EN_EVERYDAY_CORES, ...BOUNDARY_CORES, ...HARD_CORES, ...TONE_CORES]) {
    const lang: Lang = HAN.test(core[2]) ? 'zh' : 'en';
    for (let i = 0; i < perCore; i += 1) {
      const row = variant(core, lang, next);
      if (seen.has(row[2])) continue;
      seen.add(row[2]);
      rows.push(row);
    }
  }
  return rows;
}
