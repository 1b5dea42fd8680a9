/**
 * Domain nouns as they travel between server, core and renderer. One zod schema each; the
 * TypeScript types are inferred from them so the wire and the code cannot drift apart.
 */
import { z } from 'zod';
import { IssueTypeSchema, MessageDetailSchema, MessageInsightSchema, SentimentSchema } from '../nlu/insight';

export const CHANNELS = ['chat', 'email', 'voice', 'sms', 'social'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const ROLES = ['agent', 'reviewer', 'lead', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const AGENT_STATUSES = ['available', 'busy', 'away', 'offline'] as const;
export const AgentStatusSchema = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

export const CONVERSATION_STATUSES = ['bot', 'open', 'pending', 'snoozed', 'resolved', 'closed'] as const;
export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** Ordered from least to most pressing; the index is the sort weight. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const MessageDirectionSchema = z.enum(['in', 'out']);
export type MessageDirection = z.infer<typeof MessageDirectionSchema>;

export const MESSAGE_KINDS = ['text', 'note', 'system', 'call', 'email'] as const;
export const MessageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKindSchema>;

export const AuthorTypeSchema = z.enum(['contact', 'agent', 'bot', 'system']);
export type AuthorType = z.infer<typeof AuthorTypeSchema>;

export const ContactTierSchema = z.enum(['standard', 'vip']);
export type ContactTier = z.infer<typeof ContactTierSchema>;

const Id = z.string().min(1).max(64);
const Instant = z.string().min(1).max(40); // ISO-8601 instant in UTC

export const TeamSchema = z.object({
  id: Id,
  name: z.string(),
  nameEn: z.string(),
});
export type Team = z.infer<typeof TeamSchema>;

export const AgentSchema = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  teamIds: z.array(Id),
  status: AgentStatusSchema,
});
export type Agent = z.infer<typeof AgentSchema>;

export const ChannelIdentitySchema = z.object({ channel: ChannelSchema, externalId: z.string() });
export type ChannelIdentity = z.infer<typeof ChannelIdentitySchema>;

export const ContactSchema = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tier: ContactTierSchema,
  identities: z.array(ChannelIdentitySchema),
  createdAt: Instant,
  /** Custom attributes from the channel (`order_id`…), read by `{{contact.attributes.*}}`; absent from older snapshots. */
  attributes: z.record(z.string(), z.string()).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** An SLA clock event as it travels on a conversation (shared/sla/types.ts `SlaEvent`). */
export const SlaEventWireSchema = z.object({
  at: Instant,
  type: z.enum(['created', 'customer_message', 'agent_reply', 'bot_reply', 'note', 'status']),
  status: ConversationStatusSchema.optional(),
});

export const ConversationSchema = z.object({
  id: Id,
  channel: ChannelSchema,
  contactId: Id,
  teamId: Id,
  assigneeId: Id.nullable(),
  status: ConversationStatusSchema,
  priority: PrioritySchema,
  subject: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  lastMessageAt: Instant,
  lastMessagePreview: z.string(),
  lastMessageDirection: MessageDirectionSchema,
  /** When the customer's oldest unanswered message arrived; null when nobody is waiting. */
  waitingSince: Instant.nullable(),
  messageCount: z.number().int().nonnegative(),
  /** Bumped by every change to assignee, team, status or priority: the base of versioned writes. */
  version: z.number().int().nonnegative(),
  /** The SLA policy that applies (first match wins, shared/sla/policies.ts); absent from older snapshots. */
  slaPolicyId: Id.nullable().optional(),
  /** What the SLA clock needs (`computeSla` events, compacted); absent from older snapshots. */
  slaEvents: z.array(SlaEventWireSchema).max(50_000).optional(),
  /** Issue types detected in the customer's messages, newest first (shared/nlu/insight.ts); absent from older snapshots. */
  issueTypes: z.array(IssueTypeSchema).max(10).optional(),
  /** Sentiment of the customer's latest message; absent from older snapshots. */
  sentiment: SentimentSchema.nullable().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const TranscriptLineSchema = z.object({
  atSec: z.number().nonnegative().max(86_400),
  speaker: z.string().min(1).max(40),
  text: z.string().max(4_000),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

export const CallInfoSchema = z.object({
  durationSec: z.number().int().nonnegative().max(86_400),
  recordingUrl: z.string().max(2_000).nullable().optional(),
  transcript: z.array(TranscriptLineSchema).max(2_000).optional(),
});
export type CallInfo = z.infer<typeof CallInfoSchema>;

export const MessageSchema = z.object({
  id: Id,
  conversationId: Id,
  direction: MessageDirectionSchema,
  kind: MessageKindSchema,
  authorType: AuthorTypeSchema,
  authorId: Id.nullable(),
  text: z.string(),
  subject: z.string().nullable(),
  call: CallInfoSchema.nullable(),
  createdAt: Instant,
  /** Classification of an inbound customer message; absent on others and from older servers. */
  insight: MessageInsightSchema.nullable().optional(),
  /** What a bot answer or a bot/system event means (shared/nlu/insight.ts); absent when plain. */
  detail: MessageDetailSchema.nullable().optional(),
});
export type Message = z.infer<typeof MessageSchema>;
