/**
 * E-mail scripts: a subject and one or two longer bodies (the second is the customer following up
 * on the same thread). The sender's signature is appended by the planner, not stored here.
 */
import type { EmailScript } from './scripts';

export const EMAIL_SCRIPTS: readonly EmailScript[] = [
  // zh-CN
  {
    key: 'email.zh.refund',
    topic: 'refund',
    language: 'zh-CN',
    subject: '退货已签收十个工作日，退款仍未到账',
    bodies: [
      '您好：\n\n我在 5 月 28 日购买了一台电烤箱（订单号 SB20240528116），收货时发现外壳有明显划痕，当天就申请了退货退款。快递 5 月 30 日取件，物流显示 6 月 1 日已签收入库。\n\n页面上写退款会在 3–7 个工作日内原路退回，但到今天已经超过十个工作日，银行卡还是没有收到。麻烦帮我查一下退款进度，并告诉我大概什么时候能到账。',
      '您好：\n\n补充一下：刚查了银行流水，仍然没有这笔退款。如果需要退货凭证的照片我可以再发一份，希望本周内能给个答复。',
    ],
  },
  {
    key: 'email.zh.aircon',
    topic: 'after_sales',
    language: 'zh-CN',
    subject: '新装空调不制冷，申请上门检修',
    bodies: [
      '您好：\n\n上周六贵公司师傅上门安装了一台 1.5 匹挂机（型号 KFR-35GW），当天试机正常。这两天天气热起来后发现不制冷：设定 24 度、开了两个小时，室内温度一直在 29 度左右，出风口的风也不凉。\n\n遥控器和滤网都检查过了，外机有声音但感觉转得很慢。想申请师傅再来看一下，是不是安装时候的问题。我工作日晚上 7 点后或者周末全天都在家。',
    ],
  },
  {
    key: 'email.zh.invoice',
    topic: 'billing',
    language: 'zh-CN',
    subject: '申请开具增值税专用发票',
    bodies: [
      '您好：\n\n我司上月通过企业账户采购了 12 台商用净水器（订单号 SB20240502031、SB20240502032），当时开的是电子普通发票，财务要求换开增值税专用发票。\n\n开票信息如下：\n单位名称：上海示例贸易有限公司\n纳税人识别号：91310000EXAMPLE0X1\n地址电话：上海市示例路 88 号 021-00000000\n\n请问换开需要把原发票作废吗？大概几个工作日能开好？',
    ],
  },
  {
    key: 'email.zh.complaint',
    topic: 'complaint',
    language: 'zh-CN',
    subject: '关于售后维修多次未解决的投诉',
    bodies: [
      '您好：\n\n我家冰箱冷藏室结冰的问题，从上个月到现在已经报修三次。前两次师傅来了都说是温控器的问题，换完好了几天又开始结冰，第三次约好的上门时间师傅没来，也没有人通知我。\n\n我对处理过程非常不满意。希望这次能安排有经验的师傅彻底检查，如果还修不好，请按照三包规定给我换机或者退货。',
      '您好：\n\n这封邮件发出已经两天了，到现在还没有任何人联系我，约好的维修也没有新的安排。请尽快回复具体的处理方案和上门时间。',
    ],
  },
  {
    key: 'email.zh.account',
    topic: 'account',
    language: 'zh-CN',
    subject: '企业账号管理员变更',
    bodies: [
      '您好：\n\n我司原来的账号管理员已经离职，现在需要把管理员变更为我本人。原管理员的邮箱已经停用，所以无法通过邮件验证。\n\n请问需要提供哪些材料？营业执照复印件和加盖公章的变更申请是否可以？',
    ],
  },
  {
    key: 'email.zh.suggestion',
    topic: 'suggestion',
    language: 'zh-CN',
    subject: '关于会员积分规则的几点建议',
    bodies: [
      '您好：\n\n作为老会员提几点建议：\n1. 积分有效期只有一年，希望能延长，或者到期前提前提醒；\n2. 积分兑换的商品种类比较少，可以考虑增加滤芯、配件这类常用耗材；\n3. 售后服务评价后能否也给一些积分，鼓励大家反馈。\n\n谢谢你们的耐心阅读。',
    ],
  },
  // en
  {
    key: 'email.en.logistics',
    topic: 'logistics',
    language: 'en',
    subject: 'Order SB-2024-29004 - delivery delayed',
    bodies: [
      "Hello,\n\nI ordered a dishwasher on 2 June (order SB-2024-29004) with delivery promised for 6 June. The tracking page hasn't changed since 'Dispatched from warehouse' four days ago, and the courier's number just plays a recorded message.\n\nCould you find out where it is and give me a new delivery date? I have taken a day off work once already for this.",
      "Hi again,\n\nStill no update on the tracking. If it can't be delivered this week I would prefer to cancel and get a full refund.",
    ],
  },
  {
    key: 'email.en.refund',
    topic: 'refund',
    language: 'en',
    subject: 'Refund for returned coffee machine',
    bodies: [
      "Hello,\n\nI returned a coffee machine (order SB-2024-27761) because the steam wand didn't work. Your returns centre confirmed receipt on 28 May, but the refund of £149.00 hasn't reached my credit card yet.\n\nCould you let me know when it was issued, and the reference, so I can chase my bank if needed?",
    ],
  },
  {
    key: 'email.en.dishwasher',
    topic: 'after_sales',
    language: 'en',
    subject: 'Dishwasher showing error E24 - warranty repair',
    bodies: [
      "Hello,\n\nOur dishwasher (model DW-450, bought last September) stopped mid-cycle with error E24 and there is standing water in the bottom. I've cleaned the filter and checked the drain hose isn't kinked, but the error comes back.\n\nIt should still be under the two-year warranty. Can you book an engineer? Mornings work best for us.",
    ],
  },
  {
    key: 'email.en.billing',
    topic: 'billing',
    language: 'en',
    subject: 'Question about invoice INV-58213',
    bodies: [
      "Hello,\n\nInvoice INV-58213 lists an 'extended care plan' at £4.99 a month, which I don't remember adding. Could you tell me when it was added and cancel it? If it was added by mistake I'd like the past three months refunded.",
    ],
  },
  {
    key: 'email.en.complaint',
    topic: 'complaint',
    language: 'en',
    subject: 'Formal complaint: missed installation appointment',
    bodies: [
      'Hello,\n\nI am writing to complain about my oven installation. The appointment was confirmed for Tuesday 8am-12pm. Nobody arrived, and when I called at 1pm I was told the job had been moved to next week without anyone telling me.\n\nThis is the second missed slot. I would like an apology, a firm date, and compensation for the day of leave I have now lost twice.',
      'Hello,\n\nFollowing up on my complaint above, as I have not had a reply. Please treat this as urgent.',
    ],
  },
  {
    key: 'email.en.account',
    topic: 'account',
    language: 'en',
    subject: 'Cannot reset my password',
    bodies: [
      "Hello,\n\nWhen I click 'Forgot password' the reset e-mail never arrives. I've checked spam and waited an hour. My account uses this address.\n\nCould you send the link manually or reset the password for me?",
    ],
  },
];
