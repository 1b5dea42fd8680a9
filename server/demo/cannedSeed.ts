/**
 * The demo centre's canned-response libraries: the answers a contact centre gives every day, in
 * zh-CN and en, for the demo teams. Seeded once (skipped when the id exists), one transaction per
 * response so each commit has one audience.
 */
import type { CannedLanguage, CannedResponse } from '../../shared/canned/model';
import { getCanned, insertCanned } from '../db/queries/canned';
import { cannedUpdated } from '../domain/canned/audience';
import { commitWithChanges, type DomainContext } from '../domain/context';

interface DemoCanned {
  id: string;
  teamId: string;
  folder: string;
  title: string;
  shortcut: string;
  language: CannedLanguage;
  tags: string[];
  body: string;
}

const AFTER = 'team-aftersales';
const PRE = 'team-presales';
const TECH = 'team-techsupport';
const VIP = 'team-vip';

export const DEMO_CANNED: readonly DemoCanned[] = [
  { id: 'canned-demo-greet-zh', teamId: PRE, folder: '通用', title: '问候', shortcut: 'hi', language: 'zh-CN', tags: ['问候'],
    body: '{{contact.name | "您好"}}，我是{{team.name}}的{{agent.name}}，很高兴为您服务，请问有什么可以帮您？' },
  { id: 'canned-demo-greet-en', teamId: PRE, folder: 'General', title: 'Greeting', shortcut: 'hi-en', language: 'en', tags: ['greeting'],
    body: 'Hi {{contact.name | "there"}}, this is {{agent.name}} from {{team.name}}. How can I help you today?' },
  { id: 'canned-demo-refund-zh', teamId: AFTER, folder: '退款', title: '退款进度', shortcut: 'refund', language: 'zh-CN', tags: ['退款', '到账', 'refund'],
    body: '{{contact.name | "您好"}}，已为您查询订单 {{prompt:订单号}} 的退款：退款已原路退回，一般 1–3 个工作日到账，信用卡可能需要 7 个工作日。' },
  { id: 'canned-demo-refund-en', teamId: AFTER, folder: 'Refunds', title: 'Refund status', shortcut: 'refund-en', language: 'en', tags: ['refund', 'money back'],
    body: 'Hi {{contact.name | "there"}}, the refund for order {{prompt:Order number}} has been issued to your original payment method. It usually arrives within 1–3 business days (up to 7 for credit cards).' },
  { id: 'canned-demo-return-zh', teamId: AFTER, folder: '退换货', title: '退货流程', shortcut: 'return', language: 'zh-CN', tags: ['退货', '换货', '七天无理由'],
    body: '支持签收后 7 天内无理由退货：请在“我的订单”中点击“申请售后”，选择退货并填写原因，审核通过后按页面地址寄回，我们收到后 48 小时内处理。' },
  { id: 'canned-demo-return-en', teamId: AFTER, folder: 'Returns', title: 'How to return an item', shortcut: 'return-en', language: 'en', tags: ['return', 'exchange'],
    body: 'You can return any item within 7 days of delivery: open "My orders", choose "Request after-sales service", select Return and give a reason. Once approved, ship it to the address shown and we will process it within 48 hours of arrival.' },
  { id: 'canned-demo-shipping-zh', teamId: AFTER, folder: '物流', title: '物流查询', shortcut: 'wuliu', language: 'zh-CN', tags: ['物流', '快递', '发货'],
    body: '您的订单 {{prompt:订单号}} 已发货，快递单号 {{prompt:快递单号}}，可在“我的订单”中查看实时物流，预计 2–3 天送达。' },
  { id: 'canned-demo-shipping-en', teamId: AFTER, folder: 'Shipping', title: 'Where is my order', shortcut: 'track', language: 'en', tags: ['shipping', 'delivery', 'tracking'],
    body: 'Your order {{prompt:Order number}} has shipped with tracking number {{prompt:Tracking number}}. You can follow it live under "My orders"; delivery usually takes 2–3 days.' },
  { id: 'canned-demo-address-zh', teamId: AFTER, folder: '订单', title: '修改地址或取消订单', shortcut: 'dizhi', language: 'zh-CN', tags: ['修改订单', '地址', '取消订单'],
    body: '订单发货前可以修改收货地址或取消订单：请在“我的订单”中操作；如已发货，我们可以帮您联系快递改派。' },
  { id: 'canned-demo-invoice-zh', teamId: PRE, folder: '发票', title: '开具发票', shortcut: 'fapiao', language: 'zh-CN', tags: ['发票', '开票'],
    body: '订单完成后可在“我的订单 - 申请开票”中开具电子发票，支持个人和企业抬头，一般 1 个工作日内发送到 {{contact.email | "您的邮箱"}}。' },
  { id: 'canned-demo-invoice-en', teamId: PRE, folder: 'Billing', title: 'Invoice request', shortcut: 'invoice', language: 'en', tags: ['invoice', 'receipt', 'VAT'],
    body: 'You can request an invoice under "My orders > Request invoice" once the order is complete. We email it to {{contact.email | "your address"}} within one business day.' },
  { id: 'canned-demo-price-zh', teamId: PRE, folder: '售前', title: '优惠活动', shortcut: 'youhui', language: 'zh-CN', tags: ['优惠', '价格', '优惠券'],
    body: '目前新客下单立减 20 元，满 300 元再享 9 折，优惠券可在结算页直接使用。' },
  { id: 'canned-demo-stock-zh', teamId: PRE, folder: '售前', title: '库存与到货', shortcut: 'kucun', language: 'zh-CN', tags: ['库存', '有货', '补货'],
    body: '这款商品目前库存紧张，预计 {{prompt:到货日期}} 补货，您可以点击“到货提醒”，到货后第一时间通知您。' },
  { id: 'canned-demo-stock-en', teamId: PRE, folder: 'Pre-sales', title: 'Stock and restock', shortcut: 'stock', language: 'en', tags: ['in stock', 'restock', 'available'],
    body: 'This item is low in stock right now; we expect a restock on {{prompt:Restock date}}. Tap "Notify me" and we will tell you as soon as it is available.' },
  { id: 'canned-demo-password-zh', teamId: TECH, folder: '账号', title: '重置密码', shortcut: 'mima', language: 'zh-CN', tags: ['密码', '登录', '账号'],
    body: '请在登录页点击“忘记密码”，输入注册手机号获取验证码后设置新密码；如收不到验证码，请确认手机号是否正确或稍后重试。' },
  { id: 'canned-demo-password-en', teamId: TECH, folder: 'Account', title: 'Reset your password', shortcut: 'password', language: 'en', tags: ['password', 'login', 'sign in'],
    body: 'On the sign-in page choose "Forgot password", enter the email on your account ({{contact.email | "your email"}}) and follow the link we send you to set a new password.' },
  { id: 'canned-demo-bug-zh', teamId: TECH, folder: '故障', title: '收集故障信息', shortcut: 'guzhang', language: 'zh-CN', tags: ['报错', '闪退', '故障'],
    body: '抱歉给您带来不便。为了尽快定位问题，请提供：1. 手机型号和系统版本；2. App 版本；3. 出错时的截图。我们会在 24 小时内回复您。' },
  { id: 'canned-demo-bug-en', teamId: TECH, folder: 'Troubleshooting', title: 'Collect bug details', shortcut: 'bug', language: 'en', tags: ['error', 'crash', 'bug'],
    body: 'Sorry about the trouble. To find the cause quickly, please send: 1. your device and OS version; 2. the app version; 3. a screenshot of the error. We will get back to you within 24 hours.' },
  { id: 'canned-demo-complaint-zh', teamId: VIP, folder: 'VIP', title: '安抚与升级', shortcut: 'tousu', language: 'zh-CN', tags: ['投诉', '不满意'],
    body: '{{contact.name | "您好"}}，非常抱歉这次的体验让您不满意。您的问题我已升级给主管优先处理，案件编号 {{conversation.id}}，今天内会给您答复。' },
  { id: 'canned-demo-complaint-en', teamId: VIP, folder: 'VIP', title: 'Apologise and escalate', shortcut: 'sorry', language: 'en', tags: ['complaint', 'escalate'],
    body: "{{contact.name | \"Hello\"}}, I'm very sorry this experience fell short. I have escalated your case ({{conversation.id}}) to a supervisor and you will hear from us today." },
  { id: 'canned-demo-closing-zh', teamId: AFTER, folder: '通用', title: '结束语', shortcut: 'bye', language: 'zh-CN', tags: ['谢谢', '结束'],
    body: '感谢您的耐心，如还有其他问题随时联系我们，祝您生活愉快！' },
  { id: 'canned-demo-closing-en', teamId: AFTER, folder: 'General', title: 'Closing', shortcut: 'bye-en', language: 'en', tags: ['thanks', 'closing'],
    body: 'Thanks for your patience! If anything else comes up, just reply here. Have a great day.' },
];

export function demoCannedResponse(demo: DemoCanned, now: string): CannedResponse {
  return { ...demo, scope: 'team', ownerId: null, usageCount: 0, lastUsedAt: null, createdAt: now, updatedAt: now };
}

export async function seedDemoCanned(ctx: DomainContext): Promise<void> {
  for (const demo of DEMO_CANNED) {
    await commitWithChanges(ctx, async (trx, append) => {
      if (await getCanned(trx, demo.id)) return;
      const response = demoCannedResponse(demo, ctx.now().toISOString());
      await insertCanned(trx, response);
      await append([cannedUpdated(response)]);
    });
  }
}
