/**
 * Auto-QA: rules that read every finished conversation and point a reviewer at what deserves a
 * look (a missing greeting, a forbidden phrase, a promised call-back, a slow reply, a customer who
 * left unhappy, a long silence on a call). Each hit names the message (and, on a call, the second)
 * that fired it, so the review screen can show it in place. Hits flag scorecard categories and feed
 * sampling; they never score a review on their own, and a reviewer can overrule any of them.
 *
 * This module is the pure part: the rules' shape (an admin edits them, names and phrases in both
 * languages) and `evaluateAutoQa`. The server runs it after the fact, never on the ingest path
 * (server/jobs/autoQa.ts).
 */
import { z } from 'zod';
import type { Message } from '../domain/model';
import { refineUniqueRuleIds } from './ruleIds';

export const AUTO_QA_RULE_KINDS = [
  'greeting',
  'closing',
  'forbidden',
  'callback_promise',
  'slow_reply',
  'negative_end',
  'long_silence',
] as const;
export type AutoQaRuleKind = (typeof AUTO_QA_RULE_KINDS)[number];

export const MAX_AUTO_QA_RULES = 50;
/** Hits kept per conversation (the first ones in the thread); more are counted, not stored. */
export const MAX_AUTO_QA_HITS = 100;
const EXCERPT_CHARS = 200;

const Phrase = z.string().trim().min(1).max(80);
/** Phrases per language; a rule matches any of them in any message (customers mix languages). */
const PhrasesSchema = z
  .object({ 'zh-CN': z.array(Phrase).max(100).default([]), en: z.array(Phrase).max(100).default([]) })
  .strict()
  .refine(
    (phrases) => phrases['zh-CN'].length + phrases.en.length > 0,
    'at least one phrase in either language',
  );

const Common = {
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - or _ (1–40)'),
  name: z
    .object({ 'zh-CN': z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) })
    .strict(),
  active: z.boolean().default(true),
  /** The scorecard category the rule speaks to: its hits flag that category on the review screen. */
  categoryId: z.string().min(1).max(40).nullable().default(null),
};

export const AutoQaRuleSchema = z.discriminatedUnion('kind', [
  /** The agent's first words include one of the phrases (a hit when they do not). */
  z.object({ ...Common, kind: z.literal('greeting'), phrases: PhrasesSchema }),
  /** The agent's last words include one of the phrases (a hit when they do not). */
  z.object({ ...Common, kind: z.literal('closing'), phrases: PhrasesSchema }),
  /** Words an agent must never use: a hit for every message that does. */
  z.object({ ...Common, kind: z.literal('forbidden'), phrases: PhrasesSchema }),
  /** The agent promised to call or write back: a hit so the reviewer checks it was kept. */
  z.object({ ...Common, kind: z.literal('callback_promise'), phrases: PhrasesSchema }),
  /** An agent reply that came more than `seconds` after the customer's unanswered message. */
  z.object({ ...Common, kind: z.literal('slow_reply'), seconds: z.number().int().min(10).max(86_400) }),
  /** The conversation ended with the customer's sentiment negative. */
  z.object({ ...Common, kind: z.literal('negative_end') }),
  /** On a call, nobody spoke for more than `seconds` (between two transcript lines). */
  z.object({ ...Common, kind: z.literal('long_silence'), seconds: z.number().int().min(1).max(3_600) }),
]);
export type AutoQaRule = z.infer<typeof AutoQaRuleSchema>;
export type AutoQaRuleInput = z.input<typeof AutoQaRuleSchema>;

export const AutoQaRulesBodySchema = z
  .object({ rules: z.array(AutoQaRuleSchema).max(MAX_AUTO_QA_RULES) })
  .superRefine((body, issues) => refineUniqueRuleIds(body.rules, issues));
export type AutoQaRulesBody = z.infer<typeof AutoQaRulesBodySchema>;

