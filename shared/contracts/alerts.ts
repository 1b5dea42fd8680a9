/**
 * Alerts for team leads and the lead's "Live" screen on the wire: the `alert.updated` change and
 * the `alert.acknowledge` mutation merged into shared/contracts/sync.ts, the `alerts.*` / `live.*`
 * RPC calls merged into shared/contracts/rpc.ts, and the SLA report HTTP contract
 * (GET /api/v1/reports/sla). Kept here so the shared tables grow by one spread line each.
 */
import { z } from 'zod';
import { ChannelSchema, PrioritySchema } from '../domain/model';
import { AgentCapacityBodySchema, AgentStatusBodySchema, TeamRoutingBodySchema, TeamRoutingViewSchema } from './routing';
import { AlertMuteBodySchema, AlertMuteSchema } from '../alerts';
import { AlertSchema, SlaTargetNameSchema } from './sla';

const Seq = z.number().int().nonnegative();
const Id = z.string().min(1).max(64);
const Instant = z.string().min(1).max(40);


/** `alert.updated` carries the whole alert again (acknowledged); leads and admins only. */
export const AlertChangeSchemas = [
  z.object({ seq: Seq, type: z.literal('alert.updated'), alert: AlertSchema }),
] as const;

export const AlertMutationArgsSchemas = {
  /** A lead of the alert's team, or an admin, has seen it. The first acknowledgement stands. */
  'alert.acknowledge': z.object({ alertId: Id }),
} as const;

/** An alert as the Live screen lists it: the alert plus names the cache knows. */
export const AlertListItemSchema = z.object({
  alert: AlertSchema,
  contactName: z.string().nullable(),
  teamName: z.string().nullable(),
  teamNameEn: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  /** The acknowledgement is written locally and not yet confirmed by the server. */
  pending: z.boolean(),
});
export type AlertListItem = z.infer<typeof AlertListItemSchema>;

export const ALERT_LIST_MAX = 500;

/** GET /api/v1/reports/sla query. `from` inclusive, `to` exclusive; at most 366 days apart. */
export const SlaReportQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    teamId: Id.optional(),
  })
  .refine((query) => Date.parse(query.from) < Date.parse(query.to), {
    message: '`from` must be before `to`',
    path: ['to'],
  })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 366 * 86_400_000, {
    message: 'the period may be at most 366 days',
    path: ['to'],
  });
export type SlaReportQuery = z.infer<typeof SlaReportQuerySchema>;

/** One row of the report: a team × target × priority. Overtimes are business milliseconds. */
export const SlaReportRowSchema = z.object({
  teamId: Id,
  target: SlaTargetNameSchema,
  priority: PrioritySchema,
  met: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  /** met / (met + breached), 0..1; null when nothing counted. */
  hitRate: z.number().min(0).max(1).nullable(),
  /** Of the breaches; null without breaches. */
  medianOvertimeMs: z.number().nonnegative().nullable(),
  p90OvertimeMs: z.number().nonnegative().nullable(),
});
export type SlaReportRow = z.infer<typeof SlaReportRowSchema>;

export const SlaReportBreachSchema = z.object({
  conversationId: Id,
  teamId: Id,
  contactName: z.string(),
  target: SlaTargetNameSchema,
  priority: PrioritySchema,
  dueAt: Instant.nullable(),
  overtimeMs: z.number().nonnegative(),
  /** Whether the target was met in the end (late). */
  metLate: z.boolean(),
  recordedAt: Instant,
});
export type SlaReportBreach = z.infer<typeof SlaReportBreachSchema>;

export const SLA_REPORT_BREACHES_MAX = 50;

export const SlaReportSchema = z.object({
  from: Instant,
  to: Instant,
  /** The teams the report covers (the caller's teams for a lead, all or the asked one for an admin). */
  teamIds: z.array(Id),
  rows: z.array(SlaReportRowSchema),
  /** The latest breaches in the period, newest first (at most SLA_REPORT_BREACHES_MAX). */
  latestBreaches: z.array(SlaReportBreachSchema),
});
export type SlaReport = z.infer<typeof SlaReportSchema>;

/** A team's queue as the cache sees it (live, offline too). */
export const TeamQueueSchema = z.object({
  teamId: Id,
  /** Open conversations nobody holds. */
  waiting: z.number().int().nonnegative(),
  /** When the longest-waiting of them started waiting; null when none waits. */
  longestWaitingSince: Instant.nullable(),
  /** Open or pending conversations with an SLA target due within 30 minutes or already breached. */
  atRisk: z.number().int().nonnegative(),
  /** Of those, the ones whose target is already past. */
  breached: z.number().int().nonnegative(),
  /** Waiting customers who are VIPs. */
  vipWaiting: z.number().int().nonnegative(),
  /** Waiting per channel (channels with nobody waiting left out). */
  byChannel: z.array(
    z.object({ channel: ChannelSchema, waiting: z.number().int().positive(), longestWaitingSince: Instant.nullable() }),
  ),
});
export type TeamQueue = z.infer<typeof TeamQueueSchema>;
export const AT_RISK_WITHIN_MS = 30 * 60_000;

