/**
 * Channel ingest: one inbound customer message becomes a contact (upserted by channel identity),
 * a conversation (found or created and routed) and a message, all in one transaction with their
 * change-log entries. Idempotent on (channel, externalId): a repeat stores nothing.
 */
import { randomUUID } from 'node:crypto';
import { SwitchboardError } from '../../shared/contracts/errors';
import type { IngestMessageRequest, IngestMessageResponse } from '../../shared/contracts/http';
import type { ContactTier, MessageKind } from '../../shared/domain/model';
import { messagePreview } from '../../shared/domain/preview';
import type { Trx } from '../db/database';
import type { NewChange } from '../db/queries/changes';
import {
  findContactIdByIdentity,
  getContact,
  getContactRow,
  insertContact,
  updateContact,
} from '../db/queries/contacts';
import {
  conversationFromRow,
  findActiveConversationForContact,
  findConversationByExternalId,
  getConversationRow,
  insertConversation,
  saveConversation,
  type ConversationRow,
} from '../db/queries/conversations';
import { listTeams } from '../db/queries/directory';
import { findInboundMessage, insertMessage, messageFromRow } from '../db/queries/messages';
import { messageInsightColumns } from '../db/queries/insight';
import { classifyInbound, entryStatus, escalationChanges, withInsight } from './bot/inbound';
import { commitWithChanges, type AppendFn, type DomainContext } from './context';
import { chooseTeam } from './routing';
import { addressOf, contactChange, conversationChange, messageChange } from './snapshots';
import { bumpVersion } from './versioning';

/** What a channel connector adds to the HTTP ingest path (server/connectors/). */
export interface IngestOptions {
  /**
   * Picks the conversation inside the ingest's transaction: its id, `'new'` for a new one, or
   * undefined for the usual rule (the external id, else the contact's active conversation).
   */
  thread?: (trx: Trx, contactId: string) => Promise<string | 'new' | undefined>;
  /** The channel's own record of the message, written in the same transaction (never on a duplicate). */
  alongside?: (trx: Trx, stored: { conversationId: string; messageId: string; createdAt: string }) => Promise<void>;
}

export async function ingestMessage(
  ctx: DomainContext,
  request: IngestMessageRequest,
  options: IngestOptions = {},
): Promise<IngestMessageResponse> {
  // Classification is pure CPU: done before the transaction so the writer lock never waits on
  // it, and in a worker thread when the node has cores to spare.
  const insight = ctx.classifier ? await ctx.classifier.classify(request.text) : classifyInbound(request);
  // Ingests arriving together commit together (commitGroup.ts), each in its own savepoint.
  const commit = <T>(write: (trx: Trx, append: AppendFn) => Promise<T>) =>
    ctx.ingestCommits ? ctx.ingestCommits.commit(write) : commitWithChanges(ctx, write);
  const result = await commit(async (trx, append): Promise<IngestMessageResponse> => {
    const existing = await findInboundMessage(trx, request.channel, request.externalId);
    if (existing)
      return { conversationId: existing.conversation_id, messageId: existing.id, duplicate: true };

    const now = ctx.now().toISOString();
    const at = request.occurredAt ? new Date(request.occurredAt).toISOString() : now;
    const { contactId, contactChanged } = await upsertContact(trx, request, now);
    const tier = ((await getContactRow(trx, contactId))?.tier ?? 'standard') as ContactTier;

    const threaded = await options.thread?.(trx, contactId);
    const chosen = threaded && threaded !== 'new' ? await getConversationRow(trx, threaded) : undefined;
    let row =
      threaded === 'new'
        ? undefined
        : (chosen ??
          (request.conversationExternalId
            ? await findConversationByExternalId(trx, request.channel, request.conversationExternalId)
            : await findActiveConversationForContact(trx, contactId, request.channel)));
    const created = !row;
    const before = row && conversationFromRow(row);
    if (!row) row = { ...(await newConversation(trx, request, contactId, tier, at, now)), ...entryStatus(ctx, request.channel) };

    const reopened = row.status === 'resolved' || row.status === 'closed';
    const next: ConversationRow = withInsight(ctx, insight, now, {
      ...(reopened ? { ...row, ...bumpVersion(row, null), status: 'open' } : row),
      updated_at: now,
      last_message_at: at > row.last_message_at || created ? at : row.last_message_at,
      last_message_preview: messagePreview(request.text),
      last_message_direction: 'in',
      waiting_since: row.waiting_since ?? at,
      message_count: created ? 1 : row.message_count + 1,
    });
    if (created) await insertConversation(trx, next);
    else await saveConversation(trx, next);

    const kind: MessageKind = request.call ? 'call' : request.channel === 'email' ? 'email' : 'text';
    const messageRow = {
      id: randomUUID(),
      conversation_id: next.id,
      channel: request.channel,
      external_id: request.externalId,
      direction: 'in',
      kind,
      author_type: 'contact',
      author_id: contactId,
      text: request.text,
      subject: request.subject ?? null,
      call_json: request.call ? JSON.stringify(request.call) : null,
      created_at: at,
      ...(insight ? messageInsightColumns(insight) : {}),
    };
    await insertMessage(trx, messageRow);
    await options.alongside?.(trx, { conversationId: next.id, messageId: messageRow.id, createdAt: at });

    const conversation = conversationFromRow(next);
    const address = addressOf(conversation, before);
    const changes: NewChange[] = [];
    if (created || contactChanged) {
      const contact = await getContact(trx, contactId);
      if (contact) changes.push(contactChange(contact, address));
    }
    if (created) changes.push(conversationChange('conversation.created', conversation, address));
    else if (reopened)
      changes.push(conversationChange('conversation.status_changed', conversation, address));
    else changes.push(conversationChange('conversation.updated', conversation, address));
    changes.push(messageChange(messageFromRow(messageRow), address));
    changes.push(...(await escalationChanges(trx, row, next, messageRow, insight, now)));
    await append(changes);
    return { conversationId: next.id, messageId: messageRow.id, duplicate: false };
  });
  ctx.announcer.ingested?.(result);
  return result;
}

