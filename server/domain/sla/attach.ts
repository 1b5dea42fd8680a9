/**
 * Runs inside every write transaction, just before its changes are appended (context.ts): for
 * each conversation snapshot in the commit it records a status change in sla_status_events
 * (so automatic reopens are kept too) and puts the matched `slaPolicyId` and the compacted
 * `slaEvents` on the snapshot, so every client can run computeSla itself. On PostgreSQL it also
 * wakes the SLA leader (NOTIFY is delivered at commit, so never about uncommitted data).
 */
import { sql } from 'kysely';
import type { Conversation } from '../../../shared/domain/model';
import { compactSlaEvents, matchSlaPolicy, type SlaPolicyRecord } from '../../../shared/sla/policies';
import type { Dialect, Trx } from '../../db/database';
import type { NewChange } from '../../db/queries/changes';
import {
  appendStatusEvent,
  contactTierOf,
  listSlaMessages,
  listSlaPolicies,
  listStatusEvents,
} from '../../db/queries/sla';
import type { ContactTier } from '../../../shared/domain/model';
import { slaEventsFrom } from './events';

/** The channel the SLA leader LISTENs on (PostgreSQL). */
export const SLA_NOTIFY_CHANNEL = 'switchboard_sla';

/** Change types that make the scheduler look again. */
export const SLA_CONFIG_CHANGE_TYPES = new Set(['sla_policy.updated', 'business_calendar.updated']);

export async function attachSla(
  trx: Trx,
  dialect: Dialect,
  changes: NewChange[],
  now: string,
): Promise<void> {
  let policies: SlaPolicyRecord[] | undefined;
  const done = new Map<string, Pick<Conversation, 'slaPolicyId' | 'slaEvents'>>();
  let wake = false;
  for (const entry of changes) {
    if (SLA_CONFIG_CHANGE_TYPES.has(entry.change.type)) wake = true;
    if (!('conversation' in entry.change)) continue;
    wake = true;
    const conversation = entry.change.conversation;
    let sla = done.get(conversation.id);
    if (!sla) {
      const statuses = await listStatusEvents(trx, conversation.id);
      const last = statuses[statuses.length - 1];
      if (!last || last.status !== conversation.status) {
        const at = statuses.length === 0 ? conversation.createdAt : now;
        await appendStatusEvent(trx, conversation.id, statuses.length, conversation.status, at);
        statuses.push({ status: conversation.status, at });
      }
      const messages = await listSlaMessages(trx, conversation.id);
      policies ??= await listSlaPolicies(trx);
      const tier = (await contactTierOf(trx, conversation.contactId)) as ContactTier;
      const policy = matchSlaPolicy(policies, { ...conversation, tier });
      sla = {
        slaPolicyId: policy?.id ?? null,
        slaEvents: compactSlaEvents(slaEventsFrom(conversation.createdAt, messages, statuses)),
      };
      done.set(conversation.id, sla);
    }
    entry.change = { ...entry.change, conversation: { ...conversation, ...sla } };
  }
  if (wake && dialect === 'postgres') await sql`select pg_notify(${SLA_NOTIFY_CHANNEL}, '')`.execute(trx);
}
