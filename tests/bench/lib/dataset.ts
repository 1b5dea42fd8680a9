/**
 * The synthetic agent's working set, as the server would send it: `Change` objects (teams, agents,
 * contacts, conversations with their messages). Deterministic for a given seed and size, so the
 * same rows feed the cache fixture, the catch-up figure and its bare-insert baseline.
 */
import type { Change } from '../../../shared/contracts/sync';
import type { Agent, Conversation, Message, Team } from '../../../shared/domain/model';
import { messagePreview } from '../../../shared/domain/preview';
import { Rng } from './random';
import { contactName, messageText, type Lang } from './text';

export const BENCH_TEAMS: Team[] = [
  { id: 'team-presales', name: '售前', nameEn: 'Pre-sales' },
  { id: 'team-aftersales', name: '售后', nameEn: 'After-sales' },
];
export const BENCH_VIEWER: Agent = {
  id: 'bench-agent',
  name: '林晓',
  email: 'bench.agent@bench.switchboard',
  role: 'agent',
  teamIds: BENCH_TEAMS.map((team) => team.id),
  status: 'available',
};
const COLLEAGUES: Agent[] = Array.from({ length: 24 }, (_, i) => ({
  id: `bench-colleague-${i}`,
  name: `同事${i}`,
  email: `colleague${i}@bench.switchboard`,
  role: 'agent',
  teamIds: [BENCH_TEAMS[i % 2]!.id],
  status: 'available',
}));

/** Directory changes first (seq 1..n). */
export function directoryChanges(): Change[] {
  const changes: Change[] = [];
  for (const team of BENCH_TEAMS) changes.push({ seq: changes.length + 1, type: 'team.updated', team });
  for (const agent of [BENCH_VIEWER, ...COLLEAGUES])
    changes.push({ seq: changes.length + 1, type: 'agent.updated', agent });
  return changes;
}

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface DatasetSize {
  conversations: number;
  messages: number;
}

/**
 * Yields one conversation's changes at a time (contact, conversation, messages), `seq` continuing
 * from `firstSeq`. `prefix` keeps ids of different data sets apart.
 */
export function* conversationChanges(
  size: DatasetSize,
  options: { seed?: number; firstSeq?: number; prefix?: string } = {},
): Generator<Change[]> {
  const rng = new Rng(options.seed ?? 20261124);
  const prefix = options.prefix ?? 'b';
  let seq = options.firstSeq ?? 1000;
  const avg = size.messages / size.conversations;
  let messagesLeft = size.messages;
  const contacts = Math.max(1, Math.floor(size.conversations / 2));
  for (let i = 0; i < size.conversations; i++) {
    const lang: Lang = rng.next() < 0.5 ? 'zh' : 'en';
    const contactIndex = rng.int(0, contacts - 1);
    const contactId = `${prefix}-ct-${contactIndex}`;
    const conversationsLeft = size.conversations - i;
    const count =
      conversationsLeft === 1
        ? Math.max(1, messagesLeft)
        : Math.max(1, Math.min(messagesLeft - (conversationsLeft - 1), rng.int(1, Math.max(1, Math.round(2 * avg - 1)))));
    messagesLeft -= count;
    const start = NOW - rng.next() * 180 * DAY;
    const id = `${prefix}-cv-${i}`;
    const messages: Message[] = [];
    let at = start;
    for (let m = 0; m < count; m++) {
      const fromCustomer = m === 0 || rng.next() < 0.55;
      at += rng.int(20_000, 3 * 3_600_000);
      messages.push({
        id: `${id}-m${m}`,
        conversationId: id,
        direction: fromCustomer ? 'in' : 'out',
        kind: 'text',
        authorType: fromCustomer ? 'contact' : 'agent',
        authorId: fromCustomer ? null : rng.pick([BENCH_VIEWER, ...COLLEAGUES]).id,
        text: messageText(rng, lang, fromCustomer),
        subject: null,
        call: null,
        createdAt: iso(at),
      });
    }
    const last = messages[messages.length - 1]!;
    const status = rng.weighted<Conversation['status']>([
      ['open', 30], ['pending', 15], ['snoozed', 5], ['bot', 5], ['resolved', 30], ['closed', 15],
    ]);
    const assigneeRoll = rng.next();
    const conversation: Conversation = {
      id,
      channel: rng.weighted<Conversation['channel']>([['chat', 45], ['email', 25], ['voice', 10], ['sms', 10], ['social', 10]]),
      contactId,
      teamId: rng.pick(BENCH_TEAMS).id,
      assigneeId: assigneeRoll < 0.1 ? BENCH_VIEWER.id : assigneeRoll < 0.6 ? rng.pick(COLLEAGUES).id : null,
      status,
      priority: rng.weighted<Conversation['priority']>([['low', 20], ['normal', 60], ['high', 15], ['urgent', 5]]),
      subject: null,
      createdAt: iso(start),
      updatedAt: last.createdAt,
      lastMessageAt: last.createdAt,
      lastMessagePreview: messagePreview(last.text),
      lastMessageDirection: last.direction,
      waitingSince:
        last.direction === 'in' && (status === 'open' || status === 'pending') ? last.createdAt : null,
      messageCount: count,
      version: 1,
    };
    const batch: Change[] = [
      {
        seq: seq++,
        type: 'contact.updated',
        contact: {
          id: contactId,
          name: contactName(rng, lang),
          email: lang === 'en' ? `customer${contactIndex}@example.com` : null,
          phone: lang === 'zh' ? `138${String(contactIndex).padStart(8, '0')}` : null,
          tier: rng.next() < 0.05 ? 'vip' : 'standard',
          identities: [{ channel: conversation.channel, externalId: `ext-${contactIndex}` }],
          createdAt: iso(start),
        },
      },
      { seq: seq++, type: 'conversation.created', conversation },
    ];
    for (const message of messages) batch.push({ seq: seq++, type: 'message.created', message });
    yield batch;
  }
}