async function upsertContact(
  trx: Trx,
  request: IngestMessageRequest,
  now: string,
): Promise<{ contactId: string; contactChanged: boolean }> {
  const { contact } = request;
  const existingId = await findContactIdByIdentity(trx, request.channel, contact.externalId);
  if (!existingId) {
    const id = randomUUID();
    await insertContact(
      trx,
      {
        id,
        name: contact.name ?? contact.externalId,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        tier: contact.tier ?? 'standard',
        created_at: now,
        updated_at: now,
        ...(contact.attributes && Object.keys(contact.attributes).length > 0
          ? { attributes: JSON.stringify(contact.attributes) }
          : {}),
      },
      { channel: request.channel, externalId: contact.externalId },
    );
    return { contactId: id, contactChanged: true };
  }
  const row = await getContactRow(trx, existingId);
  if (!row) throw new Error(`contact identity points to missing contact ${existingId}`);
  // Only what the payload states overrides what we know; absent fields keep their value.
  const patch = {
    ...(contact.name !== undefined && contact.name !== row.name ? { name: contact.name } : {}),
    ...(contact.email !== undefined && contact.email !== row.email ? { email: contact.email } : {}),
    ...(contact.phone !== undefined && contact.phone !== row.phone ? { phone: contact.phone } : {}),
    ...(contact.tier !== undefined && contact.tier !== row.tier ? { tier: contact.tier } : {}),
    ...mergedAttributes(row.attributes ?? null, contact.attributes),
  };
  if (Object.keys(patch).length === 0) return { contactId: existingId, contactChanged: false };
  await updateContact(trx, existingId, { ...patch, updated_at: now });
  return { contactId: existingId, contactChanged: true };
}

async function newConversation(
  trx: Trx,
  request: IngestMessageRequest,
  contactId: string,
  tier: ContactTier,
  at: string,
  now: string,
): Promise<ConversationRow> {
  const teams = await listTeams(trx);
  const teamId = chooseTeam(
    teams.map((team) => ({ id: team.id, nameEn: team.name_en })),
    request.channel,
    tier,
  );
  if (!teamId) throw new SwitchboardError('not_found', 'no team is configured to receive conversations');
  return {
    id: randomUUID(),
    channel: request.channel,
    external_id: request.conversationExternalId ?? null,
    contact_id: contactId,
    team_id: teamId,
    assignee_id: null,
    status: 'open',
    priority: tier === 'vip' ? 'high' : 'normal',
    subject: request.channel === 'email' ? (request.subject ?? null) : null,
    created_at: now,
    updated_at: now,
    last_message_at: at,
    last_message_preview: '',
    last_message_direction: 'in',
    waiting_since: null,
    message_count: 0,
    version: 0,
    last_writer_client_id: null,
    writer_streak_base_version: 0,
  };
}

/** Attributes merge key by key (a channel sends what it knows now); a patch only when something changed. */
function mergedAttributes(
  stored: string | null,
  incoming: Record<string, string> | undefined,
): { attributes?: string } {
  if (!incoming || Object.keys(incoming).length === 0) return {};
  const merged = { ...(stored ? (JSON.parse(stored) as Record<string, string>) : {}), ...incoming };
  const next = JSON.stringify(merged);
  return next === stored ? {} : { attributes: next };
}
