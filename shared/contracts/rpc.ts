/**
 * The renderer → workstation-core contract. One entry per call: its input and output schemas.
 * The preload (Electron) and the web shim both build `window.switchboard` from this table, and the
 * core's RPC service validates every input against it. Adding a call = one line here + a handler.
 */
import { RecordingRpcContract } from './recordings';
import { LiveRpcContract } from './live';
import { z } from 'zod';
import {
  AgentSchema,
  ChannelSchema,
  ContactSchema,
  ConversationSchema,
  ConversationStatusSchema,
  MessageSchema,
  PrioritySchema,
  TeamSchema,
  ContactTierSchema,
} from '../domain/model';
import { CannedRpcContract } from './canned';
import { CollisionRpcContract, CollisionRpcEvents } from './collision';
import { RoutingRpcContract } from './routing';
import { AdminRpcContract } from './admin';
import { AlertRpcContract, AlertRpcEvents } from './alerts';
import { DesktopRpcContract, DesktopRpcEvents } from './desktop';
import { WebhookRpcContract } from './webhooks';
import { NluModelRpcContract } from './nluModels';
import { ConnectorRpcContract } from './connectors';
import { InsightRpcContract } from './insightCorrection';
import { QaRpcContract } from './qa';
import { KpiReportRpcContract } from './kpiReport';
import { QaReportRpcContract } from './qaReport';
import { SlaAlertedSchema, SlaClockSchema } from './sla';
import { RecordKeySchema } from './records';
import { INBOX_PAGE_MAX, MAX_MESSAGE_CHARS, MAX_SEARCH_CHARS, MAX_SUBJECT_CHARS } from '../domain/limits';

const Id = z.string().min(1).max(64);
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const SessionSchema = z.object({ agent: AgentSchema, serverUrl: z.string() });
export type Session = z.infer<typeof SessionSchema>;

