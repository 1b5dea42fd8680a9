/**
 * Turns one scripted customer turn into the ingest body a real channel integration would send:
 * the identifier the channel knows the person by, e-mail subjects and signatures, call records
 * with transcripts. Pure functions; `occurredAt` is stamped by the sender at send time.
 */
import type { IngestMessageRequest } from '../../shared/contracts/http';
import type { Channel } from '../../shared/domain/model';
import type { Rng } from './simulatorRandom';
import { contactExternalId, type SimulatedContact } from './simulatorContacts';
import type { ChannelScript, VoiceCallScript } from './scripts';

/** An ingest body before the send time is known. */
export type PlannedRequest = Omit<IngestMessageRequest, 'occurredAt'>;

export interface MessageContext {
  runId: string;
  conversationExternalId: string;
  contact: SimulatedContact;
  /** Unique within the run; becomes the message's externalId (retries reuse it: idempotent). */
  externalId: string;
  /** Where the calls' recordings live (the demo recording store); default a placeholder host. */
  recordingBaseUrl?: string;
}

const PROVIDERS: Record<Channel, { 'zh-CN': string; en: string }> = {
  chat: { 'zh-CN': 'webchat', en: 'webchat' },
  email: { 'zh-CN': 'demo-mail', en: 'demo-mail' },
  voice: { 'zh-CN': 'demo-pbx', en: 'demo-pbx' },
  sms: { 'zh-CN': 'demo-sms', en: 'demo-sms' },
  social: { 'zh-CN': 'weibo', en: 'facebook' },
};

function contactFor(channel: Channel, contact: SimulatedContact): PlannedRequest['contact'] {
  const base = { externalId: contactExternalId(contact, channel), name: contact.name, tier: contact.tier };
  switch (channel) {
    case 'email':
      return { ...base, email: contact.email };
    case 'sms':
    case 'voice':
      return { ...base, phone: contact.phone };
    default:
      return base;
  }
}

function base(channel: Channel, ctx: MessageContext, text: string): PlannedRequest {
  return {
    channel,
    externalId: ctx.externalId,
    conversationExternalId: ctx.conversationExternalId,
    contact: contactFor(channel, ctx.contact),
    text,
    provider: PROVIDERS[channel][ctx.contact.language],
  };
}

export function emailSignature(contact: SimulatedContact): string {
  return contact.language === 'zh-CN'
    ? `\n\n此致\n${contact.name} | ${contact.phone}`
    : `\n\nBest regards,\n${contact.name} | ${contact.phone}`;
}

export function replySubject(subject: string): string {
  return subject.startsWith('Re: ') ? subject : `Re: ${subject}`;
}

/** Seconds a spoken line takes: roughly 4 Chinese characters or 2.5 English words a second. */
function speakingSeconds(text: string, language: SimulatedContact['language']): number {
  const units = language === 'zh-CN' ? text.length / 4 : text.split(/\s+/).length / 2.5;
  return Math.max(2, Math.ceil(units));
}

const DEFAULT_RECORDING_BASE = 'https://recordings.example.invalid';

function callRecord(
  call: VoiceCallScript,
  ctx: MessageContext,
  rng: Rng,
): NonNullable<PlannedRequest['call']> {
  let at = rng.int(1, 4); // ring and greeting before the first words
  const transcript = call.lines.map(([who, text]) => {
    const line = { atSec: at, speaker: who === 'c' ? 'customer' : 'agent', text };
    at += speakingSeconds(text, ctx.contact.language) + rng.int(0, 3);
    return line;
  });
  return {
    durationSec: at + rng.int(3, 15),
    recordingUrl: `${ctx.recordingBaseUrl ?? DEFAULT_RECORDING_BASE}/${encodeURIComponent(ctx.runId)}/${encodeURIComponent(ctx.externalId)}.wav`,
    transcript,
  };
}

/** The ingest body for turn `turn` (0-based) of a scripted conversation. */
export function buildScriptedMessage(
  entry: ChannelScript,
  turn: number,
  ctx: MessageContext,
  rng: Rng,
): PlannedRequest {
  switch (entry.channel) {
    case 'email': {
      const body = entry.script.bodies[turn] ?? '';
      const subject = turn === 0 ? entry.script.subject : replySubject(entry.script.subject);
      return { ...base('email', ctx, body + emailSignature(ctx.contact)), subject };
    }
    case 'voice': {
      const call = entry.script.calls[turn];
      if (!call) throw new RangeError(`voice script ${entry.script.key} has no call ${turn}`);
      return { ...base('voice', ctx, call.summary), call: callRecord(call, ctx, rng) };
    }
    default:
      return base(entry.channel, ctx, entry.script.turns[turn] ?? '');
  }
}

const THANKS = {
  'zh-CN': [
    '好的，谢谢',
    '收到，谢谢你们',
    '好的，我试一下，谢谢',
    '明白了，麻烦你了',
    '可以了，问题解决了，谢谢！',
  ],
  en: [
    'Thanks, that worked',
    'Great, thank you!',
    'OK, understood. Thanks for your help.',
    'Perfect, cheers',
    'That sorted it, thanks.',
  ],
} as const;

/**
 * A customer's short answer to an agent's reply. Voice has none: a call is not answered by a
 * later call saying "thanks". Email keeps the thread subject and the signature.
 */
export function buildAcknowledgement(
  entry: ChannelScript,
  ctx: MessageContext,
  rng: Rng,
): PlannedRequest | null {
  const language = ctx.contact.language;
  let text: string = rng.pick(THANKS[language]);
  switch (entry.channel) {
    case 'voice':
      return null;
    case 'email': {
      const greeting = language === 'zh-CN' ? '您好：\n\n' : 'Hello,\n\n';
      return {
        ...base('email', ctx, greeting + text + emailSignature(ctx.contact)),
        subject: replySubject(entry.script.subject),
      };
    }
    case 'social':
      if (rng.chance(0.4)) text += ' 🙏';
      return base('social', ctx, text);
    default:
      return base(entry.channel, ctx, text);
  }
}
