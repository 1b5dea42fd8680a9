/**
 * Bot and sentiment settings from the environment (documented in server/README.md), validated
 * with zod; startServer's `bot` option overrides them field by field.
 */
import { z } from 'zod';
import type { Channel } from '../../../shared/domain/model';
import { DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_MAX_TURNS } from '../nlu/bot';

/** Channels a bot may take first; email and voice always go straight to a team queue. */
export const BOT_CAPABLE_CHANNELS = ['chat', 'sms', 'social'] as const;
export type BotChannel = (typeof BOT_CAPABLE_CHANNELS)[number];

export interface BotSettings {
  /** Channels whose new conversations start with the bot (empty: the bot is off). */
  channels: readonly BotChannel[];
  /** Minimum knowledge-base match for the bot to answer, 0..1. */
  confidenceThreshold: number;
  /** Customer messages the bot answers; the next one is handed off. */
  maxTurns: number;
  /** A customer message scoring at or below this (−1..0) raises a negative-sentiment alert. */
  sentimentAlertThreshold: number;
  /** No second negative-sentiment alert for the same conversation within this many ms. */
  sentimentAlertCooldownMs: number;
  /** Whether a negative-sentiment alert also raises the conversation's priority one step. */
  raisePriorityOnNegative: boolean;
  /** How often each node looks for bot work a stopped node left behind. */
  sweepIntervalMs: number;
}

const fromEnv = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), schema);

const channelList = z.string().transform((value, context): BotChannel[] => {
  if (value === 'none') return [];
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(BOT_CAPABLE_CHANNELS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    context.addIssue({ code: 'custom', message: `not a bot channel: ${unknown.join(', ')} (use chat, sms, social or none)` });
    return z.NEVER;
  }
  return [...new Set(names)] as BotChannel[];
});

const EnvSchema = z.object({
  SWITCHBOARD_BOT_CHANNELS: fromEnv(channelList.default([...BOT_CAPABLE_CHANNELS])),
  SWITCHBOARD_BOT_CONFIDENCE: fromEnv(z.coerce.number().min(0).max(1).default(DEFAULT_CONFIDENCE_THRESHOLD)),
  SWITCHBOARD_BOT_MAX_TURNS: fromEnv(z.coerce.number().int().min(0).max(50).default(DEFAULT_MAX_TURNS)),
  SWITCHBOARD_SENTIMENT_ALERT_SCORE: fromEnv(z.coerce.number().min(-1).max(0).default(-0.6)),
  SWITCHBOARD_SENTIMENT_ALERT_COOLDOWN_MIN: fromEnv(z.coerce.number().min(0).max(7 * 24 * 60).default(30)),
  SWITCHBOARD_SENTIMENT_RAISE_PRIORITY: fromEnv(z.enum(['0', '1', 'true', 'false']).default('0')),
  SWITCHBOARD_BOT_SWEEP_SEC: fromEnv(z.coerce.number().min(1).max(3600).default(30)),
});

export function botSettingsFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<BotSettings> = {}): BotSettings {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid bot configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    channels: e.SWITCHBOARD_BOT_CHANNELS,
    confidenceThreshold: e.SWITCHBOARD_BOT_CONFIDENCE,
    maxTurns: e.SWITCHBOARD_BOT_MAX_TURNS,
    sentimentAlertThreshold: e.SWITCHBOARD_SENTIMENT_ALERT_SCORE,
    sentimentAlertCooldownMs: e.SWITCHBOARD_SENTIMENT_ALERT_COOLDOWN_MIN * 60_000,
    raisePriorityOnNegative: e.SWITCHBOARD_SENTIMENT_RAISE_PRIORITY === '1' || e.SWITCHBOARD_SENTIMENT_RAISE_PRIORITY === 'true',
    sweepIntervalMs: e.SWITCHBOARD_BOT_SWEEP_SEC * 1000,
    ...overrides,
  };
}

export function botTakesChannel(settings: BotSettings, channel: Channel): boolean {
  return (settings.channels as readonly string[]).includes(channel);
}
