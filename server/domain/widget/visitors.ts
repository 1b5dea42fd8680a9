/**
 * The customer side of the web chat widget: opening a visitor's session (channel, origin,
 * identity), their history, and what they send. A visitor's messages enter through the same
 * ingest as every channel (`chat`, filed under the visitor's contact identity), so routing, the
 * bot, SLA, classification and surveys treat them like any chat. The visitor sees exactly what was
 * delivered to them (outbound_deliveries) and what they wrote: never internal notes, routing
 * lines, or anyone else's conversations.
 */
import { randomUUID } from 'node:crypto';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { IngestMessageResponse } from '../../../shared/contracts/http';
import { WIDGET_HISTORY_MAX, type WidgetHandshake, type WidgetMessage } from '../../../shared/contracts/widget';
import type { Message } from '../../../shared/domain/model';
import { findContactIdByIdentity } from '../../db/queries/contacts';
import { messageFromRow } from '../../db/queries/messages';
import type { WidgetChannelsTable } from '../../db/schemaWidget';
import type { DomainContext } from '../context';
import { ingestMessage } from '../ingest';
import { recordSurveyAnswer } from '../surveys';
import { identityMatches, readVisitorToken, signVisitorToken } from './identity';

export interface VisitorSession {
  visitorId: string;
  channelId: string;
  /** The chat identity of the visitor's contact. */
  contactExternalId: string;
  verified: boolean;
  name: string | undefined;
  email: string | undefined;
  token: string;
}

