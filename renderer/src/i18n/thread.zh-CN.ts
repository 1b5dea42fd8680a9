/** 消息记录：较早消息的展开控件，以及谁做了什么的系统行。 */
const threadZh = {
  showEarlier_one: '显示更早的 {{count}} 条消息',
  showEarlier_other: '显示更早的 {{count}} 条消息',
  event: {
    took: '{{by}} 接手了会话',
    assigned: '{{by}} 将会话分配给 {{to}}',
    unassigned: '{{by}} 取消了会话的分配',
    transferred: '{{by}} 将会话转给 {{team}}',
    transferredTo: '{{by}} 将会话转给 {{team}}（{{to}}）',
    autoAssigned: '自动分配给 {{to}}：{{available}} 位在线客服中负载最低，{{channel}} {{held}}/{{capacity}}',
    autoAssignedTie:
      '自动分配给 {{to}}：{{available}} 位在线客服中负载最低，{{tied}} 位负载相同时轮流分配，{{channel}} {{held}}/{{capacity}}',
    returnedOffline: '退回队列：{{agent}} 已离线',
    returnedDisconnected: '退回队列：{{agent}} 连接已断开',
  },
};

export default threadZh;
