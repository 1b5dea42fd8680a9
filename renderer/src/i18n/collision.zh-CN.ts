/** 撞单提醒的中文文案：谁也在处理此会话，以及发送前的新消息提醒（键与 collision.en.ts 一致）。 */
const collisionZhCN = {
  label: '同时在此会话中的坐席',
  viewing: '{{name}} 正在查看',
  typing: '{{name}} 正在输入…',
  customerTyping: '客户正在输入…',
  more: '另有 {{count}} 人',
  stale: {
    title: '您开始编写回复后，会话有 {{count}} 条新动态',
    customer: '{{name}}（客户）',
    agent: '{{name}} 已回复',
    bot: '机器人已回复',
    earlier: '……以及更早的 {{count}} 条',
    hint: '选择“先查看”会保留草稿，您可以先阅读新消息再发送。',
    review: '先查看',
    sendAnyway: '仍然发送',
  },
};

export default collisionZhCN;
