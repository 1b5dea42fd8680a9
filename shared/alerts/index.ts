/**
 * Alert triage, the pure part: how serious an alert is (severity), and the admin's settings per
 * kind (on/off, thresholds, how many new alerts a team may get an hour) with their defaults.
 * The server decides with these whether a raised alert becomes a card, joins an open one, or is
 * dropped (server/domain/alerts/); the Live screen sorts and colours by the same severity.
 *
 * Imports nothing outside shared/.
 */
import { z } from 'zod';

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const AlertSeveritySchema = z.enum(ALERT_SEVERITIES);
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

export const TRIAGE_KINDS = ['sla_breached', 'negative_sentiment', 'vip_waiting', 'low_survey'] as const;
export type TriageKind = (typeof TRIAGE_KINDS)[number];

/** What severity is computed from: the kind, and what the alert says. */
export type SeverityInput =
  | { kind: 'sla_breached'; vip: boolean }
  | { kind: 'vip_waiting' }
  | { kind: 'negative_sentiment'; score: number; vip: boolean }
  | { kind: 'low_survey'; survey: 'csat' | 'nps'; score: number };

/** At or below this sentiment score a message is very negative (critical). */
export const CRITICAL_SENTIMENT_MAX = -0.9;

/**
 * Breaches and waiting VIPs are at least warnings (a VIP's breach is critical); a very negative
 * message is critical, a mildly negative one only informs (a VIP's is one step higher); the
 * lowest survey scores (CSAT 1, NPS 0–3) are warnings, the others inform.
 */
export function alertSeverity(input: SeverityInput): AlertSeverity {
  switch (input.kind) {
    case 'sla_breached':
      return input.vip ? 'critical' : 'warning';
    case 'vip_waiting':
      return 'critical';
    case 'negative_sentiment': {
      const base: AlertSeverity = input.score <= CRITICAL_SENTIMENT_MAX ? 'critical' : input.score <= -0.7 ? 'warning' : 'info';
      return input.vip ? raise(base) : base;
    }
    case 'low_survey':
      return (input.survey === 'csat' ? input.score <= 1 : input.score <= 3) ? 'warning' : 'info';
  }
}

export function severityRank(severity: AlertSeverity): number {
  return ALERT_SEVERITIES.indexOf(severity);
}

export function higherSeverity(a: AlertSeverity, b: AlertSeverity): AlertSeverity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

function raise(severity: AlertSeverity): AlertSeverity {
  return ALERT_SEVERITIES[Math.min(severityRank(severity) + 1, ALERT_SEVERITIES.length - 1)]!;
}

// ---- Settings (admins: GET/PUT /api/v1/admin/alert-settings) --------------------------------

const PerHour = z.number().int().min(0).max(1000);

const KindBase = {
  enabled: z.boolean(),
  /** New alerts (cards) of this kind a team may get in any rolling hour; 0 = no limit. */
  maxPerTeamPerHour: PerHour,
};

export const AlertSettingsSchema = z
  .object({
    sla_breached: z.object(KindBase).strict(),
    negative_sentiment: z
      .object({
        ...KindBase,
        /** Only a message scoring at or below this alerts (-1..0). */
        maxScore: z.number().min(-1).max(0),
        /** No alert while an agent holds the conversation (someone is already on it). */
        skipWhenAssigned: z.boolean(),
      })
      .strict(),
    vip_waiting: z.object(KindBase).strict(),
    low_survey: z.object(KindBase).strict(),
    /** A low survey score reopens the resolved conversation for follow-up. */
    reopenOnLowSurvey: z.boolean(),
  })
  .strict();
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
export const AlertSettingsBodySchema = z.object({ settings: AlertSettingsSchema }).strict();

/**
 * Defaults measured on the demo at 30 new conversations a minute (tests/integration/server/
 * alertTriageDemo.test.ts): a handful of alerts an hour for a lead of the four demo teams.
 */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  sla_breached: { enabled: true, maxPerTeamPerHour: 2 },
  negative_sentiment: { enabled: true, maxPerTeamPerHour: 1, maxScore: -0.9, skipWhenAssigned: true },
  vip_waiting: { enabled: true, maxPerTeamPerHour: 2 },
  low_survey: { enabled: true, maxPerTeamPerHour: 2 },
  reopenOnLowSurvey: false,
};

/** How long a lead may mute a conversation's alerts (minutes); absent = until unmuted. */
export const MUTE_MINUTES_MAX = 7 * 24 * 60;
export const AlertMuteBodySchema = z
  .object({ minutes: z.number().int().min(1).max(MUTE_MINUTES_MAX).nullable() })
  .strict();
export const AlertMuteSchema = z.object({
  conversationId: z.string().min(1).max(64),
  teamId: z.string().min(1).max(64),
  mutedBy: z.string().min(1).max(64),
  mutedAt: z.string(),
  /** null: until unmuted. */
  until: z.string().nullable(),
});
export type AlertMute = z.infer<typeof AlertMuteSchema>;