export async function getWidgetChannel(ctx: DomainContext, id: string): Promise<WidgetChannelsTable | undefined> {
  return ctx.store.db.selectFrom('widget_channels').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether a page on `origin` may run this channel's widget (no list: any page). */
export function originAllowed(channel: WidgetChannelsTable, origin: string | undefined): boolean {
  const allowed = JSON.parse(channel.origins) as string[];
  return allowed.length === 0 || (origin !== undefined && allowed.includes(origin));
}

export async function openVisitorSession(ctx: DomainContext, handshake: WidgetHandshake, origin: string | undefined): Promise<VisitorSession> {
  const channel = await getWidgetChannel(ctx, handshake.channel);
  if (!channel) throw new SwitchboardError('not_found', `channel: no widget channel ${handshake.channel}`);
  if (!originAllowed(channel, origin)) throw new SwitchboardError('forbidden', `this widget may not run on ${origin ?? 'a page without an origin'}`);
  const db = ctx.store.db;
  const now = ctx.now();
  const at = now.toISOString();

  let visitor: { id: string; contact_external_id: string; verified_user_id: string | null } | undefined;
  if (handshake.user) {
    if (!identityMatches(handshake.user.id, handshake.user.hash, channel.identity_secret))
      throw new SwitchboardError('unauthorized', 'identity could not be verified');
    visitor = await db
      .selectFrom('widget_visitors')
      .select(['id', 'contact_external_id', 'verified_user_id'])
      .where('channel_id', '=', channel.id)
      .where('contact_external_id', '=', handshake.user.id)
      .executeTakeFirst();
    if (!visitor) {
      visitor = { id: randomUUID(), contact_external_id: handshake.user.id, verified_user_id: handshake.user.id };
      await db.insertInto('widget_visitors').values({ ...visitor, channel_id: channel.id, created_at: at, last_seen_at: at }).execute();
    }
  } else {
    const known = handshake.visitorToken ? await readVisitorToken(ctx.tokenSecret, handshake.visitorToken, channel.id, now) : null;
    visitor = known
      ? await db.selectFrom('widget_visitors').select(['id', 'contact_external_id', 'verified_user_id']).where('id', '=', known).where('channel_id', '=', channel.id).executeTakeFirst()
      : undefined;
    // A token of a signed-in customer does not sign anyone in again: the site must vouch each time.
    if (!visitor || visitor.verified_user_id !== null) {
      const id = randomUUID();
      visitor = { id, contact_external_id: `visitor:${id}`, verified_user_id: null };
      await db.insertInto('widget_visitors').values({ ...visitor, channel_id: channel.id, created_at: at, last_seen_at: at }).execute();
    }
  }
  await db.updateTable('widget_visitors').set({ last_seen_at: at }).where('id', '=', visitor.id).execute();
  return {
    visitorId: visitor.id,
    channelId: channel.id,
    contactExternalId: visitor.contact_external_id,
    verified: visitor.verified_user_id !== null,
    name: handshake.user?.name ?? handshake.name,
    email: handshake.user?.email,
    token: await signVisitorToken(ctx.tokenSecret, visitor.id, channel.id, now),
  };
}

/** The line as the customer sees it; null for what the customer never sees. */
export function widgetMessageOf(message: Message, agentName: string | null): WidgetMessage | null {
  if (message.kind === 'note') return null;
  if (message.detail?.kind === 'bot_handoff') return { id: message.id, from: 'system', name: null, text: '', at: message.createdAt, event: 'handoff' };
  const survey = message.detail?.kind === 'survey_sent' ? { survey: message.detail.surveys } : {};
  if (message.direction === 'in') return { id: message.id, from: 'customer', name: null, text: message.text, at: message.createdAt };
  const from = message.authorType === 'agent' ? 'agent' : message.authorType === 'bot' ? 'bot' : 'system';
  return { id: message.id, from, name: from === 'agent' ? agentName : null, text: message.text, at: message.createdAt, ...survey };
}

/** The visitor's chat contact, if they ever wrote. */
export const visitorContactId = (ctx: DomainContext, session: Pick<VisitorSession, 'contactExternalId'>) =>
  findContactIdByIdentity(ctx.store.db, 'chat', session.contactExternalId);

/** The newest WIDGET_HISTORY_MAX lines of the visitor's chat conversations, oldest first. */
export async function visitorHistory(ctx: DomainContext, session: VisitorSession): Promise<WidgetMessage[]> {
  const contactId = await visitorContactId(ctx, session);
  if (!contactId) return [];
  const rows = await ctx.store.db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .leftJoin('agents', 'agents.id', 'messages.author_id')
    .selectAll('messages')
    .select('agents.name as agent_name')
    .where('conversations.contact_id', '=', contactId)
    .where('conversations.channel', '=', 'chat')
    .where((eb) =>
      eb.or([
        eb('messages.direction', '=', 'in'),
        eb.exists(eb.selectFrom('outbound_deliveries').select('outbound_deliveries.message_id').whereRef('outbound_deliveries.message_id', '=', 'messages.id')),
      ]),
    )
    .orderBy('messages.created_at', 'desc')
    .orderBy('messages.id', 'desc')
    .limit(WIDGET_HISTORY_MAX)
    .execute();
  return rows
    .reverse()
    .flatMap(({ agent_name, ...row }) => widgetMessageOf(messageFromRow(row), agent_name ?? null) ?? []);
}

export async function visitorSend(ctx: DomainContext, session: VisitorSession, clientId: string, text: string): Promise<IngestMessageResponse> {
  return ingestMessage(ctx, {
    channel: 'chat',
    externalId: `widget:${session.visitorId}:${clientId}`,
    contact: {
      externalId: session.contactExternalId,
      ...(session.name ? { name: session.name } : {}),
      ...(session.email ? { email: session.email } : {}),
    },
    text,
  });
}

/** The answer to the latest survey sent to this visitor. */
export async function visitorRate(ctx: DomainContext, session: VisitorSession, kind: 'csat' | 'nps', score: number): Promise<void> {
  const contactId = await visitorContactId(ctx, session);
  const invited = contactId
    ? await ctx.store.db
        .selectFrom('survey_requests')
        .innerJoin('conversations', 'conversations.id', 'survey_requests.conversation_id')
        .select('survey_requests.conversation_id')
        .where('conversations.contact_id', '=', contactId)
        .where('conversations.channel', '=', 'chat')
        .orderBy('survey_requests.sent_at', 'desc')
        .executeTakeFirst()
    : undefined;
  if (!invited) throw new SwitchboardError('not_found', 'no survey was sent to you');
  await recordSurveyAnswer(ctx, { conversationId: invited.conversation_id, kind, score }, 'chat');
}
