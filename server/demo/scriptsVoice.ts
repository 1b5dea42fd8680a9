/**
 * Voice scripts: each call arrives once it has ended, with a one-line summary (the message text)
 * and the transcript both sides spoke. Timings are derived from the length of each line.
 */
import type { VoiceScript } from './scripts';

export const VOICE_SCRIPTS: readonly VoiceScript[] = [
  // zh-CN
  {
    key: 'voice.zh.washer',
    topic: 'after_sales',
    language: 'zh-CN',
    calls: [
      {
        summary: '客户来电：洗衣机脱水时漏水，已预约上门检修',
        lines: [
          ['a', '您好，客服中心，请问有什么可以帮您？'],
          ['c', '你好，我家洗衣机一脱水就漏水，地上全是水。'],
          ['a', '给您添麻烦了。方便告诉我洗衣机的型号和购买时间吗？'],
          ['c', '型号 XQG100，去年十一月买的。'],
          ['a', '还在保修期内。我帮您登记上门检修，明天下午方便吗？'],
          ['c', '明天下午可以，三点以后。'],
          ['a', '已为您预约明天三点到五点，师傅出发前会先给您打电话。'],
          ['c', '好的，谢谢。'],
        ],
      },
    ],
  },
  {
    key: 'voice.zh.logistics',
    topic: 'logistics',
    language: 'zh-CN',
    calls: [
      {
        summary: '客户来电催件：快递三天未更新，已联系站点核实',
        lines: [
          ['a', '您好，客服中心，请问有什么可以帮您？'],
          ['c', '我买的电饭煲快递三天没动了，一直显示在转运中心。'],
          ['a', '请您提供一下订单号。'],
          ['c', 'SB20240609552。'],
          ['a', '查到了，包裹在转运中心滞留。我这边马上联系站点核实，今天下班前给您回电。'],
          ['c', '行，那我等你们电话。'],
        ],
      },
    ],
  },
  {
    key: 'voice.zh.refund',
    topic: 'refund',
    language: 'zh-CN',
    calls: [
      {
        summary: '客户来电询问退款进度，已告知预计两个工作日内到账',
        lines: [
          ['a', '您好，客服中心，请问有什么可以帮您？'],
          ['c', '我想问一下退款什么时候到账，申请一个星期了。'],
          ['a', '我帮您查一下……退款昨天已经审核通过，银行处理一般需要一到两个工作日。'],
          ['c', '那我周五之前能收到吗？'],
          ['a', '正常情况下可以。如果周五还没到，您再联系我们，我们帮您查银行流水号。'],
          ['c', '好的，明白了。'],
        ],
      },
    ],
  },
  {
    key: 'voice.zh.complaint',
    topic: 'complaint',
    language: 'zh-CN',
    calls: [
      {
        summary: '客户来电投诉维修师傅迟到两小时，要求回访，已升级组长',
        lines: [
          ['a', '您好，客服中心，请问有什么可以帮您？'],
          ['c', '你们师傅说十点到，现在都十二点了还没来，电话也打不通！'],
          ['a', '非常抱歉让您久等了。我马上联系师傅确认位置。'],
          ['c', '我下午还要上班，今天修不了的话我要投诉。'],
          ['a', '理解您的心情，我已经把情况升级给组长，半小时内给您回电。'],
        ],
      },
      {
        summary: '客户再次来电：师傅仍未到达，情绪激动，要求改约并补偿',
        lines: [
          ['a', '您好，客服中心，请问有什么可以帮您？'],
          ['c', '我上午打过电话了，说半小时回电，到现在也没人联系我。'],
          ['a', '实在抱歉。我这边看到记录了，现在就帮您改约明天上午第一单。'],
          ['c', '改约可以，但是今天这半天假怎么算？'],
          ['a', '我会把您的补偿诉求一起提交给组长，今天之内答复您。'],
        ],
      },
    ],
  },
  {
    key: 'voice.zh.account',
    topic: 'account',
    language: 'zh-CN',
    calls: [
      {
        summary: '客户来电：原手机号停用无法找回密码，已指导走人工申诉',
        lines: [
          ['a', '您好，客服中心，请问有什么可以帮您？'],
          ['c', '我的账号登不上了，绑定的手机号早就不用了，验证码收不到。'],
          ['a', '这种情况需要走人工申诉。您在登录页点“无法接收验证码”，上传身份证照片就可以。'],
          ['c', '大概多久能审核完？'],
          ['a', '一般一个工作日内，审核通过后会短信通知您的新号码。'],
          ['c', '好，我试试。'],
        ],
      },
    ],
  },
  // en
  {
    key: 'voice.en.aircon',
    topic: 'after_sales',
    language: 'en',
    calls: [
      {
        summary: 'Customer called: air conditioner not cooling, engineer visit booked',
        lines: [
          ['a', 'Good morning, customer service, how can I help?'],
          ['c', "Hi, my air conditioner is running but it's only blowing warm air."],
          ['a', 'Sorry to hear that. Is there a code on the display?'],
          ['c', 'It shows E5 every few minutes.'],
          ['a', "That usually points to the outdoor unit. I'll book an engineer. Is Wednesday morning OK?"],
          ['c', 'Wednesday morning is fine.'],
          ['a', "Done. You'll get a text with a two-hour window the day before."],
        ],
      },
    ],
  },
  {
    key: 'voice.en.billing',
    topic: 'billing',
    language: 'en',
    calls: [
      {
        summary: 'Caller reports a duplicate card charge; refund of the duplicate raised',
        lines: [
          ['a', 'Customer service, how can I help?'],
          ['c', "I've been charged twice for the same order, eighty-four ninety-nine each time."],
          ['a', 'Let me check. Yes, I can see two payments a minute apart. The second one is a duplicate.'],
          ['c', 'So can you refund it?'],
          [
            'a',
            "I've raised the refund now. It should be back on your card within three to five working days.",
          ],
          ['c', 'Great, thank you.'],
        ],
      },
    ],
  },
  {
    key: 'voice.en.logistics',
    topic: 'logistics',
    language: 'en',
    calls: [
      {
        summary: 'Caller chasing a parcel stuck in transit; query opened with the carrier',
        lines: [
          ['a', 'Customer service, how can I help?'],
          ['c', "My parcel's been stuck in transit since Monday."],
          ['a', 'Can I take the order number, please?'],
          ['c', 'SB-2024-31550.'],
          ['a', "Thanks. I've opened a query with the courier and will e-mail you as soon as they reply."],
        ],
      },
      {
        summary: 'Customer rang back: courier lost the parcel, replacement requested',
        lines: [
          ['a', 'Customer service, how can I help?'],
          ['c', "I'm calling back about my lost parcel, the courier says they can't find it."],
          ['a', "I'm sorry. I can send a replacement today by next-day delivery."],
          ['c', 'Yes, please do that.'],
        ],
      },
    ],
  },
  {
    key: 'voice.en.product',
    topic: 'product',
    language: 'en',
    calls: [
      {
        summary: 'Caller asked about dishwasher installation; requirements sent by e-mail',
        lines: [
          ['a', 'Customer service, how can I help?'],
          ['c', "I'm thinking of buying the DW-450. Does it need a separate water supply?"],
          ['a', 'It connects to the cold supply and the sink waste, the same as most dishwashers.'],
          ['c', 'Do you install it as well?'],
          ['a', "Yes, installation is available for twenty-five pounds. I'll e-mail you the details."],
        ],
      },
    ],
  },
];
