/**
 * Web-chat scripts: short typed messages, two to four per conversation, sent as the customer
 * keeps typing. Order numbers and models are invented for the demo.
 */
import type { TextScript } from './scripts';

export const CHAT_SCRIPTS: readonly TextScript[] = [
  // zh-CN
  {
    key: 'chat.zh.logistics',
    topic: 'logistics',
    language: 'zh-CN',
    turns: [
      '你好，我上周五下的单，快递三天没动了，物流一直停在“杭州转运中心”',
      '订单号是 SB20240611087，能帮我催一下吗？',
      '如果周六前到不了，我想改成到门店自提，可以吗？',
    ],
  },
  {
    key: 'chat.zh.refund',
    topic: 'refund',
    language: 'zh-CN',
    turns: [
      '请问退款什么时候到账？我 6 号就申请了',
      '退货单号 TH88213，快递员已经上门取件了',
      '原路退回信用卡的话一般要几天？',
    ],
  },
  {
    key: 'chat.zh.washer',
    topic: 'after_sales',
    language: 'zh-CN',
    turns: [
      '家里的滚筒洗衣机漏水，每次脱水底下都是一滩水',
      '型号 XQG100-B14，去年双十一买的，应该还在保修期内吧？',
      '能安排师傅上门吗？工作日白天家里没人，最好周末',
    ],
  },
  {
    key: 'chat.zh.aircon',
    topic: 'after_sales',
    language: 'zh-CN',
    turns: [
      '空调不制冷，开了一个小时屋里还是 30 度',
      '外机在转，出风口吹的是自然风，滤网上个月刚洗过',
      '显示屏上跳了个 E5，这是什么故障？',
      '好的，那我先断电等半小时再试一下',
    ],
  },
  {
    key: 'chat.zh.billing',
    topic: 'billing',
    language: 'zh-CN',
    turns: [
      '我这个月的账单怎么多扣了 39 元？',
      '我没有开通过什么会员自动续费啊',
      '麻烦查一下，如果是误扣请退回给我',
    ],
  },
  {
    key: 'chat.zh.product',
    topic: 'product',
    language: 'zh-CN',
    turns: [
      '想问一下 AP-600 空气净化器适合多大的房间？',
      '家里有小孩，滤芯多久换一次？有没有甲醛数值显示？',
      '现在下单有以旧换新活动吗？',
    ],
  },
  {
    key: 'chat.zh.account',
    topic: 'account',
    language: 'zh-CN',
    turns: [
      '登录一直提示密码错误，找回密码的短信也收不到',
      '账号绑定的是我以前的手机号，已经停用了',
      '那要怎么修改绑定手机？需要提供什么材料？',
    ],
  },
  {
    key: 'chat.zh.complaint',
    topic: 'complaint',
    language: 'zh-CN',
    turns: [
      '我要投诉！师傅约好上午十点上门，等到下午两点都没来，电话也不接',
      '我专门请了半天假，你们这样太耽误事了',
      '今天必须有人给我一个说法',
    ],
  },
  {
    key: 'chat.zh.suggestion',
    topic: 'suggestion',
    language: 'zh-CN',
    turns: ['提个建议：App 的订单页面能不能加一个下载电子发票的入口？', '现在每次都要找客服要发票，挺麻烦的'],
  },
  // en
  {
    key: 'chat.en.logistics',
    topic: 'logistics',
    language: 'en',
    turns: [
      "Hi, my parcel hasn't moved in three days. Tracking still says 'In transit - sorting centre'.",
      'The order number is SB-2024-33817.',
      "Any chance it arrives before Saturday? It's a birthday present.",
    ],
  },
  {
    key: 'chat.en.refund',
    topic: 'refund',
    language: 'en',
    turns: [
      "Hello, I sent a blender back two weeks ago and still haven't seen the refund.",
      'The return was marked as received on the 3rd.',
      'How long does it usually take to show up on a debit card?',
    ],
  },
  {
    key: 'chat.en.washer',
    topic: 'after_sales',
    language: 'en',
    turns: [
      'My washing machine leaks from underneath during the spin cycle.',
      "It's about eight months old, model WM-8200, so it should still be under warranty?",
      "Could an engineer come out? I'm home Thursday and Friday.",
    ],
  },
  {
    key: 'chat.en.billing',
    topic: 'billing',
    language: 'en',
    turns: [
      "I've been charged twice for my last order, both on the same day.",
      'Both charges are £84.99 from the same card.',
      'Can you check and refund the duplicate, please?',
    ],
  },
  {
    key: 'chat.en.product',
    topic: 'product',
    language: 'en',
    turns: [
      'Does the X5 portable air conditioner plug into a normal socket or do I need an electrician?',
      'And how loud is it on the night setting? It would be in a bedroom.',
    ],
  },
  {
    key: 'chat.en.account',
    topic: 'account',
    language: 'en',
    turns: [
      "I can't log in: it says my account is locked after too many attempts.",
      "I really didn't try that many times. Should I be worried?",
      "OK, can you unlock it? I'll change my password straight away.",
    ],
  },
  {
    key: 'chat.en.complaint',
    topic: 'complaint',
    language: 'en',
    turns: [
      "This is the third time I'm contacting you about the same fridge fault.",
      'Every time I am promised a call back and nobody calls.',
      "I'd like to speak to a supervisor, please.",
    ],
  },
  {
    key: 'chat.en.suggestion',
    topic: 'suggestion',
    language: 'en',
    turns: [
      "Just a suggestion: delivery texts could give a one-hour window instead of 'between 7am and 9pm'.",
      'Otherwise really happy with the service!',
    ],
  },
];
