/**
 * The bot's default knowledge base: question variants and answers in zh-CN and en. A new
 * installation is seeded with these once (knowledgeStore.ts); from then on admins edit the stored
 * list (GET/PUT /api/v1/admin/knowledge-base, validated by shared/contracts/knowledge.ts).
 * `team` is where a conversation on this topic goes when the bot hands off.
 */
import type { IssueType, TeamId } from '../labels';

export interface KnowledgeEntry {
  intent: string;
  /** The issue type these questions belong to; the variants also train the message classifier. */
  issueType: IssueType;
  team: TeamId;
  variants: { 'zh-CN': readonly string[]; en: readonly string[] };
  answer: { 'zh-CN': string; en: string };
}

export const DEFAULT_KNOWLEDGE_BASE: readonly KnowledgeEntry[] = [
  {
    intent: 'kb.business_hours',
    issueType: 'other',
    team: 'team-presales',
    variants: { 'zh-CN': ['你们几点上班', '营业时间是什么时候', '周末有人值班吗', '客服几点下班'], en: ['What are your business hours?', 'When are you open?', 'Are you open on weekends?', 'What time does support close?'] },
    answer: { 'zh-CN': '人工客服每天 9:00–21:00 在线，其他时间我会先为您解答并记录问题。', en: 'Our agents are online every day from 9:00 to 21:00; outside those hours I answer first and log your question.' },
  },
  {
    intent: 'kb.return_policy',
    issueType: 'refund',
    team: 'team-aftersales',
    variants: { 'zh-CN': ['退货政策是什么', '可以七天无理由退货吗', '拆封了还能退吗', '怎么申请退货'], en: ['What is your return policy?', 'Can I return an opened item?', 'How many days do I have to return it?', 'How do I send something back?'] },
    answer: { 'zh-CN': '签收后 7 天内可无理由退货，商品和配件需齐全；在“我的订单”中点“申请售后”即可。', en: 'You can return any item within 7 days of delivery with all accessories; choose "Request after-sales" in My Orders.' },
  },
  {
    intent: 'kb.invoice',
    issueType: 'billing',
    team: 'team-aftersales',
    variants: { 'zh-CN': ['怎么开发票', '可以开专票吗', '发票什么时候发给我', '电子发票在哪里下载'], en: ['How do I get an invoice?', 'Can you issue a VAT invoice?', 'Where can I download my invoice?', 'When will I receive the invoice?'] },
    answer: { 'zh-CN': '订单完成后可在“我的订单 → 发票”申请电子发票，1 个工作日内开具；专票请提供税号和开户信息。', en: 'Request an e-invoice under My Orders → Invoice once the order completes; it is issued within one business day.' },
  },
  {
    intent: 'kb.track_order',
    issueType: 'logistics',
    team: 'team-aftersales',
    variants: { 'zh-CN': ['我的快递到哪了', '怎么查物流', '订单发货了吗', '运单号是多少'], en: ['Where is my order?', 'How can I track my package?', 'Has my order shipped?', 'What is my tracking number?'] },
    answer: { 'zh-CN': '在“我的订单”里点开订单即可看到运单号和实时物流；发货后也会短信通知您。', en: 'Open the order in My Orders to see the tracking number and live status; we also text you when it ships.' },
  },
  {
    intent: 'kb.change_address',
    issueType: 'logistics',
    team: 'team-aftersales',
    variants: { 'zh-CN': ['怎么修改收货地址', '地址填错了能改吗', '想换个收货地址', '发货前能改地址吗'], en: ['How do I change my delivery address?', 'I entered the wrong address', 'Can I update the shipping address?', 'Can I change the address before it ships?'] },
    answer: { 'zh-CN': '发货前可在“我的订单 → 修改地址”自行修改；已发货的订单需要联系快递改派。', en: 'Before shipping you can edit it under My Orders → Change address; once shipped the courier must redirect it.' },
  },
  {
    intent: 'kb.password_reset',
    issueType: 'account',
    team: 'team-techsupport',
    variants: { 'zh-CN': ['忘记密码怎么办', '怎么重置密码', '密码找不回来了', '如何修改登录密码'], en: ['I forgot my password', 'How do I reset my password?', 'How can I change my login password?', 'Password reset link'] },
    answer: { 'zh-CN': '在登录页点“忘记密码”，用绑定的手机号接收验证码即可重置。', en: 'Tap "Forgot password" on the sign-in page and confirm with the code sent to your phone.' },
  },
  {
    intent: 'kb.shipping_fee',
    issueType: 'logistics',
    team: 'team-presales',
    variants: { 'zh-CN': ['运费多少', '包邮吗', '满多少免运费', '偏远地区要加运费吗'], en: ['How much is shipping?', 'Is shipping free?', 'Do you offer free delivery?', 'What does delivery cost?'] },
    answer: { 'zh-CN': '订单满 99 元包邮，不满收 8 元；偏远地区以结算页为准。', en: 'Shipping is free over ¥99, otherwise ¥8; remote areas are shown at checkout.' },
  },
  {
    intent: 'kb.delivery_time',
    issueType: 'logistics',
    team: 'team-presales',
    variants: { 'zh-CN': ['多久能发货', '几天能到', '下单后什么时候发货', '一般几天送到'], en: ['How long does delivery take?', 'When will you ship my order?', 'How many days until it arrives?', 'How fast do you ship?'] },
    answer: { 'zh-CN': '现货订单 24 小时内发货，大部分城市 2–3 天送达。', en: 'In-stock orders ship within 24 hours and reach most cities in 2–3 days.' },
  },
  {
    intent: 'kb.payment_methods',
    issueType: 'billing',
    team: 'team-presales',
    variants: { 'zh-CN': ['支持哪些付款方式', '可以用微信支付吗', '能分期吗', '支持信用卡吗'], en: ['What payment methods do you accept?', 'Can I pay by credit card?', 'Do you offer installments?', 'Can I pay with PayPal?'] },
    answer: { 'zh-CN': '支持微信、支付宝、银联和信用卡；满 500 元可分 3/6 期。', en: 'We accept WeChat Pay, Alipay, UnionPay and credit cards; orders over ¥500 can be split into 3 or 6 instalments.' },
  },
  {
    intent: 'kb.warranty',
    issueType: 'product_question',
    team: 'team-aftersales',
    variants: { 'zh-CN': ['保修多久', '保修期是多长时间', '坏了能免费修吗', '保修需要发票吗'], en: ['How long is the warranty?', 'Is repair free under warranty?', 'What does the warranty cover?', 'Do I need the receipt for warranty?'] },
    answer: { 'zh-CN': '整机保修一年，配件半年；保修期内非人为损坏免费维修，凭订单号即可。', en: 'The device has a one-year warranty and accessories six months; non-accidental faults are repaired free with your order number.' },
  },
  {
    intent: 'kb.refund_time',
    issueType: 'refund',
    team: 'team-aftersales',
    variants: { 'zh-CN': ['退款多久到账', '钱什么时候退回来', '退款到哪里了', '退款要几天'], en: ['How long does a refund take?', 'When will I get my money back?', 'Where is my refund?', 'How many days for the refund?'] },
    answer: { 'zh-CN': '仓库收到退货后 1 个工作日内退款，原路返回，银行卡一般 3–5 个工作日到账。', en: 'We refund within one business day of receiving the return, to the original payment method; cards take 3–5 business days.' },
  },
  {
    intent: 'kb.cancel_order',
    issueType: 'refund',
    team: 'team-aftersales',
    variants: { 'zh-CN': ['怎么取消订单', '不想要了能取消吗', '下错单了怎么办', '订单可以撤销吗'], en: ['How do I cancel my order?', 'I ordered by mistake', 'Can I cancel before it ships?', 'Please cancel my order'] },
    answer: { 'zh-CN': '未发货的订单可在“我的订单”直接取消，款项自动退回；已发货请拒收或申请退货。', en: 'Unshipped orders can be cancelled in My Orders and are refunded automatically; if shipped, refuse delivery or request a return.' },
  },
  {
    intent: 'kb.membership_points',
    issueType: 'account',
    team: 'team-presales',
    variants: { 'zh-CN': ['积分怎么用', '会员有什么权益', '积分能抵现吗', '怎么查积分'], en: ['How do membership points work?', 'How can I use my points?', 'What are the member benefits?', 'Where do I see my points?'] },
    answer: { 'zh-CN': '每消费 1 元得 1 积分，100 积分抵 1 元，可在“我的 → 会员中心”查看。', en: 'Each ¥1 spent earns 1 point and 100 points take ¥1 off; see them under Me → Membership.' },
  },
  {
    intent: 'kb.bluetooth_pairing',
    issueType: 'after_sales_fault',
    team: 'team-techsupport',
    variants: { 'zh-CN': ['耳机怎么连接手机', '蓝牙配对不上', '怎么进入配对模式', '连不上蓝牙怎么办'], en: ['How do I pair the earbuds?', 'Bluetooth pairing does not work', 'How do I enter pairing mode?', 'My phone cannot find the headset'] },
    answer: { 'zh-CN': '把耳机放回充电盒，长按盒子按键 3 秒至指示灯白灯闪烁，再在手机蓝牙列表中选择设备。', en: 'Put the earbuds in the case, hold the case button for 3 seconds until the light flashes white, then pick them in your phone\'s Bluetooth list.' },
  },
  {
    intent: 'kb.coupon',
    issueType: 'billing',
    team: 'team-presales',
    variants: { 'zh-CN': ['优惠券怎么用', '优惠码在哪里输入', '为什么优惠券不能用', '有没有优惠券'], en: ['How do I use a coupon?', 'Where do I enter a promo code?', 'Why is my coupon not working?', 'Do you have any coupons?'] },
    answer: { 'zh-CN': '在结算页“优惠券”一栏选择或输入优惠码；每单限用一张，特价商品除外。', en: 'Pick or type the code in the Coupon field at checkout; one coupon per order, sale items excluded.' },
  },
  {
    intent: 'kb.contact_phone',
    issueType: 'other',
    team: 'team-presales',
    variants: { 'zh-CN': ['客服电话是多少', '怎么联系你们', '有热线电话吗', '邮箱地址是什么'], en: ['What is your phone number?', 'How can I contact you?', 'Do you have a hotline?', 'What is your support email?'] },
    answer: { 'zh-CN': '客服热线 400-800-1234（9:00–21:00），邮箱 support@switchboard.example。', en: 'Call 400-800-1234 (9:00–21:00) or write to support@switchboard.example.' },
  },
];

/** Ways customers ask for a person; trained as their own intent beside the knowledge base. */
export const ASK_FOR_HUMAN_VARIANTS: readonly string[] = [
  '转人工', '人工客服', '我要找人工', '帮我转接真人', '不要机器人，叫客服来', '找你们的客服人员', '人工服务', '能跟真人说话吗',
  'agent', 'human', 'talk to a human', 'I want to speak to an agent', 'connect me to a real person', 'representative please', 'live agent', 'let me talk to someone',
];
