/**
 * SLA contracts beside the sync protocol: the admin HTTP bodies for policies and calendars, the
 * alert record leads receive through the change log, and the live `sla.warning` / `sla.breached`
 * socket events the scheduler sends to a conversation's audience at the instant they happen.
 */
import { z } from 'zod';
import { BusinessCalendarListSchema, SlaPolicyListSchema } from '../sla/policies';
import { BusinessCalendarSchema, SlaEventSchema, SlaPolicySchema } from '../sla/types';
import { AlertSeveritySchema } from '../alerts';

const Id = z.string().min(1).max(64);
const Instant = z.string().min(1).max(40);

export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export const SlaTargetNameSchema = z.enum(SLA_TARGETS);
export type SlaTargetName = z.infer<typeof SlaTargetNameSchema>;

/** PUT /api/v1/admin/sla/policies body and GET answer: the whole ordered list. */
export const SlaPoliciesBodySchema = z.object({ policies: SlaPolicyListSchema });
export type SlaPoliciesBody = z.infer<typeof SlaPoliciesBodySchema>;

/** PUT /api/v1/admin/sla/calendars body and GET answer: every calendar. */
export const BusinessCalendarsBodySchema = z.object({ calendars: BusinessCalendarListSchema });
export type BusinessCalendarsBody = z.infer<typeof BusinessCalendarsBodySchema>;

const AlertBase = {
  id: Id,
  conversationId: Id,
  teamId: Id,
  assigneeId: Id.nullable(),
  createdAt: Instant,
  /** Set once a lead has acknowledged the alert (absent on alerts never acknowledged). */
  acknowledgedAt: Instant.nullable().optional(),
  acknowledgedBy: Id.nullable().optional(),
  /** Triage (shared/alerts): how serious; absent on alerts raised before severities existed. */
  severity: AlertSeveritySchema.optional(),
  /** How many times this alert was raised while open (a group of one kind on one conversation). */
  count: z.number().int().min(1).optional(),
  /** When it was last raised (the group's latest member); absent = `createdAt`. */
  lastRaisedAt: Instant.optional(),
};

/**
 * What the team's leads are told about, through the change log (`alert.created`):
 * - `sla_breached`: a target fell due unmet (the SLA scheduler);
 * - `negative_sentiment`: an inbound message scored at or below the configured threshold;
 * - `vip_waiting`: a VIP customer has waited in the queue longer than the configured time;
 * - `low_survey`: the customer answered a survey with a low score (shared/surveys `isLowScore`).
 * A second one of a kind on a conversation whose alert of that kind is still open joins it
 * (`count`, `lastRaisedAt`, the latest excerpt/score) instead of making a new card.
 */
export const AlertSchema = z.discriminatedUnion('kind', [
  z.object({
    ...AlertBase,
    kind: z.literal('sla_breached'),
    target: SlaTargetNameSchema,
    /** The instant the target fell due. */
    dueAt: Instant,
  }),
  z.object({
    ...AlertBase,
    kind: z.literal('negative_sentiment'),
    messageId: Id,
    /** Sentiment score of the message, -1 (most negative) to 1. */
    score: z.number().min(-1).max(1),
    /** The start of the message, for the alert list (plain text, never HTML). */
    excerpt: z.string().max(280),
  }),
  z.object({
    ...AlertBase,
    kind: z.literal('vip_waiting'),
    /** When the VIP customer started waiting for a human. */
    waitingSince: Instant,
  }),
  z.object({
    ...AlertBase,
    kind: z.literal('low_survey'),
    survey: z.enum(['csat', 'nps']),
    score: z.number().int().min(0).max(10),
    /** The customer's comment, if any (plain text). */
    comment: z.string().max(280).nullable(),
  }),
]);
export const ALERT_KINDS = ['sla_breached', 'negative_sentiment', 'vip_waiting', 'low_survey'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type Alert = z.infer<typeof AlertSchema>;

/** Payload of the socket events `sla.warning` and `sla.breached` (shared/contracts/socket.ts). */
export const SlaNoticeSchema = z.object({
  conversationId: Id,
  teamId: Id,
  assigneeId: Id.nullable(),
  target: SlaTargetNameSchema,
  kind: z.enum(['warning', 'breached']),
  dueAt: Instant,
  /** When the server fired it (its clock). */
  firedAt: Instant,
});
export type SlaNotice = z.infer<typeof SlaNoticeSchema>;

/**
 * What a window needs to run `computeSla` for one conversation itself (countdowns tick locally,
 * offline too): the matched policy's targets, its calendar, and the conversation's events.
 */
export const SlaClockSchema = z.object({
  policyId: Id,
  policyName: z.string(),
  policy: SlaPolicySchema,
  calendar: BusinessCalendarSchema,
  events: z.array(SlaEventSchema),
});
export type SlaClock = z.infer<typeof SlaClockSchema>;

/** Core → window: one of my conversations warned or breached (for a native notification). */
export const SlaAlertedSchema = z.object({
  conversationId: Id,
  kind: z.enum(['warning', 'breached']),
  target: SlaTargetNameSchema,
  dueAt: Instant,
  contactName: z.string(),
  /** A lead's breach alert whose sound they turned off (alerts.setPreferences). */
  silent: z.boolean().optional(),
});
export type SlaAlerted = z.infer<typeof SlaAlertedSchema>;
