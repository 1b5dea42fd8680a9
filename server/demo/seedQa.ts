/**
 * The demo centre's quality review: a chat/email scorecard, the starter auto-QA rules, a daily
 * sampling rule per front-line team, five finished email conversations (judged by auto-QA) sent to the demo reviewer (周敏 Zhou Min) by the lead, and two of them already reviewed, so
 * a new user signing in as zhou.min has a sample to work at once. Everything goes through the
 * same paths as real traffic (channel ingest, agents' and the lead's mutations), once.
 */
import { randomUUID } from 'node:crypto';
import type { IngestMessageRequest } from '../../shared/contracts/http';
import type { Mutation } from '../../shared/contracts/sync';
import {
  AutoQaRulesBodySchema,
  SamplingRulesBodySchema,
  STARTER_AUTO_QA_RULES,
  type SamplingRuleInput,
  type ScorecardFieldsInput,
} from '../../shared/qa';
import { conversationFromRow, getConversationRow } from '../db/queries/conversations';
import { getAgent } from '../db/queries/directory';
import type { DomainContext } from '../domain/context';
import { ingestMessage } from '../domain/ingest';
import { applyPush } from '../domain/mutations';
import { evaluateNow, putAutoQaRules } from '../domain/qa/autoQa';
import { putSamplingRules } from '../domain/qa/sampling';
import { DEMO_AGENTS } from './seed';

export const DEMO_SCORECARD_ID = 'scorecard-service';
const REVIEWER = 'agent-zhou-min';
const LEAD = 'agent-liu-yang';

const SCORECARD: ScorecardFieldsInput = {
  name: '服务质检标准 Service standard',
  passThreshold: 80,
  categories: [
    {
      id: 'greeting',
      name: '规范问候 Greeting',
      weight: 1,
      scale: 'binary',
      guidance: '开头称呼客户并自报身份 / Greets the customer by name',
    },
    {
      id: 'understanding',
      name: '理解问题 Understanding',
      weight: 2,
      scale: '5',
      rootCauses: ['未追问细节 Did not ask', '误解诉求 Misread the request'],
    },
    {
      id: 'accuracy',
      name: '解答准确 Accurate answer',
      weight: 3,
      scale: '5',
      critical: true,
      rootCauses: ['知识不足 Knowledge gap', '流程错误 Wrong process', '系统问题 System issue'],
    },
    { id: 'empathy', name: '同理心 Empathy', weight: 2, scale: '4', naAllowed: true },
    {
      id: 'closing',
      name: '礼貌结束 Closing',
      weight: 1,
      scale: 'binary',
      guidance: '确认问题已解决并致谢 / Confirms and thanks',
    },
  ],
};

/**
 * One daily rule per front-line team: every conversation of the day before that breached, ended
 * unhappy, got a low CSAT or used a forbidden phrase, and one in ten of the rest, to the demo reviewer.
 */
const SAMPLING_RULES: SamplingRuleInput[] = ['team-presales', 'team-aftersales', 'team-techsupport'].map(
  (teamId) => ({
    id: `daily-${teamId.replace('team-', '')}`,
    name: '每日抽检 Daily sample',
    teamId,
    cycle: 'daily',
    timeZone: 'Asia/Shanghai',
    random: { mode: 'percent', amount: 10 },
    conditions: [
      { kind: 'sla_breached' },
      { kind: 'negative_end' },
      { kind: 'csat_low' },
      { kind: 'auto_qa_flag', ruleIds: ['forbidden'] },
    ],
    reviewers: [{ reviewerId: REVIEWER, goal: 20 }],
  }),
);

interface DemoThread {
  name: string;
  subject: string;
  customer: string;
  reply: string;
  reason: string;
  /** Ratings when the demo reviewer has reviewed it already. */
  reviewed?: Record<string, number | 'na'>;
}

