/**
 * SMS and social scripts. SMS is terse (one or two short texts); social posts are casual, often
 * public first and then "sent you a DM", with the odd emoji.
 */
import type { TextScript } from './scripts';

export const SMS_SCRIPTS: readonly TextScript[] = [
  // zh-CN
  {
    key: 'sms.zh.logistics',
    topic: 'logistics',
    language: 'zh-CN',
    turns: ['快递到哪了？单号SB20240605213', '好的，麻烦尽快'],
  },
  { key: 'sms.zh.refund', topic: 'refund', language: 'zh-CN', turns: ['退款还没到账，已经申请5天了'] },
  {
    key: 'sms.zh.visit',
    topic: 'after_sales',
    language: 'zh-CN',
    turns: ['维修师傅明天几点到？', '下午不在家，能改到上午吗'],
  },
  { key: 'sms.zh.account', topic: 'account', language: 'zh-CN', turns: ['登录验证码一直收不到，请处理'] },
  { key: 'sms.zh.billing', topic: 'billing', language: 'zh-CN', turns: ['本月账单多扣了20元，请核实'] },
  {
    key: 'sms.zh.aircon',
    topic: 'complaint',
    language: 'zh-CN',
    turns: ['空调又不制冷了，上次修完才一个星期', '地址没变，还是原来那个'],
  },
  // en
  {
    key: 'sms.en.logistics',
    topic: 'logistics',
    language: 'en',
    turns: ["Where's order SB-2024-40122? Out for delivery since yesterday", 'Thanks'],
  },
  {
    key: 'sms.en.refund',
    topic: 'refund',
    language: 'en',
    turns: ['Refund still not received, return ref RT55120'],
  },
  {
    key: 'sms.en.visit',
    topic: 'after_sales',
    language: 'en',
    turns: ['Engineer visit tomorrow - can it be after 2pm?', 'Same address as before'],
  },
  {
    key: 'sms.en.account',
    topic: 'account',
    language: 'en',
    turns: ["Didn't get the password reset code, can you resend?"],
  },
  {
    key: 'sms.en.billing',
    topic: 'billing',
    language: 'en',
    turns: ['Why was I charged a late fee? I paid on the 1st'],
  },
];

export const SOCIAL_SCRIPTS: readonly TextScript[] = [
  // zh-CN
  {
    key: 'social.zh.washer',
    topic: 'after_sales',
    language: 'zh-CN',
    turns: ['新买的洗衣机第一次用就漏水了😭 这可怎么办', '订单号私信发你们了，求处理'],
  },
  {
    key: 'social.zh.logistics',
    topic: 'logistics',
    language: 'zh-CN',
    turns: ['快递三天没动了，是被困在哪个仓库了吗🙃', '在线等，挺急的'],
  },
  {
    key: 'social.zh.suggestion',
    topic: 'suggestion',
    language: 'zh-CN',
    turns: ['你们家空调挺好用的，就是遥控器说明书太难懂了哈哈', '建议出个短视频教程👍'],
  },
  {
    key: 'social.zh.refund',
    topic: 'refund',
    language: 'zh-CN',
    turns: ['退款也太慢了吧，等了一个星期了', '能不能给个准话'],
  },
  {
    key: 'social.zh.product',
    topic: 'product',
    language: 'zh-CN',
    turns: ['新出的那款净化器有白色的吗？想买一台放卧室'],
  },
  {
    key: 'social.zh.complaint',
    topic: 'complaint',
    language: 'zh-CN',
    turns: ['差评！预约的安装时间被改了三次😤', '到底什么时候能装好？'],
  },
  // en
  {
    key: 'social.en.washer',
    topic: 'after_sales',
    language: 'en',
    turns: ['hey, my brand new washer is already leaking 😩 any help?', "DM'd you the order number"],
  },
  {
    key: 'social.en.logistics',
    topic: 'logistics',
    language: 'en',
    turns: ["parcel's been 'in transit' for 3 days... is it on holiday? 🙃"],
  },
  {
    key: 'social.en.product',
    topic: 'product',
    language: 'en',
    turns: [
      'loving the new air purifier, the flat actually smells fresh now 👌',
      'any discount on spare filters?',
    ],
  },
  {
    key: 'social.en.complaint',
    topic: 'complaint',
    language: 'en',
    turns: [
      'waited 40 minutes on your phone line today. not great.',
      'can someone just answer here instead?',
    ],
  },
  {
    key: 'social.en.account',
    topic: 'account',
    language: 'en',
    turns: ["is the app down? can't log in since this morning"],
  },
];
