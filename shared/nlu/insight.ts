/**
 * What the server learned from a customer's words, as it travels on messages and conversations:
 * the classification of each inbound message (issue type, suggested team, sentiment), the bot's
 * answers, and the system events the bot and the sentiment rules write into a thread (handoff,
 * priority raised). Every field that uses these is optional on the wire, so caches and clients
 * older than them keep working.
 */
import { z } from 'zod';
import { SURVEY_KINDS } from '../surveys';
import { ISSUE_TYPES } from './labels';

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export const SentimentLabelSchema = z.enum(SENTIMENT_LABELS);
export type SentimentLabelName = z.infer<typeof SentimentLabelSchema>;

export const IssueTypeSchema = z.enum(ISSUE_TYPES);

export const SentimentSchema = z.object({
  label: SentimentLabelSchema,
  /** How strongly positive or negative, 0..1 (0 for neutral). */
  strength: z.number().min(0).max(1),
  /** Signed: below 0 leans negative, -1 the most negative. */
  score: z.number().min(-1).max(1),
});
export type SentimentValue = z.infer<typeof SentimentSchema>;

/** The classification of one inbound customer message. */
export const MessageInsightSchema = z.object({
  issueType: IssueTypeSchema,
  /** The skill group whose words these are most like (a team id). */
  suggestedTeamId: z.string().min(1).max(64),
  sentiment: SentimentSchema,
  /**
   * What the classifier was not confident enough to say. An unsure issue type travels as 'other'
   * and an unsure sentiment as neutral with strength 0, so older readers never tag or alert on
   * a guess; stored rows keep only those values, not this list.
   */
  unsure: z.array(z.enum(['issueType', 'sentiment'])).max(2).optional(),
});
export type MessageInsight = z.infer<typeof MessageInsightSchema>;

export const HANDOFF_REASONS = ['asked_for_human', 'low_confidence', 'max_turns'] as const;
export const HandoffReasonSchema = z.enum(HANDOFF_REASONS);
export type HandoffReason = z.infer<typeof HandoffReasonSchema>;

/**
 * Structured detail of a bot or system message, so each window words it in its own language
 * (the message text keeps a plain English rendering for exports and older clients).
 */
const PersonName = z.string().min(1).max(200);

export const MessageDetailSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bot_answer'),
    /** The knowledge-base entry that answered. */
    intent: z.string().min(1).max(80),
    confidence: z.number().min(0).max(1),
  }),
  z.object({
    kind: z.literal('bot_handoff'),
    reason: HandoffReasonSchema,
    /** The issue type detected in the customer's message; the team was chosen by it. */
    intent: IssueTypeSchema,
    /** How sure the issue-type classifier was of `intent`, 0..1. */
    intentConfidence: z.number().min(0).max(1).optional(),
    teamId: z.string().min(1).max(64),
    /** The bot's best knowledge-base match and how sure it was of it. */
    knowledgeIntent: z.string().max(80).nullable(),
    confidence: z.number().min(0).max(1),
  }),
  z.object({
    kind: z.literal('priority_raised'),
    from: z.enum(['low', 'normal', 'high', 'urgent']),
    to: z.enum(['low', 'normal', 'high', 'urgent']),
    /** The sentiment score of the message that raised it. */
    score: z.number().min(-1).max(1),
  }),
  /** The customer was asked for a rating after the resolution (shared/surveys). */
  z.object({
    kind: z.literal('survey_sent'),
    surveys: z.array(z.enum(SURVEY_KINDS)).min(1).max(SURVEY_KINDS.length),
  }),
  /** The customer's rating; `previousScore` when it replaces an earlier one (re-rating). */
  z.object({
    kind: z.literal('survey_answered'),
    survey: z.enum(SURVEY_KINDS),
    score: z.number().int().min(0).max(10),
    previousScore: z.number().int().min(0).max(10).nullable(),
    comment: z.string().max(2_000).nullable(),
  }),
  /** A low survey score reopened the resolved conversation (admin setting "reopen on low score"). */
  z.object({
    kind: z.literal('reopened_low_survey'),
    survey: z.enum(SURVEY_KINDS),
    score: z.number().int().min(0).max(10),
  }),
  /** Someone took, assigned or unassigned the conversation (names as they were at the time). */
  z.object({
    kind: z.literal('assigned'),
    action: z.enum(['took', 'assigned', 'unassigned']),
    by: PersonName,
    to: PersonName.nullable(),
  }),
  /** Someone moved the conversation to another team, and perhaps to an agent of it. */
  z.object({
    kind: z.literal('transferred'),
    by: PersonName,
    teamId: z.string().min(1).max(64),
    to: PersonName.nullable(),
  }),
  /** Routing gave the conversation to the least-loaded available agent. */
  z.object({
    kind: z.literal('auto_assigned'),
    to: PersonName,
    available: z.number().int().min(0),
    /** Agents equally least loaded; round-robin chose among them when more than one. */
    tied: z.number().int().min(0),
    channel: z.string().min(1).max(16),
    held: z.number().int().min(0),
    capacity: z.number().int().min(0),
  }),
  /** The agent holding it went offline before answering, so it went back to the team's queue. */
  z.object({
    kind: z.literal('returned_to_queue'),
    agent: PersonName,
    reason: z.enum(['offline', 'disconnected']),
  }),
]);
export type MessageDetail = z.infer<typeof MessageDetailSchema>;

/** At most this many issue-type tags are kept on a conversation (the most recent ones). */
export const MAX_ISSUE_TAGS = 3;
