/** 在线状态选择与接待量显示的中文文案（键与 presence.en.ts 一致）。 */
const presenceZhCN = {
  label: '我的状态',
  loadTitle: '各渠道当前接待量 / 上限',
  status: { available: '在线', busy: '忙碌', away: '离开', offline: '离线' },
};

export default presenceZhCN;
