/**
 * Realistic customer-service text in Chinese and English, with search terms planted at known rates
 * so the search figure can ask for a rare, a medium and a very common term in each language.
 * The filler vocabulary never contains a planted term (checked by `assertFillerClean`).
 */
import type { Rng } from './random';

export type Lang = 'zh' | 'en';

/** Planted terms and the share of messages (in that language) that contain them. */
export const SEARCH_TERMS = {
  en: { rare: 'warranty', medium: 'refund', common: 'order' },
  zh: { rare: '发票抬头', medium: '退货地址', common: '订单号' },
} as const;
const RATES = { rare: 0.0002, medium: 0.01, common: 0.35 } as const;
/** A two-character Chinese word: trigram FTS cannot match it, so search takes the bounded scan. */
export const SHORT_ZH_TERM = '退款';
const SHORT_RATE = 0.05;

const EN_OPEN = ['Hi,', 'Hello,', 'Good morning,', 'Hey there,', 'Thanks for getting back to me.', 'Sorry to bother you again,'];
const EN_BODY = [
  'the parcel still has not arrived and the tracking page shows no update since Monday',
  'I was charged twice for the same subscription this month',
  'the app keeps logging me out when I switch to the mobile network',
  'could you tell me when the new colour will be back in stock',
  'the screen has a dead pixel near the top left corner',
  'my account email changed and I cannot sign in any more',
  'the courier left the box at the wrong address',
  'I would like to upgrade my plan before the end of the week',
  'the invoice shows the wrong company name',
  'the headphones stopped charging after two weeks',
  'can I change the delivery slot to Saturday morning',
  'the discount code from your newsletter is rejected at checkout',
];
const EN_AGENT = [
  'Thank you for your patience, I am checking this with the logistics team now.',
  'I have escalated this to our technical colleagues and will update you within the hour.',
  'Could you send me a photo of the label so I can confirm the details?',
  'I understand how frustrating this is, let me sort it out for you.',
  'I have updated the address on file, the next attempt will be tomorrow.',
  'You should receive a confirmation email in a few minutes.',
];
const EN_CLOSE = ['Thanks!', 'Many thanks.', 'Please help.', 'Cheers,', 'Looking forward to your reply.', ''];

const ZH_OPEN = ['你好，', '您好，', '在吗？', '麻烦问一下，', '打扰了，', '早上好，'];
const ZH_BODY = [
  '我买的耳机到现在还没有发货，物流一直没有更新',
  '这个月的会员费被扣了两次',
  '手机切换到流量以后应用总是自动退出登录',
  '请问新颜色什么时候能补货',
  '屏幕左上角有一个坏点',
  '快递员把包裹放到了别人家门口',
  '我想在周末之前升级套餐',
  '优惠券在结算的时候提示无效',
  '充电器用了两个星期就坏了',
  '能不能把配送时间改到周六上午',
  '账号绑定的邮箱换了，现在登不上去',
  '商品和页面上的描述不一样',
];
const ZH_AGENT = [
  '感谢您的耐心等待，我这边马上帮您联系物流核实。',
  '已经为您升级给技术同事处理，一小时内回复您。',
  '麻烦您拍一下快递面单的照片发给我，我帮您确认。',
  '非常理解您的心情，我来帮您处理。',
  '已经帮您修改了收货信息，明天会再次派送。',
  '稍后您会收到一封确认邮件，请注意查收。',
];
const ZH_CLOSE = ['谢谢！', '麻烦尽快处理。', '多谢。', '急用，谢谢', '等你们回复。', ''];

const PLANTS = {
  en: {
    rare: 'is the warranty still valid',
    medium: 'I would like a refund',
    common: 'my order',
  },
  zh: { rare: '发票抬头写错了', medium: '退货地址是哪里', common: '订单号是' },
} as const;

/** One message body; `fromCustomer` chooses the customer or the agent voice. */
export function messageText(rng: Rng, lang: Lang, fromCustomer: boolean): string {
  const parts: string[] = [];
  if (lang === 'en') {
    if (fromCustomer) parts.push(rng.pick(EN_OPEN), rng.pick(EN_BODY) + '.');
    else parts.push(rng.pick(EN_AGENT));
  } else if (fromCustomer) parts.push(rng.pick(ZH_OPEN) + rng.pick(ZH_BODY) + '。');
  else parts.push(rng.pick(ZH_AGENT));
  const plants = PLANTS[lang];
  if (rng.next() < RATES.common) parts.push(`${plants.common} ${rng.int(100000, 999999)}`);
  if (rng.next() < RATES.medium) parts.push(plants.medium);
  if (rng.next() < RATES.rare) parts.push(plants.rare);
  if (lang === 'zh' && rng.next() < SHORT_RATE) parts.push(`${SHORT_ZH_TERM}什么时候到账`);
  if (fromCustomer) parts.push(rng.pick(lang === 'en' ? EN_CLOSE : ZH_CLOSE));
  return parts.filter(Boolean).join(lang === 'en' ? ' ' : '');
}

const EN_FIRST = ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Mia', 'Lucas', 'Sophia', 'Ethan'];
const EN_LAST = ['Smith', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Clark', 'Hughes', 'Walker', 'Wright'];
const ZH_FAMILY = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '杰', '婷', '强'];

export function contactName(rng: Rng, lang: Lang): string {
  return lang === 'en'
    ? `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`
    : rng.pick(ZH_FAMILY) + rng.pick(ZH_GIVEN) + (rng.next() < 0.5 ? rng.pick(ZH_GIVEN) : '');
}

/** Throws when a filler fragment would plant a term by accident (the rates would be wrong). */
export function assertFillerClean(): void {
  const filler = [...EN_OPEN, ...EN_BODY, ...EN_AGENT, ...EN_CLOSE, ...ZH_OPEN, ...ZH_BODY, ...ZH_AGENT, ...ZH_CLOSE];
  const terms = [...Object.values(SEARCH_TERMS.en), ...Object.values(SEARCH_TERMS.zh), SHORT_ZH_TERM];
  for (const text of filler)
    for (const term of terms)
      if (text.toLowerCase().includes(term)) throw new Error(`filler "${text}" contains "${term}"`);
}
