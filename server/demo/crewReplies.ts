/**
 * What a crew member writes. The first answer is the team's best-fitting canned response in the
 * customer's language (the same ranking the composer suggests, variables filled the same way);
 * when none fits, or for later turns, a short scripted reply in that language. Notes are the kind
 * of internal remark an agent leaves; a call gets a wrap-up note instead of a written reply.
 */
import type { CannedLanguage, CannedResponse } from '../../shared/canned/model';
import { detectLanguage, suggestCanned } from '../../shared/canned/suggest';
import { isComplete, renderTemplate, segmentsToText, type VariableContext } from '../../shared/canned/variables';
import type { Rng } from './simulatorRandom';

/** Below this score a canned response is a guess, not a fit (scores are idf-weighted matches). */
const MIN_CANNED_SCORE = 2;

const FIRST_REPLIES: Record<CannedLanguage, readonly string[]> = {
  'zh-CN': [
    '您好，我是{{agent.name}}，已经收到您的问题，正在为您核实，请稍等片刻。',
    '您好，感谢您的耐心等待，我这边马上为您查询处理。',
    '您好，您反映的情况我已记录，正在帮您跟进。',
  ],
  en: [
    'Hello, this is {{agent.name}}. I have your message and I am looking into it now.',
    'Hi, thanks for your patience. Let me check this for you right away.',
    'Hello, I have noted the details and I am following this up for you.',
  ],
};

const FOLLOW_UPS: Record<CannedLanguage, readonly string[]> = {
  'zh-CN': [
    '已经为您处理好了，请您查看一下。如还有其他问题，随时联系我们。',
    '好的，已为您登记，后续进展会第一时间通知您。',
    '明白了，我已按您的要求处理，感谢您的理解与支持。',
  ],
  en: [
    'That is sorted now, please have a look. If anything else comes up, just write to us.',
    'Understood, I have logged it and we will update you as soon as there is news.',
    'Thanks for confirming. I have taken care of it as you asked.',
  ],
};

const NOTES: Record<CannedLanguage, readonly string[]> = {
  'zh-CN': ['已核对客户信息和历史工单，按标准流程处理。', '客户此前无同类工单，先按常规方案答复。', '已查询订单与物流状态，信息一致。'],
  en: ['Checked the customer record and earlier tickets; handling by the standard procedure.', 'No earlier ticket on this issue; answering with the usual steps.', 'Order and delivery status checked; details match.'],
};

const CALL_WRAP_UPS: Record<CannedLanguage, readonly string[]> = {
  'zh-CN': ['通话已处理：已在电话中答复客户并确认问题解决。', '通话小结：已说明处理方案，客户表示认可。'],
  en: ['Call handled: answered on the phone and the customer confirmed it is resolved.', 'Call summary: explained the next steps; the customer agreed.'],
};

export interface ReplyInput {
  /** The customer's latest words (language and canned fit are read from them). */
  customerText: string;
  /** How many public replies this member already sent in the conversation. */
  repliesSoFar: number;
  /** The team's canned responses the member can see. */
  canned: readonly CannedResponse[];
  context: VariableContext;
  rng: Rng;
}

export interface ChosenReply {
  text: string;
  /** The canned response used, if any (its usage is recorded like a person's). */
  cannedId: string | null;
}

export function languageOf(text: string): CannedLanguage {
  return detectLanguage(text);
}

/** "赵磊 Zhao Lei" signs Chinese replies as 赵磊 and English ones as Zhao Lei. */
export function nameFor(fullName: string, language: CannedLanguage): string {
  const match = /^([\u3400-\u9fff]+)\s+(.+)$/.exec(fullName.trim());
  if (!match) return fullName;
  return language === 'zh-CN' ? match[1]! : match[2]!;
}

/**
 * Answers for `{{prompt:…}}` placeholders that ask for an order number: the contact's `order_id`
 * attribute, else an order number the customer quoted. Other prompts stay unanswered, and a
 * response that still has one is not used.
 */
function promptAnswers(template: string, customerText: string, context: VariableContext): Record<string, string> {
  const quoted = /(?:订单|order)[^\dA-Za-z]{0,8}([A-Za-z]{0,4}-?\d{3,})/i.exec(customerText)?.[1];
  const orderId = context.contact?.attributes?.order_id ?? quoted;
  const answers: Record<string, string> = {};
  for (const match of template.matchAll(/\{\{\s*prompt:([^}|]+?)\s*\}\}/g)) {
    const label = match[1]!;
    if (orderId !== undefined && orderId !== null && /订单|order/i.test(label)) answers[label] = String(orderId);
  }
  return answers;
}

function fill(template: string, context: VariableContext, customerText = ''): string | null {
  const segments = renderTemplate(template, context, promptAnswers(template, customerText, context));
  return isComplete(segments) ? segmentsToText(segments).trim() : null;
}

export function chooseReply(input: ReplyInput): ChosenReply {
  const language = languageOf(input.customerText);
  const agentName = input.context.agent?.name;
  const context = agentName ? { ...input.context, agent: { name: nameFor(agentName, language) } } : input.context;
  if (input.repliesSoFar === 0) {
    const fitting = suggestCanned(
      input.canned.filter((response) => response.language === language),
      input.customerText,
      3,
    );
    // The best fit that can be sent as it is (a person would not send an unanswered prompt either).
    for (const { response, score } of fitting) {
      const text = score >= MIN_CANNED_SCORE ? fill(response.body, context, input.customerText) : null;
      if (text) return { text, cannedId: response.id };
    }
  }
  const pool = input.repliesSoFar === 0 ? FIRST_REPLIES[language] : FOLLOW_UPS[language];
  const text = fill(input.rng.pick(pool), context) ?? fill(FOLLOW_UPS[language][0]!, {})!;
  return { text, cannedId: null };
}

export function chooseNote(customerText: string, rng: Rng): string {
  return rng.pick(NOTES[languageOf(customerText)]);
}

export function chooseCallWrapUp(customerText: string, rng: Rng): string {
  return rng.pick(CALL_WRAP_UPS[languageOf(customerText)]);
}
