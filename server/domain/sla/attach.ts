/**
 * Runs inside every write transaction, just before its changes are appended (context.ts): for
 * each conversation snapshot in the commit it records a status change in sla_status_events
 * (so automatic reopens are kept too) and puts the matched `slaPolicyId` and the compacted
 * `slaEvents` on the snapshot, so every client can run computeSla itself. The events are folded
 * from the commit's own messages into the stored list (eventState.ts), not reread per write,
 * and the folded state is kept for the transaction and written once before it commits
 * (`flushSla`, called by context.ts). On PostgreSQL it also
 * wakes the SLA leader (NOTIFY is delivered at commit, so never about uncommitted data).
 */
import { sql } from 'kysely';
import type { Conversation } from '../../../shared/domain/model';
import { matchSlaPolicy, type SlaPolicyRecord } from '../../../shared/sla/policies';
import type { Dialect, Trx } from '../../db/database';
import type { NewChange } from '../../db/queries/changes';
import { contactTierOf, listSlaPolicies, type SlaMessageRow } from '../../db/queries/sla';
import type { ContactTier } from '../../../shared/domain/model';
import { commitSlaEvents, flushSlaEventStates, type SlaEventStateBuffer } from './eventState';

/** The channel the SLA leader LISTENs on (PostgreSQL). */
export const SLA_NOTIFY_CHANNEL = 'switchboard_sla';

/** Change types that make the scheduler look again. */
export const SLA_CONFIG_CHANGE_TYPES = new Set(['sla_policy.updated', 'business_calendar.updated']);

/**
 * What the appends of one write transaction share (a batch of pushes appends many times): the
 * policies, contact tiers (a tier this transaction changes arrives as its `contact.updated`),
 * and whether the leader was already notified. Reads are made once per transaction.
 */
export interface SlaTransactionCache {
  policies?: SlaPolicyRecord[];
  tiers: Map<string, ContactTier>;
  notified: boolean;
  /** Folded event states not yet written: `flushSla` writes them before the commit. */
  states: SlaEventStateBuffer;
}

export function newSlaTransactionCache(): SlaTransactionCache {
  return { tiers: new Map(), notified: false, states: new Map() };
}

/** Writes what attachSla folded in this transaction; call once, before it commits. */
export function flushSla(trx: Trx, cache: SlaTransactionCache): Promise<void> {
  return flushSlaEventStates(trx, cache.states);
}

export async function attachSla(
  trx: Trx,
  dialect: Dialect,
  changes: NewChange[],
  now: string,
  cache: SlaTransactionCache = newSlaTransactionCache(),
): Promise<void> {
  for (const { change } of changes) {
    if (change.type === 'contact.updated') cache.tiers.set(change.contact.id, change.contact.tier);
    // The transaction replaced them before announcing it: read them again.
    if (SLA_CONFIG_CHANGE_TYPES.has(change.type)) delete cache.policies;
  }
  const done = new Map<string, Pick<Conversation, 'slaPolicyId' | 'slaEvents'>>();
  let wake = false;
  const fresh = freshMessages(changes);
  for (const entry of changes) {
    if (SLA_CONFIG_CHANGE_TYPES.has(entry.change.type)) wake = true;
    if (!('conversation' in entry.change)) continue;
    wake = true;
    const conversation = entry.change.conversation;
    let sla = done.get(conversation.id);
    if (!sla) {
      const slaEvents = await commitSlaEvents(
        trx,
        conversation,
        fresh.get(conversation.id) ?? [],
        now,
        cache.states,
      );
      cache.policies ??= await listSlaPolicies(trx);
      let tier = cache.tiers.get(conversation.contactId);
      if (!tier) {
        tier = (await contactTierOf(trx, conversation.contactId)) as ContactTier;
        cache.tiers.set(conversation.contactId, tier);
      }
      const policy = matchSlaPolicy(cache.policies, { ...conversation, tier });
      sla = { slaPolicyId: policy?.id ?? null, slaEvents };
      done.set(conversation.id, sla);
    }
    entry.change = { ...entry.change, conversation: { ...conversation, ...sla } };
  }
  if (wake && dialect === 'postgres' && !cache.notified) {
    // One NOTIFY per transaction is enough: the leader catches up on everything committed.
    await sql`select pg_notify(${SLA_NOTIFY_CHANNEL}, '')`.execute(trx);
    cache.notified = true;
  }
}

/** The messages this commit announces, per conversation, in the order they were recorded. */
function freshMessages(changes: readonly NewChange[]): Map<string, SlaMessageRow[]> {
  const byConversation = new Map<string, SlaMessageRow[]>();
  for (const { change } of changes) {
    if (change.type !== 'message.created') continue;
    const { message } = change;
    const list = byConversation.get(message.conversationId) ?? [];
    list.push({
      direction: message.direction,
      kind: message.kind,
      author_type: message.authorType,
      created_at: message.createdAt,
    });
    byConversation.set(message.conversationId, list);
  }
  return byConversation;
}