const THREADS: DemoThread[] = [
  {
    name: '张伟',
    subject: '发票抬头开错了',
    customer: '上周的订单发票抬头写成了个人，我们需要公司抬头，可以重开吗？',
    reply:
      '张先生您好，我是客服李娜。发票可以重开：请回复公司全称和税号，我们在两个工作日内寄出新发票。感谢您的耐心！',
    reason: '抽检 Daily sample',
    reviewed: { greeting: 1, understanding: 5, accuracy: 5, empathy: 3, closing: 1 },
  },
  {
    name: 'Olivia Brown',
    subject: 'Refund still not received',
    customer:
      'I returned the blender two weeks ago and the refund has still not arrived. This is the third time I am asking.',
    reply: 'Refunds take up to 14 days.',
    reason: 'CSAT 1',
    reviewed: { greeting: 0, understanding: 2, accuracy: 2, empathy: 1, closing: 0 },
  },
  {
    name: '李娟',
    subject: '会员积分没有到账',
    customer: '我昨天买的东西，积分一直没有加上，麻烦看一下。',
    reply: '李女士您好，积分会在确认收货后 24 小时内到账。您确认收货后如果还没有到，请再联系我们，谢谢！',
    reason: '抽检 Daily sample',
  },
  {
    name: 'James Wilson',
    subject: 'Change delivery address',
    customer: 'Can I still change the delivery address for order 88213? I moved last week.',
    reply:
      'Hi James, this is Switchboard support. Yes — I have updated the address to the one in your message; the courier will use it. Anything else I can help with?',
    reason: 'Daily sample',
  },
  {
    name: '王芳',
    subject: '退货运费谁承担',
    customer: '商品有质量问题，退货运费需要我自己出吗？',
    // Auto-QA flags this one: no greeting, no closing, and a forbidden phrase.
    reply: '运费这个不归我管，您自己看一下退货政策吧。',
    reason: '抽检 Daily sample',
  },
];

export async function seedQaDemo(ctx: DomainContext): Promise<void> {
  if ((await ctx.store.db.selectFrom('qa_scorecards').select('id').limit(1).execute()).length > 0) return;
  const [admin, lead, reviewer] = await Promise.all(
    ['agent-admin', LEAD, REVIEWER].map((id) => getAgent(ctx.store.db, id)),
  );
  if (!admin || !lead || !reviewer) return;
  const clientId = randomUUID();
  let mutationId = 0;
  const push = async (actor: typeof admin, mutation: Omit<Mutation, 'mutationId'>) => {
    const { results } = await applyPush(ctx, actor, {
      clientId: `${clientId}-${actor.id}`,
      mutations: [{ ...mutation, mutationId: ++mutationId }],
    });
    const result = results[0]!;
    if (!result.ok) throw new Error(`demo quality review: ${mutation.name} refused: ${result.error.message}`);
  };

  await push(admin, { name: 'qa.scorecard.save', args: { id: DEMO_SCORECARD_ID, fields: SCORECARD } });
  await putSamplingRules(ctx, admin, SamplingRulesBodySchema.parse({ rules: SAMPLING_RULES }));
  await putAutoQaRules(ctx, admin, AutoQaRulesBodySchema.parse({ rules: STARTER_AUTO_QA_RULES }));
  for (const [index, thread] of THREADS.entries()) {
    const request: IngestMessageRequest = {
      channel: 'email',
      externalId: `demo-qa-${index}`,
      contact: { externalId: `demo-qa-contact-${index}`, name: thread.name },
      subject: thread.subject,
      text: thread.customer,
    };
    const { conversationId } = await ingestMessage(ctx, request);
    const row = await getConversationRow(ctx.store.db, conversationId);
    if (!row) continue;
    const conversation = conversationFromRow(row);
    const agentSeat = DEMO_AGENTS.find((a) => a.role === 'agent' && a.teamIds.includes(conversation.teamId));
    const agent = agentSeat ? await getAgent(ctx.store.db, agentSeat.id) : undefined;
    if (!agent) continue;
    await push(agent, {
      name: 'conversation.assign',
      args: { conversationId, assigneeId: agent.id, baseVersion: conversation.version },
    });
    await push(agent, {
      name: 'message.send',
      args: { conversationId, messageId: randomUUID(), kind: 'text', text: thread.reply },
    });
    const assigned = conversationFromRow((await getConversationRow(ctx.store.db, conversationId))!);
    await push(agent, {
      name: 'conversation.setStatus',
      args: { conversationId, status: 'resolved', baseVersion: assigned.version },
    });
    await evaluateNow(ctx, conversationId);
    const assignmentId = randomUUID();
    await push(lead, {
      name: 'qa.assign',
      args: { id: assignmentId, conversationId, reviewerId: REVIEWER, reason: thread.reason },
    });
    if (thread.reviewed) {
      await push(reviewer, {
        name: 'qa.review.submit',
        args: {
          id: randomUUID(),
          conversationId,
          assignmentId,
          scorecardId: DEMO_SCORECARD_ID,
          scorecardVersion: 1,
          ratings: thread.reviewed,
          rootCauses: thread.reviewed.accuracy === 2 ? { accuracy: '流程错误 Wrong process' } : {},
          comments: [],
          summary:
            thread.reviewed.accuracy === 2
              ? '未说明退款进度，也没有道歉。请先致歉并查询退款单号。'
              : '回复完整、礼貌，继续保持。',
        },
      });
    }
  }
}