export const AutoQaHitSchema = z.object({
  ruleId: z.string().max(40),
  kind: z.enum(AUTO_QA_RULE_KINDS),
  /** The rule's name when it fired (a later edit of the rule does not rename past hits). */
  ruleName: z.object({ 'zh-CN': z.string().max(80), en: z.string().max(80) }),
  categoryId: z.string().max(40).nullable(),
  /** The message that fired it; null when the whole conversation did (no agent reply to judge). */
  messageId: z.string().max(64).nullable(),
  /** On a call: the second in the recording. */
  atSec: z.number().nonnegative().nullable(),
  /** The phrase found (forbidden, call-back), or the seconds waited or silent. */
  evidence: z.string().max(120).nullable(),
  excerpt: z.string().max(EXCERPT_CHARS),
});
export type AutoQaHit = z.infer<typeof AutoQaHitSchema>;

/** One hit's identity within its conversation (what a reviewer's overrule names). */
export function autoQaHitKey(hit: Pick<AutoQaHit, 'ruleId' | 'messageId' | 'atSec'>): string {
  return `${hit.ruleId}:${hit.messageId ?? ''}:${hit.atSec ?? ''}`;
}

/** The hits a reviewer overruled (they looked and disagree), by `autoQaHitKey`. */
export const OverruledHitsSchema = z.array(z.string().min(1).max(200)).max(MAX_AUTO_QA_HITS);

export const AutoQaResultSchema = z.object({
  evaluatedAt: z.string().max(40),
  hits: z.array(AutoQaHitSchema).max(MAX_AUTO_QA_HITS),
  /** Every hit, including those past MAX_AUTO_QA_HITS. */
  hitCount: z.number().int().nonnegative(),
});
export type AutoQaResult = z.infer<typeof AutoQaResultSchema>;

/** What the rules read: the thread oldest first and the sentiment it ended on. */
export interface AutoQaInput {
  messages: readonly Pick<
    Message,
    'id' | 'kind' | 'authorType' | 'direction' | 'text' | 'call' | 'createdAt'
  >[];
  endSentiment: 'positive' | 'neutral' | 'negative' | null;
}

interface Utterance {
  messageId: string;
  atSec: number | null;
  text: string;
}

const WORDLIKE = /^[\p{L}\p{N}' -]+$/u;
const LATIN = /[a-z0-9]/;

function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first phrase the text contains. A Latin phrase matches whole words only ("hell" is not in
 * "hello"); a Chinese one anywhere, since Chinese has no spaces between words.
 */
export function findPhrase(
  text: string,
  phrases: { 'zh-CN': readonly string[]; en: readonly string[] },
): string | null {
  const haystack = normalized(text);
  for (const phrase of [...phrases['zh-CN'], ...phrases.en]) {
    const needle = normalized(phrase);
    if (LATIN.test(needle) && WORDLIKE.test(needle)) {
      if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'u').test(haystack))
        return phrase;
    } else if (haystack.includes(needle)) {
      return phrase;
    }
  }
  return null;
}

const spokenByAgent = (speaker: string) => /^(agent|坐席|客服)$/i.test(speaker.trim());

/** What the agent said, in order: their written replies and their lines in call transcripts. */
function agentUtterances(messages: AutoQaInput['messages']): Utterance[] {
  const out: Utterance[] = [];
  for (const message of messages) {
    if (message.kind === 'call' && message.call?.transcript) {
      for (const line of message.call.transcript)
        if (spokenByAgent(line.speaker))
          out.push({ messageId: message.id, atSec: line.atSec, text: line.text });
    } else if (message.authorType === 'agent' && (message.kind === 'text' || message.kind === 'email')) {
      out.push({ messageId: message.id, atSec: null, text: message.text });
    }
  }
  return out;
}

const excerptOf = (text: string) =>
  text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;

