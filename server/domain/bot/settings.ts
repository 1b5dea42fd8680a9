/**
 * Bot and sentiment settings: this module's part of the server configuration (BOT_ENV, composed
 * and parsed once in server/config.ts; documented in server/README.md). startServer's `bot`
 * option overrides them field by field.
 */
import { z } from 'zod';
import { envNumber, fromEnv } from '../../envField';
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

export const BOT_ENV = {
  SWITCHBOARD_BOT_CHANNELS: fromEnv(channelList.default([...BOT_CAPABLE_CHANNELS])),
  SWITCHBOARD_BOT_CONFIDENCE: fromEnv(envNumber({ min: 0, max: 1 }).default(DEFAULT_CONFIDENCE_THRESHOLD)),
  SWITCHBOARD_BOT_MAX_TURNS: fromEnv(envNumber({ min: 0, max: 50, integer: true, unit: 'turns' }).default(DEFAULT_MAX_TURNS)),
  SWITCHBOARD_SENTIMENT_ALERT_SCORE: fromEnv(envNumber({ min: -1, max: 0 }).default(-0.6)),
  SWITCHBOARD_SENTIMENT_ALERT_COOLDOWN_MIN: fromEnv(envNumber({ min: 0, max: 7 * 24 * 60, unit: 'minutes' }).default(30)),
  SWITCHBOARD_SENTIMENT_RAISE_PRIORITY: fromEnv(z.enum(['0', '1', 'true', 'false'], { error: 'must be 0, 1, true or false' }).default('0')),
  SWITCHBOARD_BOT_SWEEP_SEC: fromEnv(envNumber({ min: 1, max: 3600, unit: 'seconds' }).default(30)),
};

type BotEnv = z.infer<z.ZodObject<typeof BOT_ENV>>;

export function botSettingsOf(e: BotEnv): BotSettings {
  return {
    channels: e.SWITCHBOARD_BOT_CHANNELS,
    confidenceThreshold: e.SWITCHBOARD_BOT_CONFIDENCE,
    maxTurns: e.SWITCHBOARD_BOT_MAX_TURNS,
    sentimentAlertThreshold: e.SWITCHBOARD_SENTIMENT_ALERT_SCORE,
    sentimentAlertCooldownMs: e.SWITCHBOARD_SENTIMENT_ALERT_COOLDOWN_MIN * 60_000,
    raisePriorityOnNegative: e.SWITCHBOARD_SENTIMENT_RAISE_PRIORITY === '1' || e.SWITCHBOARD_SENTIMENT_RAISE_PRIORITY === 'true',
    sweepIntervalMs: e.SWITCHBOARD_BOT_SWEEP_SEC * 1000,
  };
}

/** The settings with nothing configured. */
export const DEFAULT_BOT_SETTINGS: BotSettings = botSettingsOf(z.object(BOT_ENV).parse({}));

export function botTakesChannel(settings: BotSettings, channel: Channel): boolean {
  return (settings.channels as readonly string[]).includes(channel);
}
