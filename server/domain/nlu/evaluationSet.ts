/**
 * The held-apart evaluation data in eval/: labelled messages (hand-written, never used for
 * training, never produced by the training generator) and the bot's decision cases.
 */
import { z } from 'zod';
import { labelledMessageSchema, type LabelledMessage } from './labels';
import botSet from './eval/bot.json';
import callSet from './eval/call.json';
import chatEnSet from './eval/chat.en.json';
import chatLongSet from './eval/chat.long.json';
import chatZhSet from './eval/chat.zh.json';
import emailSet from './eval/email.json';
import hardSet from './eval/hard.json';
import enSet from './eval/messages.en.json';
import mixedSet from './eval/messages.mixed.json';
import zhSet from './eval/messages.zh-CN.json';
import mixedChannelsSet from './eval/mixed.json';
import smsSet from './eval/sms.json';
import socialSet from './eval/social.json';

export const botCaseSchema = z.object({
  text: z.string().min(1),
  expect: z.enum(['answer', 'handoff']),
  intent: z.string().optional(),
  reason: z.enum(['asked_for_human', 'low_confidence', 'max_turns']).optional(),
});
export type BotCase = z.infer<typeof botCaseSchema>;

/** Channel styles a message can be tagged with; untagged messages are chat. */
export const CHANNEL_TAGS = ['email', 'call', 'sms', 'social'] as const;
/** Tags of the cases a bag of words gets wrong. */
export const HARD_CASE_TAGS = ['sarcasm', 'negation', 'contrast', 'suggestion', 'mixed'] as const;

export function loadEvaluationSet(): LabelledMessage[] {
  return z
    .array(labelledMessageSchema)
    .parse([...zhSet, ...enSet, ...mixedSet, ...chatZhSet, ...chatEnSet, ...chatLongSet, ...mixedChannelsSet, ...emailSet, ...callSet, ...smsSet, ...socialSet, ...hardSet]);
}

export function loadBotCases(): BotCase[] {
  return z.array(botCaseSchema).parse(botSet);
}