/** A conversation an agent holds (open or pending), as the lead's agent board lists it. */
export const AgentConversationSchema = z.object({
  id: Id,
  teamId: Id,
  channel: ChannelSchema,
  status: z.enum(['open', 'pending']),
  priority: PrioritySchema,
  contactName: z.string().nullable(),
  vip: z.boolean(),
  subject: z.string().nullable(),
  lastMessagePreview: z.string(),
  lastMessageAt: Instant,
  /** The customer waits for an answer since then (null: the last word was ours). */
  waitingSince: Instant.nullable(),
  /** The nearest SLA target still due, or already past (null: none). */
  slaDueAt: Instant.nullable(),
});
export type AgentConversation = z.infer<typeof AgentConversationSchema>;
export const AGENT_CONVERSATIONS_MAX = 100;

/** Core → window: a lead's team got an alert other than a breach (breaches come as `sla.alerted`). */
export const AlertRaisedSchema = z.object({
  alertId: Id,
  /** The lead turned the sound off for this kind (alerts.setPreferences). */
  silent: z.boolean().optional(),
  kind: z.enum(['negative_sentiment', 'vip_waiting', 'low_survey']),
  conversationId: Id,
  contactName: z.string(),
});
export type AlertRaised = z.infer<typeof AlertRaisedSchema>;

/**
 * The lead's own choice per kind, kept on this workstation (the core's cache): `notify` off
 * means no toast and no desktop notification for new alerts of that kind (they still show on
 * the Live screen); `sound` off makes them silent.
 */
const KindPreference = z.object({ notify: z.boolean(), sound: z.boolean() }).strict();
export const AlertPreferencesSchema = z
  .object({
    sla_breached: KindPreference,
    negative_sentiment: KindPreference,
    vip_waiting: KindPreference,
    low_survey: KindPreference,
  })
  .strict();
export type AlertPreferences = z.infer<typeof AlertPreferencesSchema>;
export const DEFAULT_ALERT_PREFERENCES: AlertPreferences = {
  sla_breached: { notify: true, sound: true },
  negative_sentiment: { notify: true, sound: true },
  vip_waiting: { notify: true, sound: true },
  low_survey: { notify: true, sound: true },
};
export const ACKNOWLEDGE_MANY_MAX = ALERT_LIST_MAX;
export const AlertRpcEvents = { 'alert.raised': AlertRaisedSchema } as const;

const Ok = z.object({ ok: z.literal(true) });
const TeamRef = z.object({ teamId: Id });

export const AlertRpcContract = {
  'alerts.list': {
    input: z.object({ limit: z.number().int().min(1).max(ALERT_LIST_MAX).optional() }),
    output: z.object({ alerts: z.array(AlertListItemSchema), unacknowledged: z.number().int().nonnegative() }),
  },
  'alerts.acknowledge': { input: z.object({ alertId: Id }), output: Ok },
  /** Several at once (select several, a conversation's group, all shown): one outbox entry each. */
  'alerts.acknowledgeMany': {
    input: z.object({ alertIds: z.array(Id).min(1).max(ACKNOWLEDGE_MANY_MAX) }),
    output: z.object({ ok: z.literal(true), queued: z.number().int().nonnegative() }),
  },
  /** Proxies of GET/PUT/DELETE /api/v1/alerts/mutes (need the server). */
  'alerts.mutes': { input: z.object({}).strict(), output: z.object({ mutes: z.array(AlertMuteSchema) }) },
  'alerts.mute': {
    input: z.object({ conversationId: Id }).extend(AlertMuteBodySchema.shape),
    output: z.object({ mute: AlertMuteSchema }),
  },
  'alerts.unmute': { input: z.object({ conversationId: Id }), output: z.object({ ok: z.literal(true), removed: z.boolean() }) },
  'alerts.preferences': { input: z.object({}).strict(), output: AlertPreferencesSchema },
  'alerts.setPreferences': { input: AlertPreferencesSchema, output: AlertPreferencesSchema },
  /** Per team the viewer leads (every cached team for an admin), from the cache. */
  'live.queues': { input: z.object({}).strict(), output: z.object({ teams: z.array(TeamQueueSchema) }) },
  /** What an agent holds now, soonest due first, from the cache (the lead's teams only). */
  'live.agentConversations': {
    input: z.object({ agentId: Id }),
    output: z.object({ conversations: z.array(AgentConversationSchema) }),
  },
  /** Proxies of the routing and report HTTP API (need the server; `offline` when unreachable). */
  'live.teamRouting': { input: TeamRef, output: TeamRoutingViewSchema },
  'live.setAutoAssign': { input: TeamRef.extend(TeamRoutingBodySchema.shape), output: TeamRoutingViewSchema },
  'live.setCapacity': {
    input: z.object({ agentId: Id }).extend(AgentCapacityBodySchema.shape),
    output: AgentCapacityBodySchema,
  },
  'live.setAgentStatus': {
    input: z.object({ agentId: Id }).extend(AgentStatusBodySchema.shape),
    output: AgentStatusBodySchema.extend({ statusSince: z.string().nullable() }),
  },
  'live.slaReport': {
    input: z.object({ from: Instant, to: Instant, teamId: Id.optional() }),
    output: SlaReportSchema,
  },
} as const;
