/**
 * The KPI report on the wire: GET /api/v1/reports/kpi (leads and admins) and the core's
 * `kpi.report` call that proxies it, merged into shared/contracts/rpc.ts. The figures are computed
 * by shared/kpi/report.ts from one fact row per conversation.
 */
import { z } from 'zod';
import { ChannelSchema } from '../domain/model';

const Id = z.string().min(1).max(64);
const Instant = z.string().min(1).max(40);
const Count = z.number().int().nonnegative();
/** 0–100, unrounded; null when nothing counts. */
const Percent = z.number().min(0).max(100).nullable();
const Seconds = z.number().nonnegative().nullable();

export const KPI_REPORT_MAX_DAYS = 366;

/** GET /api/v1/reports/kpi query. `from` inclusive, `to` exclusive (conversation start); ≤ 366 days. */
export const KpiReportQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    teamId: Id.optional(),
    agentId: Id.optional(),
    channel: ChannelSchema.optional(),
    /** An issue type (shared/nlu/labels.ts) the conversation was tagged with. */
    tag: z.string().min(1).max(64).optional(),
  })
  .refine((query) => Date.parse(query.from) < Date.parse(query.to), {
    message: '`from` must be before `to`',
    path: ['to'],
  })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= KPI_REPORT_MAX_DAYS * 86_400_000, {
    message: `the period may be at most ${KPI_REPORT_MAX_DAYS} days`,
    path: ['to'],
  });
export type KpiReportQuery = z.infer<typeof KpiReportQuerySchema>;

/** Median and nearest-rank 90th percentile of durations in seconds, over `count` conversations. */
export const KpiDurationSchema = z.object({ count: Count, medianSec: Seconds, p90Sec: Seconds });
export type KpiDuration = z.infer<typeof KpiDurationSchema>;

/** One SLA target: outcomes met in time and breached, and the hit rate met ÷ (met + breached). */
export const KpiSlaTargetSchema = z.object({ met: Count, breached: Count, hitRate: Percent });
export type KpiSlaTarget = z.infer<typeof KpiSlaTargetSchema>;

/** A survey kind: how many conversations have a current answer, and the score (CSAT %, NPS −100…100). */
export const KpiSurveyCsatSchema = z.object({ answers: Count, score: Percent });
export const KpiSurveyNpsSchema = z.object({ answers: Count, score: z.number().min(-100).max(100).nullable() });

/** What every row of the report says. Counts are the wholes the rates are taken of. */
export const KpiFiguresSchema = z.object({
  /** Conversations started in the row. */
  conversations: Count,
  /** From the wait for a person starting to the first agent reply; unanswered ones left out. */
  firstResponse: KpiDurationSchema,
  /** After the first reply: each time the customer wrote again, until an agent answered (each wait once). */
  nextResponse: KpiDurationSchema,
  /** From the start to the latest resolution, of the resolved ones. */
  resolution: KpiDurationSchema,
  /** Talk time of phone calls only: nothing stored says how long an agent worked on a written one. */
  handleTime: KpiDurationSchema,
  /** Resolved at least once. */
  resolved: Count,
  /** Resolved, then opened again. */
  reopened: Count,
  firstContactResolution: Percent,
  reopenRate: Percent,
  /** An agent replied in it. */
  handled: Count,
  /** Two or more agents replied in it. */
  transferred: Count,
  transferRate: Percent,
  /** Started with the bot, and of those, never needed a person (the bot answered, nobody took it). */
  botStarted: Count,
  botContained: Count,
  botContainment: Percent,
  sla: z.object({
    firstResponse: KpiSlaTargetSchema,
    nextResponse: KpiSlaTargetSchema,
    resolution: KpiSlaTargetSchema,
  }),
  csat: KpiSurveyCsatSchema,
  nps: KpiSurveyNpsSchema,
});
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;

export const KpiReportSchema = z.object({
  from: Instant,
  to: Instant,
  /** The centre's time zone (its first business calendar's) in which `byDay` is cut. */
  timeZone: z.string(),
  teamIds: z.array(Id),
  agentId: Id.nullable(),
  channel: ChannelSchema.nullable(),
  tag: z.string().nullable(),
  overall: KpiFiguresSchema,
  /** By the conversation's current team, busiest first. */
  byTeam: z.array(KpiFiguresSchema.extend({ teamId: Id })),
  /** By the agent holding the conversation (null: nobody), busiest first. */
  byAgent: z.array(KpiFiguresSchema.extend({ agentId: Id.nullable() })),
  byChannel: z.array(KpiFiguresSchema.extend({ channel: ChannelSchema })),
  /** By issue type; a conversation with two tags counts in both, one without any in none. */
  byTag: z.array(KpiFiguresSchema.extend({ tag: z.string() })),
  /** Every day of the period in `timeZone`, oldest first, also the quiet ones. */
  byDay: z.array(KpiFiguresSchema.extend({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })),
});
export type KpiReport = z.infer<typeof KpiReportSchema>;

export const KpiReportRpcContract = {
  /** Proxy of GET /api/v1/reports/kpi (needs the server; `offline` when unreachable). */
  'kpi.report': {
    input: z.object({
      from: Instant,
      to: Instant,
      teamId: Id.optional(),
      agentId: Id.optional(),
      channel: ChannelSchema.optional(),
      tag: z.string().min(1).max(64).optional(),
    }),
    output: KpiReportSchema,
  },
} as const;
