/** 分类标签、情绪和机器人消息的中文文案。 */
import type nluEn from './nlu.en';

const nluZhCN: typeof nluEn = {
  issueType: {
    after_sales_fault: '故障',
    product_suggestion: '建议',
    service_complaint: '投诉',
    logistics: '物流',
    refund: '退款',
    billing: '账单',
    account: '账号',
    product_question: '产品咨询',
    other: '其他',
  },
  sentiment: {
    positive: '正面',
    neutral: '中性',
    negative: '负面',
    title: '客户情绪：{{label}}，强度 {{strength}}%',
  },
  tagsLabel: '问题类型',
  sentimentLabel: '情绪',
  correct: {
    open: '纠正',
    hint: '纠正这条消息的问题类型或情绪',
  },
  unsure: {
    issueType: '类型不确定',
    sentiment: '情绪不确定',
    both: '不确定',
    title: '分类器把握不足，未给这条消息打标签，也未触发告警。',
  },
  botAvatar: '机器人',
  botAnswered: '知识库：{{intent}} · 置信度 {{confidence}}%',
  handoff: {
    title: '机器人已转接至{{team}}',
    reason: {
      asked_for_human: '客户要求转人工',
      low_confidence: '机器人把握不足，无法作答',
      max_turns: '机器人已达到对话轮次上限',
    },
    intent: '识别意图：{{intent}}（{{confidence}}%）',
    intentUnsure: '可能的意图：{{intent}}（把握较低）',
    match: '知识库最佳匹配 {{confidence}}%',
  },
  priorityRaised: '优先级由「{{from}}」升为「{{to}}」：客户情绪负面（{{score}}）',
  survey: {
    kind: { csat: '满意度（1–5）', nps: '推荐意愿（0–10）' },
    sent: '已向客户发送评价邀请：{{kinds}}',
    answered: '客户{{survey}}评分：{{score}} / {{max}}',
    rerated: '客户修改了{{survey}}评分：{{previous}} → {{score}} / {{max}}',
    short: { csat: '满意度', nps: '推荐意愿' },
    low: '低分',
    reopened: '已重新打开以便回访：客户{{survey}}评分 {{score}} / {{max}}',
  },
};

export default nluZhCN;