/** Every hit of the active rules on one conversation, in rule order, then thread order. */
export function evaluateAutoQa(
  rules: readonly AutoQaRule[],
  input: AutoQaInput,
): Omit<AutoQaResult, 'evaluatedAt'> {
  const spoken = agentUtterances(input.messages);
  const hits: AutoQaHit[] = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    const hit = (
      at: { messageId: string | null; atSec?: number | null; text: string },
      evidence: string | null = null,
    ) =>
      hits.push({
        ruleId: rule.id,
        kind: rule.kind,
        ruleName: rule.name,
        categoryId: rule.categoryId,
        messageId: at.messageId,
        atSec: at.atSec ?? null,
        evidence,
        excerpt: excerptOf(at.text),
      });
    switch (rule.kind) {
      case 'greeting':
      case 'closing': {
        const said = rule.kind === 'greeting' ? spoken[0] : spoken.at(-1);
        if (said && findPhrase(said.text, rule.phrases) === null) hit(said);
        break;
      }
      case 'forbidden':
      case 'callback_promise':
        for (const said of spoken) {
          const phrase = findPhrase(said.text, rule.phrases);
          if (phrase !== null) hit(said, phrase);
        }
        break;
      case 'slow_reply': {
        let waitingSince: number | null = null;
        for (const message of input.messages) {
          if (message.kind === 'note' || message.kind === 'system') continue;
          const at = Date.parse(message.createdAt);
          if (message.authorType === 'contact') {
            waitingSince ??= at;
          } else if (message.authorType === 'agent') {
            if (waitingSince !== null && at - waitingSince > rule.seconds * 1_000)
              hit(
                { messageId: message.id, text: message.text },
                String(Math.round((at - waitingSince) / 1_000)),
              );
            waitingSince = null;
          }
        }
        break;
      }
      case 'negative_end': {
        if (input.endSentiment !== 'negative') break;
        const last = input.messages.findLast((message) => message.authorType === 'contact');
        hit({ messageId: last?.id ?? null, text: last?.text ?? '' });
        break;
      }
      case 'long_silence':
        for (const message of input.messages) {
          const lines = [...(message.call?.transcript ?? [])].sort((a, b) => a.atSec - b.atSec);
          for (let i = 1; i < lines.length; i += 1) {
            const before = lines[i - 1]!;
            const gap = lines[i]!.atSec - before.atSec;
            if (gap > rule.seconds)
              hit({ messageId: message.id, atSec: before.atSec, text: before.text }, String(Math.round(gap)));
          }
        }
        break;
    }
  }
  return { hits: hits.slice(0, MAX_AUTO_QA_HITS), hitCount: hits.length };
}

/**
 * A sensible first set (the demo centre's), in both languages; the category ids are the demo
 * scorecard's (a hit naming a category the scorecard lacks flags none).
 */
export const STARTER_AUTO_QA_RULES: readonly AutoQaRuleInput[] = [
  {
    id: 'greeting',
    kind: 'greeting',
    name: { 'zh-CN': '开场问候', en: 'Greeting' },
    categoryId: 'greeting',
    phrases: {
      'zh-CN': ['您好', '你好', '很高兴为您服务'],
      en: ['hello', 'hi', 'good morning', 'good afternoon', 'thanks for contacting'],
    },
  },
  {
    id: 'closing',
    kind: 'closing',
    name: { 'zh-CN': '结束语', en: 'Closing' },
    categoryId: 'closing',
    phrases: {
      'zh-CN': ['还有什么', '祝您', '感谢', '谢谢', '再见'],
      en: ['anything else', 'have a', 'thank you', 'thanks', 'goodbye'],
    },
  },
  {
    id: 'forbidden',
    kind: 'forbidden',
    name: { 'zh-CN': '服务禁语', en: 'Forbidden phrases' },
    categoryId: 'empathy',
    phrases: {
      'zh-CN': ['不知道', '不归我管', '你自己看', '没办法', '听不懂吗', '我也没办法'],
      en: ['not my problem', 'not my job', 'calm down', 'you should have', 'whatever'],
    },
  },
  {
    id: 'callback',
    kind: 'callback_promise',
    name: { 'zh-CN': '承诺回电', en: 'Promised call-back' },
    categoryId: null,
    phrases: {
      'zh-CN': ['回电', '稍后联系您', '回复您'],
      en: ['call you back', 'get back to you', 'follow up with you'],
    },
  },
  {
    id: 'slow-reply',
    kind: 'slow_reply',
    name: { 'zh-CN': '回复过慢', en: 'Slow reply' },
    categoryId: null,
    seconds: 600,
  },
  {
    id: 'negative-end',
    kind: 'negative_end',
    name: { 'zh-CN': '客户不满结束', en: 'Ended unhappy' },
    categoryId: null,
  },
  {
    id: 'long-silence',
    kind: 'long_silence',
    name: { 'zh-CN': '通话长时间静默', en: 'Long silence on a call' },
    categoryId: null,
    seconds: 30,
  },
];