export const SyncStateSchema = z.enum(['signedOut', 'offline', 'syncing', 'online']);
export type SyncState = z.infer<typeof SyncStateSchema>;
export const SyncStatusSchema = z.object({
  state: SyncStateSchema,
  /** Mutations written locally and not yet acknowledged by the server. */
  pending: z.number().int().nonnegative(),
  cursor: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const INBOX_SCOPES = ['mine', 'unassigned', 'myTeams', 'all'] as const;
export const InboxScopeSchema = z.enum(INBOX_SCOPES);
export type InboxScope = z.infer<typeof InboxScopeSchema>;
export const INBOX_SORTS = ['newest', 'longestWaiting', 'priority', 'dueSoonest'] as const;
export const InboxSortSchema = z.enum(INBOX_SORTS);
export type InboxSort = z.infer<typeof InboxSortSchema>;

/** An inbox cursor is a short JSON key (sort key columns and a row id); longer input is refused. */
const INBOX_CURSOR_MAX_CHARS = 400;
/** Held rows a window may name as `known`: its page and the pages either side. */
export const INBOX_KNOWN_MAX = 3 * INBOX_PAGE_MAX;

export const InboxQuerySchema = z.object({
  scope: InboxScopeSchema,
  statuses: z.array(ConversationStatusSchema).max(6).optional(),
  channels: z.array(ChannelSchema).max(5).optional(),
  priorities: z.array(PrioritySchema).max(4).optional(),
  /** `breachingWithin30m`: an SLA target is due within 30 minutes or already breached. */
  slaFilter: z.enum(['breachingWithin30m']).optional(),
  sort: InboxSortSchema,
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(INBOX_PAGE_MAX),
  /**
   * Keyset paging: the `next` of the previous page of the same query. Rows start right after that
   * row (then skip `offset`, normally 0), one index seek however deep; `offset` alone is for jumps.
   */
  after: z.string().min(1).max(INBOX_CURSOR_MAX_CHARS).optional(),
  /**
   * Rows the window already holds unchanged (no `data.changed` has named them since it read them).
   * The page then answers `order` (every row id, in order) and sends in `rows` only the others, so
   * one new conversation costs one row over the wire instead of a page of them.
   */
  known: z.array(Id).max(INBOX_KNOWN_MAX).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const InboxRowSchema = ConversationSchema.extend({
  contactName: z.string(),
  contactTier: ContactTierSchema,
  assigneeName: z.string().nullable(),
  teamName: z.string(),
  unread: z.boolean(),
  /** Input for the row's SLA countdown (null: no policy applies yet). */
  sla: SlaClockSchema.nullable().optional(),
});
export type InboxRow = z.infer<typeof InboxRowSchema>;

export const InboxPageSchema = z.object({
  total: z.number().int(),
  rows: z.array(InboxRowSchema),
  /** Cursor of the page's last row, for `after` (absent on an empty page). */
  next: z.string().optional(),
  /** With `known`: the page's row ids in order; `rows` then holds only those not known. */
  order: z.array(Id).optional(),
});
export type InboxPage = z.infer<typeof InboxPageSchema>;

export const SearchHitSchema = z.object({
  row: InboxRowSchema,
  /** Matching text with the hit wrapped in \u0002 … \u0003 markers (never HTML). */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const MessageViewSchema = MessageSchema.extend({
  authorName: z.string().nullable(),
  /** Written locally, not yet acknowledged by the server. */
  pending: z.boolean(),
  /** Rejected by the server: the reason the user sees. */
  failedReason: z.string().nullable(),
});
export type MessageView = z.infer<typeof MessageViewSchema>;

export const ConversationDetailSchema = z.object({
  conversation: ConversationSchema,
  contact: ContactSchema,
  teamName: z.string(),
  assigneeName: z.string().nullable(),
  messages: z.array(MessageViewSchema),
  pastConversations: z.array(InboxRowSchema),
  /** Input for the header's SLA countdown. */
  sla: SlaClockSchema.nullable().optional(),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;

export const DirectorySchema = z.object({ teams: z.array(TeamSchema), agents: z.array(AgentSchema) });
export type Directory = z.infer<typeof DirectorySchema>;

const ConversationRef = z.object({ conversationId: Id });

export const rpcContract = {
  'session.get': { input: Empty, output: SessionSchema.nullable() },
  'session.login': {
    input: z.object({
      email: z.string().trim().min(3).max(320),
      password: z.string().min(1).max(1_000),
      serverUrl: z.url().max(500).optional(),
    }),
    output: SessionSchema,
  },
  'session.logout': { input: Empty, output: Ok },
  'sync.status': { input: Empty, output: SyncStatusSchema },
  'directory.get': { input: Empty, output: DirectorySchema },
  'inbox.list': { input: InboxQuerySchema, output: InboxPageSchema },
  'inbox.search': {
    input: z.object({ query: z.string().trim().min(1).max(MAX_SEARCH_CHARS), limit: z.number().int().min(1).max(200) }),
    output: z.object({ hits: z.array(SearchHitSchema) }),
  },
  'conversation.get': { input: ConversationRef, output: ConversationDetailSchema.nullable() },
  'conversation.markRead': { input: ConversationRef, output: Ok },
  'conversation.reply': {
    input: z.object({
      conversationId: Id,
      kind: z.enum(['text', 'note']),
      text: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
      subject: z.string().max(MAX_SUBJECT_CHARS).optional(),
    }),
    output: z.object({ messageId: z.string() }),
  },
  'conversation.assign': { input: z.object({ conversationId: Id, assigneeId: Id.nullable() }), output: Ok },
  'conversation.transfer': {
    input: z.object({ conversationId: Id, teamId: Id, assigneeId: Id.nullable() }),
    output: Ok,
  },
  'conversation.setStatus': {
    input: z.object({ conversationId: Id, status: ConversationStatusSchema.extract(['open', 'pending', 'resolved']) }),
    output: Ok,
  },
  'conversation.setPriority': { input: z.object({ conversationId: Id, priority: PrioritySchema }), output: Ok },
  'message.retry': { input: z.object({ messageId: Id }), output: Ok },
  'message.discard': { input: z.object({ messageId: Id }), output: Ok },
  ...CannedRpcContract,
  ...RoutingRpcContract,
  ...AdminRpcContract,
  ...CollisionRpcContract,
  ...AlertRpcContract,
  ...QaRpcContract,
  ...QaReportRpcContract,
  ...KpiReportRpcContract,
  ...RecordingRpcContract,
  ...LiveRpcContract,
  ...DesktopRpcContract,
  ...WebhookRpcContract,
  ...NluModelRpcContract,
  ...ConnectorRpcContract,
  ...InsightRpcContract,
} as const;

export type RpcContract = typeof rpcContract;
export type RpcMethod = keyof RpcContract;
export type RpcInput<M extends RpcMethod> = z.input<RpcContract[M]['input']>;
export type RpcOutput<M extends RpcMethod> = z.infer<RpcContract[M]['output']>;
export const RPC_METHODS = Object.keys(rpcContract) as RpcMethod[];

/** Events the core pushes to every window. */
export const rpcEvents = {
  /** The sync state or pending count changed. */
  'sync.statusChanged': SyncStatusSchema,
  /**
   * Local data changed; `inbox` says whether any inbox row may have changed. `onlyListed`: the
   * inbox rows that changed are exactly the conversations named (absent: any row may have).
   * `records`: other records that changed (canned responses, alerts), by kind and id.
   */
  'data.changed': z.object({
    conversationIds: z.array(z.string()),
    records: z.array(RecordKeySchema).optional(),
    inbox: z.boolean(),
    directory: z.boolean(),
    onlyListed: z.boolean().optional(),
  }),
  /** The server refused something written locally; it was rolled back or marked failed. */
  'mutation.rejected': z.object({
    name: z.string(),
    conversationId: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  }),
  /** A conversation was just assigned to the signed-in agent by someone else (or by routing). */
  'conversation.assignedToMe': z.object({ conversationId: z.string(), contactName: z.string(), preview: z.string() }),
  'session.ended': z.object({ reason: z.string() }),
  /** One of my conversations reached an SLA warning or breach (native notification). */
  'sla.alerted': SlaAlertedSchema,
  ...CollisionRpcEvents,
  ...AlertRpcEvents,
  ...DesktopRpcEvents,
} as const;
export type RpcEventName = keyof typeof rpcEvents;
export type RpcEventPayload<E extends RpcEventName> = z.infer<(typeof rpcEvents)[E]>;
