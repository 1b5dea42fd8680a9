/** 消息记录中较早消息的展开控件。 */
const threadZh = {
  showEarlier_one: '显示更早的 {{count}} 条消息',
  showEarlier_other: '显示更早的 {{count}} 条消息',
};

export default threadZh;
