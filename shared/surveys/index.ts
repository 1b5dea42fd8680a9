/**
 * Customer surveys: after a conversation is resolved the customer is asked, through the
 * conversation's own channel, how satisfied they were (CSAT, 1–5) and optionally how likely they
 * are to recommend the centre (NPS, 0–10). The answer comes back through the ingest API; a later
 * answer replaces the earlier one (re-rating) and the earlier ones stay in the history.
 *
 * This module is the pure part: the scales, what counts as a low score, and the invitation's
 * wording in the customer's language. The server sends and records (server/domain/surveys.ts).
 */
import type { Channel } from '../domain/model';
import { NPS_DETRACTOR_MAX } from '../kpi';

export const SURVEY_KINDS = ['csat', 'nps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

/** CSAT answers up to this point are unhappy: a lead hears of them and QA samples them. */
export const CSAT_LOW_MAX = 2;
/** NPS answers up to this point are detractors (the KPI's own line). */
export const NPS_LOW_MAX = NPS_DETRACTOR_MAX;

export function isLowScore(kind: SurveyKind, score: number): boolean {
  return score <= (kind === 'csat' ? CSAT_LOW_MAX : NPS_LOW_MAX);
}

export function onScale(kind: SurveyKind, score: number): boolean {
  const { min, max } = SURVEY_SCALES[kind];
  return Number.isInteger(score) && score >= min && score <= max;
}

/** How the centre surveys its customers (server configuration). */
export interface SurveySettings {
  /** Channels whose resolved conversations are surveyed (a phone call is not, by default). */
  channels: readonly Channel[];
  /** Also ask the NPS question. */
  nps: boolean;
  /** No second invitation for the same conversation within this many hours (resolve, reopen, resolve). */
  resendAfterHours: number;
}

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  channels: ['chat', 'email', 'sms', 'social'],
  nps: false,
  resendAfterHours: 24,
};

export type SurveyLanguage = 'zh-CN' | 'en';

/** Any CJK ideograph: the customer wrote Chinese. */
const HAN = /\p{Script=Han}/u;

/** The customer's language, from what they wrote last (Chinese when any of it is). */
export function customerLanguage(lastCustomerText: string | null): SurveyLanguage {
  return lastCustomerText !== null && HAN.test(lastCustomerText) ? 'zh-CN' : 'en';
}

/** The invitation as the customer reads it (the channel sends this text; a widget may draw buttons). */
export function surveyInvitation(kinds: readonly SurveyKind[], language: SurveyLanguage): string {
  const lines: string[] = [];
  if (language === 'zh-CN') {
    lines.push('感谢您的耐心，本次服务已处理完毕。');
    if (kinds.includes('csat')) lines.push('请为本次服务打分：1（很不满意）到 5（非常满意），直接回复数字即可。');
    if (kinds.includes('nps')) lines.push('您有多大可能向朋友推荐我们？请回复 0 到 10。');
  } else {
    lines.push('Thank you for your patience; we have marked your request as resolved.');
    if (kinds.includes('csat'))
      lines.push('How satisfied were you with our service? Reply 1 (very unhappy) to 5 (very happy).');
    if (kinds.includes('nps')) lines.push('How likely are you to recommend us to a friend? Reply 0 to 10.');
  }
  return lines.join('\n');
}
