/**
 * The live-sync protocol between a workstation core and the central server (Socket.IO).
 *
 * Invariants (DESIGN.md "Sync model"):
 * - Every committed change has a strictly increasing `seq`; one server transaction appends a
 *   contiguous range and pokes carry that range as `from..to`.
 * - A client's cursor is the highest seq it has applied *contiguously*; it moves only inside the
 *   SQLite transaction that applies the page (or poke) containing it.
 * - A pull returns the changes after the cursor that the caller may see, and a `cursor` that is the
 *   highest seq the server scanned, so invisible changes still advance it.
 * - Each change carries a full snapshot of the record, so applying a change twice is harmless and a
 *   snapshot with a lower seq than the stored row is ignored.
 */
import { z } from 'zod';
import {
  AgentSchema,
  ContactSchema,
  ConversationSchema,
  ConversationStatusSchema,
  MessageSchema,
  PrioritySchema,
  TeamSchema,
} from '../domain/model';
import { MAX_MESSAGE_CHARS, MAX_SUBJECT_CHARS, PULL_PAGE_MAX, PUSH_BATCH_MAX } from '../domain/limits';
import { ErrorBodySchema } from './errors';
import { CannedChangeSchemas, CannedMutationArgsSchemas } from './canned';
import { RoutingMutationArgsSchemas } from './routing';
import { AlertSchema } from './sla';
import { AlertChangeSchemas, AlertMutationArgsSchemas } from './alerts';
import { QaChangeSchemas, QaMutationArgsSchemas } from './qa';
import { BusinessCalendarListSchema, SlaPolicyListSchema } from '../sla/policies';

const Seq = z.number().int().nonnegative();
const Id = z.string().min(1).max(64);

const conversationChange = <T extends string>(type: T) =>
  z.object({ seq: Seq, type: z.literal(type), conversation: ConversationSchema });

export const ChangeSchema = z.discriminatedUnion('type', [
  z.object({ seq: Seq, type: z.literal('team.updated'), team: TeamSchema }),
  z.object({ seq: Seq, type: z.literal('agent.updated'), agent: AgentSchema }),
  z.object({ seq: Seq, type: z.literal('contact.updated'), contact: ContactSchema }),
  conversationChange('conversation.created'),
  conversationChange('conversation.updated'),
  conversationChange('conversation.assigned'),
  conversationChange('conversation.transferred'),
  conversationChange('conversation.status_changed'),
  conversationChange('conversation.priority_changed'),
  z.object({ seq: Seq, type: z.literal('message.created'), message: MessageSchema }),
  z.object({ seq: Seq, type: z.literal('sla_policy.updated'), policies: SlaPolicyListSchema }),
  z.object({ seq: Seq, type: z.literal('business_calendar.updated'), calendars: BusinessCalendarListSchema }),
  z.object({ seq: Seq, type: z.literal('alert.created'), alert: AlertSchema }),
  ...CannedChangeSchemas,
  ...AlertChangeSchemas,
  ...QaChangeSchemas,
]);
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeType = Change['type'];
export type ConversationChange = Extract<Change, { conversation: unknown }>;

export const PullRequestSchema = z.object({
  cursor: Seq,
  limit: z.number().int().min(1).max(PULL_PAGE_MAX).optional(),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  cursor: Seq,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** Server → client after a commit: the commit's seq range and the changes this room may see. */
export const PokeSchema = z.object({ from: Seq, to: Seq, changes: z.array(ChangeSchema) });
export type Poke = z.infer<typeof PokeSchema>;

/** Server → client when pokes may have been lost (a Redis outage between nodes). */
export const SyncHeadSchema = z.object({ seq: Seq });
export type SyncHead = z.infer<typeof SyncHeadSchema>;

const BaseVersion = z.number().int().nonnegative();

export const MutationArgsSchemas = {
  'message.send': z.object({
    conversationId: Id,
    messageId: z.uuid(),
    kind: z.enum(['text', 'note']),
    text: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
    subject: z.string().max(MAX_SUBJECT_CHARS).optional(),
  }),
  'conversation.assign': z.object({ conversationId: Id, assigneeId: Id.nullable(), baseVersion: BaseVersion }),
  'conversation.transfer': z.object({
    conversationId: Id,
    teamId: Id,
    assigneeId: Id.nullable(),
    baseVersion: BaseVersion,
  }),
  'conversation.setStatus': z.object({
    conversationId: Id,
    status: ConversationStatusSchema.extract(['open', 'pending', 'resolved']),
    baseVersion: BaseVersion,
  }),
  'conversation.setPriority': z.object({ conversationId: Id, priority: PrioritySchema, baseVersion: BaseVersion }),
  ...CannedMutationArgsSchemas,
  ...RoutingMutationArgsSchemas,
  ...AlertMutationArgsSchemas,
  ...QaMutationArgsSchemas,
} as const;
export type MutationName = keyof typeof MutationArgsSchemas;
export type MutationArgs<N extends MutationName> = z.infer<(typeof MutationArgsSchemas)[N]>;
export const MUTATION_NAMES = Object.keys(MutationArgsSchemas) as MutationName[];

/** A mutation as it travels: `args` is validated against MutationArgsSchemas[name] by the server. */
export const MutationSchema = z.object({
  mutationId: z.number().int().positive(),
  name: z.enum(MUTATION_NAMES as [MutationName, ...MutationName[]]),
  args: z.unknown(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z.object({
  clientId: z.uuid(),
  mutations: z.array(MutationSchema).min(1).max(PUSH_BATCH_MAX),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const MutationResultSchema = z.discriminatedUnion('ok', [
  z.object({ mutationId: z.number().int(), ok: z.literal(true), seq: Seq }),
  z.object({
    mutationId: z.number().int(),
    ok: z.literal(false),
    error: ErrorBodySchema,
    /** The server's current state, so the client can roll back to the truth at once. */
    conversation: ConversationSchema.optional(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({ results: z.array(MutationResultSchema) });
export type PushResponse = z.infer<typeof PushResponseSchema>;

