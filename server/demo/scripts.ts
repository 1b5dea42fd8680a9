/**
 * Conversation scripts of the demo customers: what a call centre hears about orders, refunds,
 * repairs, bills, products, complaints and accounts, in zh-CN and English. Only the customer's
 * side is scripted (agents answer live in the workstation); voice scripts carry the whole call
 * transcript because a call arrives as one finished record.
 *
 * Owns: the script types and the lookup by channel and language. Imports shared/ types only.
 * The texts themselves live in scripts<Channel>.ts beside this file.
 */
import type { Channel } from '../../shared/domain/model';
import type { ScriptLanguage } from './simulatorContacts';
import { CHAT_SCRIPTS } from './scriptsChat';
import { EMAIL_SCRIPTS } from './scriptsEmail';
import { SMS_SCRIPTS, SOCIAL_SCRIPTS } from './scriptsShort';
import { VOICE_SCRIPTS } from './scriptsVoice';

export type ScriptTopic =
  'logistics' | 'refund' | 'after_sales' | 'billing' | 'product' | 'suggestion' | 'complaint' | 'account';

interface ScriptBase {
  /** Unique across all scripts, e.g. "chat.zh.logistics". */
  key: string;
  topic: ScriptTopic;
  language: ScriptLanguage;
}

/** chat, sms, social: one customer message per turn. */
export interface TextScript extends ScriptBase {
  turns: readonly string[];
}

/** email: every body is one e-mail; the sender's signature is appended when sent. */
export interface EmailScript extends ScriptBase {
  subject: string;
  bodies: readonly string[];
}

/** One side of a call transcript: "c" is the customer, "a" the agent. */
export type CallLine = readonly ['c' | 'a', string];

export interface VoiceCallScript {
  /** One-line call summary, shown as the message text. */
  summary: string;
  lines: readonly CallLine[];
}

/** voice: every call is one message; a second call is the customer ringing back later. */
export interface VoiceScript extends ScriptBase {
  calls: readonly VoiceCallScript[];
}

export type ChannelScript =
  | { channel: 'chat' | 'sms' | 'social'; script: TextScript }
  | { channel: 'email'; script: EmailScript }
  | { channel: 'voice'; script: VoiceScript };

/** All scripts a customer writing in `language` may follow on `channel`; never empty. */
export function scriptsFor(channel: Channel, language: ScriptLanguage): ChannelScript[] {
  switch (channel) {
    case 'chat':
    case 'sms':
    case 'social': {
      const all = channel === 'chat' ? CHAT_SCRIPTS : channel === 'sms' ? SMS_SCRIPTS : SOCIAL_SCRIPTS;
      return all.filter((s) => s.language === language).map((script) => ({ channel, script }));
    }
    case 'email':
      return EMAIL_SCRIPTS.filter((s) => s.language === language).map((script) => ({ channel, script }));
    case 'voice':
      return VOICE_SCRIPTS.filter((s) => s.language === language).map((script) => ({ channel, script }));
  }
}

/** Number of customer messages the script produces. */
export function scriptLength(entry: ChannelScript): number {
  switch (entry.channel) {
    case 'email':
      return entry.script.bodies.length;
    case 'voice':
      return entry.script.calls.length;
    default:
      return entry.script.turns.length;
  }
}
