/**
 * The bot that answers a new conversation first. `answer(text, { turn })` either replies from the
 * knowledge base or hands off to a human, with the reason and the skill group to hand to.
 *
 * Decision order (invariant): asked for a human → past the turn limit → knowledge-base match
 * below the confidence threshold → answer. A customer who asks for a person always gets one,
 * even on the first turn.
 *
 * The knowledge-base matcher is a classifier trained on the entries' question variants plus an
 * "ask for a human" intent; the explicit phrases of the product brief ("转人工", "人工客服",
 * "agent", "human") are also matched as whole jieba / English tokens, so they hand off whatever
 * else the message says.
 */
import { trainClassifier } from './classifier';
import { getMessageClassifier, UNSURE, type MessageClassifier } from './classify';
import type { IssueType, TeamId } from './labels';
import { detectLanguage, tokenize, toFeatures } from './tokenize';
import { ASK_FOR_HUMAN_VARIANTS, DEFAULT_KNOWLEDGE_BASE, type KnowledgeEntry } from './training/knowledgeBase';

export const ASK_FOR_HUMAN_INTENT = 'handoff.human';

export interface BotOptions {
  /** Minimum share of the top knowledge-base intent to answer; below it the bot hands off. */
  confidenceThreshold?: number;
  /** Customer turns the bot may answer; turn `maxTurns + 1` hands off. */
  maxTurns?: number;
  knowledgeBase?: readonly KnowledgeEntry[];
  classifier?: MessageClassifier;
}

export type BotReply =
  | { kind: 'answer'; answer: string; confidence: number; intent: string }
  | {
      kind: 'handoff';
      reason: 'asked_for_human' | 'low_confidence' | 'max_turns';
      /** The most likely issue type of the message (a guess when the classifier is unsure). */
      intent: IssueType;
      /** The issue-type classifier's probability for `intent`, 0..1. */
      intentConfidence: number;
      /** The skill group for the issue; null when the issue type is unsure (route by channel). */
      team: TeamId | null;
      /** Best knowledge-base intent and its confidence, for the agent's context. */
      knowledgeIntent: string | null;
      confidence: number;
    };

export interface Bot {
  readonly confidenceThreshold: number;
  readonly maxTurns: number;
  /** `turn` is the 1-based number of this customer message in the bot conversation. */
  answer(text: string, context: { turn: number }): BotReply;
}

export const DEFAULT_CONFIDENCE_THRESHOLD = 0.6;
export const DEFAULT_MAX_TURNS = 3;

/** Whole-token phrases that always mean "give me a person" (tokens as `tokenize` emits them). */
const HUMAN_TOKENS = new Set(['转人工', '人工', '人工客服', '真人', '人工服务', 'agent', 'human', 'humans', 'person', 'repres', 'operat']);

export function asksForHuman(text: string): boolean {
  return tokenize(text).some((token) => HUMAN_TOKENS.has(token));
}

export function createBot(options: BotOptions = {}): Bot {
  const confidenceThreshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  const knowledgeBase = options.knowledgeBase ?? DEFAULT_KNOWLEDGE_BASE;
  const classifier = options.classifier ?? getMessageClassifier();
  const byIntent = new Map(knowledgeBase.map((entry) => [entry.intent, entry]));

  const examples = knowledgeBase.flatMap((entry) =>
    [...entry.variants['zh-CN'], ...entry.variants.en].map((variant) => ({ features: toFeatures(tokenize(variant)), label: entry.intent })),
  );
  for (const variant of ASK_FOR_HUMAN_VARIANTS) examples.push({ features: toFeatures(tokenize(variant)), label: ASK_FOR_HUMAN_INTENT });
  const matcher = trainClassifier(examples);

  return {
    confidenceThreshold,
    maxTurns,
    answer(text, { turn }) {
      const match = matcher.classify(toFeatures(tokenize(text)));
      const handoff = (reason: 'asked_for_human' | 'low_confidence' | 'max_turns'): BotReply => {
        const message = classifier.classify(text);
        const knowledgeIntent = match.label === ASK_FOR_HUMAN_INTENT ? null : match.label;
        return {
          kind: 'handoff',
          reason,
          intent: message.issueTypeGuess,
          intentConfidence: message.issueTypeConfidence,
          team: message.issueType === UNSURE ? null : message.team,
          knowledgeIntent,
          confidence: match.confidence,
        };
      };
      if (asksForHuman(text) || (match.label === ASK_FOR_HUMAN_INTENT && match.confidence >= confidenceThreshold)) {
        return handoff('asked_for_human');
      }
      if (turn > maxTurns) return handoff('max_turns');
      const entry = match.label ? byIntent.get(match.label) : undefined;
      if (!entry || match.confidence < confidenceThreshold) return handoff('low_confidence');
      return { kind: 'answer', answer: entry.answer[detectLanguage(text)], confidence: match.confidence, intent: entry.intent };
    },
  };
}
