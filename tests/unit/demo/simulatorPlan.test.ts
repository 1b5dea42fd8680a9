/**
 * What the demo simulator would send, without a network: every body is a valid ingest request,
 * the traffic looks like a real contact centre's (all channels, both languages, call transcripts,
 * e-mail subjects) and the same seed replays the same traffic.
 */
import { describe, expect, it } from 'vitest';
import { IngestMessageRequestSchema } from '../../../shared/contracts/http';
import { CHANNELS } from '../../../shared/domain/model';
import { planConversations, previewMessages } from '../../../server/demo/simulator';
import { SIMULATED_CONTACTS } from '../../../server/demo/simulatorContacts';
import { createRng } from '../../../server/demo/simulatorRandom';

const CJK = /[\u4e00-\u9fff]/;
const conversations = planConversations({ seed: 20240611, runId: 'plan', count: 300 });
const messages = previewMessages({ seed: 20240611, runId: 'plan', count: 300 });

describe('simulated traffic for one seed', () => {
  it('produces a few hundred messages that all pass the public ingest schema', () => {
    expect(messages.length).toBeGreaterThan(300);
    for (const message of messages) {
      const result = IngestMessageRequestSchema.safeParse(message);
      expect(result.success, JSON.stringify(message).slice(0, 300)).toBe(true);
    }
  });

  it('covers all five channels and both languages', () => {
    expect(new Set(messages.map((m) => m.channel))).toEqual(new Set(CHANNELS));
    const zh = messages.filter((m) => CJK.test(m.text)).length;
    const en = messages.filter((m) => !CJK.test(m.text)).length;
    expect(zh).toBeGreaterThan(messages.length * 0.3);
    expect(en).toBeGreaterThan(messages.length * 0.2);
    for (const c of conversations) {
      // A customer writes in their own language on every turn.
      for (const m of c.messages) expect(CJK.test(m.request.text)).toBe(c.language === 'zh-CN');
    }
  });

  it('covers the everyday topics of a contact centre', () => {
    expect(new Set(conversations.map((c) => c.topic))).toEqual(
      new Set([
        'logistics',
        'refund',
        'after_sales',
        'billing',
        'product',
        'suggestion',
        'complaint',
        'account',
      ]),
    );
  });

  it('gives every voice message a call record with a two-sided transcript and a one-line summary', () => {
    const calls = messages.filter((m) => m.channel === 'voice');
    expect(calls.length).toBeGreaterThan(10);
    for (const m of calls) {
      expect(m.text).not.toContain('\n');
      expect(m.call?.recordingUrl).toMatch(/^https:\/\/recordings\.example\.invalid\//);
      const transcript = m.call?.transcript ?? [];
      expect(new Set(transcript.map((l) => l.speaker))).toEqual(new Set(['customer', 'agent']));
      const times = transcript.map((l) => l.atSec);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(m.call?.durationSec).toBeGreaterThan(times[times.length - 1] ?? 0);
    }
    expect(messages.filter((m) => m.channel !== 'voice').every((m) => m.call === undefined)).toBe(true);
  });

  it('gives every e-mail a subject, a longer body and the sender signature; follow-ups reply on the thread', () => {
    const emails = conversations.filter((c) => c.channel === 'email');
    expect(emails.length).toBeGreaterThan(10);
    for (const c of emails) {
      const [first, ...rest] = c.messages.map((m) => m.request);
      expect(first?.subject?.length).toBeGreaterThan(3);
      expect(first?.text.length).toBeGreaterThan(100);
      for (const m of [first, ...rest]) {
        expect(m?.text.length).toBeGreaterThan(50);
        expect(m?.text).toContain(c.contact.name);
        expect(m?.contact.email).toBe(c.contact.email);
      }
      for (const m of rest) expect(m.subject).toBe(`Re: ${first?.subject}`);
    }
  });

  it('keeps SMS short and lets social posts carry the odd emoji', () => {
    const sms = messages.filter((m) => m.channel === 'sms');
    expect(sms.every((m) => m.text.length <= 80)).toBe(true);
    const social = messages.filter((m) => m.channel === 'social');
    expect(social.some((m) => /\p{Extended_Pictographic}/u.test(m.text))).toBe(true);
    expect(social.some((m) => !/\p{Extended_Pictographic}/u.test(m.text))).toBe(true);
  });

  it('uses unique message externalIds and one conversationExternalId per conversation', () => {
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(messages.length);
    for (const c of conversations) {
      expect(new Set(c.messages.map((m) => m.request.conversationExternalId))).toEqual(
        new Set([c.conversationExternalId]),
      );
    }
    expect(new Set(conversations.map((c) => c.conversationExternalId)).size).toBe(conversations.length);
    expect(conversations.some((c) => c.messages.length >= 3)).toBe(true);
  });

  it('identifies each contact the way the channel does, the same way every time', () => {
    const seen = new Map<string, string>();
    for (const c of conversations) {
      for (const { request } of c.messages) {
        const key = `${request.channel}:${c.contact.key}`;
        expect(seen.get(key) ?? request.contact.externalId).toBe(request.contact.externalId);
        seen.set(key, request.contact.externalId);
        const expected = {
          sms: c.contact.phone,
          voice: c.contact.phone,
          email: c.contact.email,
          chat: c.contact.chatHandle,
          social: c.contact.socialHandle,
        }[request.channel];
        expect(request.contact.externalId).toBe(expected);
        expect(request.contact.tier).toBe(c.contact.tier);
      }
    }
    expect(messages.some((m) => m.contact.tier === 'vip')).toBe(true);
  });

  it('spaces follow-up turns by seconds, not milliseconds, at the reference rate', () => {
    for (const c of conversations) {
      expect(c.messages[0]?.gapMs).toBe(0);
      for (const m of c.messages.slice(1)) expect(m.gapMs).toBeGreaterThanOrEqual(4_000);
    }
  });
});

describe('determinism', () => {
  it('replays the same sequence for the same seed and differs for another seed', () => {
    const now = new Date('2024-06-11T08:00:00Z');
    const a = previewMessages({ seed: 7, runId: 'r', count: 50, now });
    const b = previewMessages({ seed: 7, runId: 'r', count: 50, now });
    const c = previewMessages({ seed: 8, runId: 'r', count: 50, now });
    expect(b).toEqual(a);
    expect(c.map((m) => m.text)).not.toEqual(a.map((m) => m.text));
  });

  it('seeded random numbers repeat per seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.int(0, 1_000));
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });
});

describe('simulated customers', () => {
  it('are about forty people, roughly 60 % zh-CN, with a few VIPs and distinct identifiers', () => {
    expect(SIMULATED_CONTACTS.length).toBeGreaterThanOrEqual(36);
    expect(SIMULATED_CONTACTS.length).toBeLessThanOrEqual(44);
    const zhShare =
      SIMULATED_CONTACTS.filter((c) => c.language === 'zh-CN').length / SIMULATED_CONTACTS.length;
    expect(zhShare).toBeGreaterThan(0.5);
    expect(zhShare).toBeLessThan(0.7);
    const vips = SIMULATED_CONTACTS.filter((c) => c.tier === 'vip').length;
    expect(vips).toBeGreaterThanOrEqual(2);
    expect(vips).toBeLessThanOrEqual(8);
    for (const field of ['email', 'phone', 'chatHandle', 'socialHandle', 'key'] as const) {
      expect(new Set(SIMULATED_CONTACTS.map((c) => c[field])).size).toBe(SIMULATED_CONTACTS.length);
    }
  });
});
