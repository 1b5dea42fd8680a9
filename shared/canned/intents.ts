/**
 * A small intent lexicon for suggestions: phrases customers use (zh-CN and en) per intent. A
 * customer message and a response that hit the same intent are related even when they share no
 * word ("钱什么时候退回来" and a response titled "退款时效"). Phrases are matched on lower-cased
 * text; English ones on word boundaries.
 */
export const INTENT_PHRASES: Readonly<Record<string, readonly string[]>> = {
  refund: ['refund', 'money back', 'reimburse', 'chargeback', '退款', '退钱', '钱退', '退回', '到账', '退费'],
  return: ['return', 'send it back', 'exchange', '退货', '换货', '退换', '寄回', '不想要'],
  shipping: [
    'shipping', 'delivery', 'deliver', 'tracking', 'track', 'package', 'parcel', 'arrive', 'shipped', 'courier',
    '物流', '快递', '发货', '到货', '送到', '配送', '包裹', '单号', '运单', '没收到', '还没到',
  ],
  order_change: ['change my order', 'cancel', 'address', 'modify', '修改订单', '取消订单', '改地址', '地址', '取消'],
  invoice: ['invoice', 'receipt', 'vat', 'billing', '发票', '开票', '收据', '报销'],
  payment: ['payment', 'pay', 'charged', 'card', 'declined', 'double charged', '付款', '支付', '扣款', '扣了两次', '扣费', '信用卡'],
  password: ['password', 'log in', 'login', 'sign in', 'locked', 'reset', '密码', '登录', '登不上', '账号', '验证码'],
  bug: ['error', 'crash', 'bug', 'broken', 'not working', "doesn't work", 'does not work', '报错', '闪退', '打不开', '坏了', '故障', '无法使用', '用不了'],
  warranty: ['warranty', 'guarantee', 'repair', 'defect', '保修', '维修', '质保', '质量问题'],
  price: ['price', 'discount', 'coupon', 'promo', 'cost', 'cheaper', '价格', '优惠', '折扣', '优惠券', '多少钱', '便宜'],
  stock: ['in stock', 'available', 'restock', 'sold out', '有货', '库存', '缺货', '补货', '现货'],
  complaint: ['complaint', 'unacceptable', 'terrible', 'angry', 'manager', 'worst', '投诉', '太差', '生气', '差评', '不满意'],
  thanks: ['thank', 'thanks', 'great', 'resolved', '谢谢', '感谢', '解决了', '好的'],
  hours: ['opening hours', 'business hours', 'when are you open', 'weekend', '营业时间', '工作时间', '几点', '周末'],
};

const WORD_PHRASE = /^[a-z' ]+$/;

/** Per intent: one regex for its English phrases (word boundaries, simple inflections), and its Chinese phrases. */
const MATCHERS = Object.entries(INTENT_PHRASES).map(([intent, phrases]) => {
  const words = phrases.filter((phrase) => WORD_PHRASE.test(phrase));
  return {
    intent,
    words: words.length > 0 ? new RegExp(` (?:${words.join('|')})(?:s|es|ed|ing)? `) : null,
    others: phrases.filter((phrase) => !WORD_PHRASE.test(phrase)),
  };
});

export function intentsOf(text: string): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  return MATCHERS.filter(
    ({ words, others }) => words?.test(lower) || others.some((phrase) => lower.includes(phrase)),
  ).map(({ intent }) => intent);
}
