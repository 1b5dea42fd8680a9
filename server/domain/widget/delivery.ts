/**
 * Replies to widget visitors: a chat reply (an agent's, the bot's answer or hand-off line, the
 * survey invitation) whose contact is a widget visitor is recorded as delivered and pushed to
 * that visitor's open widgets (every tab, every node: the /visitor namespace's room for the
 * contact identity); every other delivery goes to the connector it went to before. Internal notes
 * never reach a connector (mutations/sendMessage.ts), so they never reach a widget either.
 */
import type { WidgetMessage } from '../../../shared/contracts/widget';
import type { Contact } from '../../../shared/domain/model';
import type { Store } from '../../db/database';
import type { AppendedChanges } from '../../db/queries/changes';
import { getContact } from '../../db/queries/contacts';
import { recordOutboundDelivery } from '../../db/queries/messages';
import type { OutboundConnector } from '../connectors';
import { widgetMessageOf } from './visitors';

export const visitorRoom = (contactExternalId: string) => `widget-contact:${contactExternalId}`;

export interface WidgetPush {
  (room: string, message: WidgetMessage): void;
}

/** The contact's widget identities (none: not a widget visitor). */
async function widgetIdentities(store: Store, contact: Contact): Promise<string[]> {
  const chatIds = contact.identities.filter((identity) => identity.channel === 'chat').map((identity) => identity.externalId);
  if (chatIds.length === 0) return [];
  const rows = await store.db.selectFrom('widget_visitors').select('contact_external_id').distinct().where('contact_external_id', 'in', chatIds).execute();
  return rows.map((row) => row.contact_external_id);
}

/**
 * The bot's hand-off is an internal line (which team, why, the detected intent); a widget visitor
 * is told only that a person takes over: the line is recorded as delivered to them (so a reload
 * shows it) and pushed as a `handoff` event the widget words itself.
 */
export function widgetHandoffs(store: Store, push: () => WidgetPush | null, now: () => Date = () => new Date()) {
  return {
    changes(appended: AppendedChanges): void {
      for (const { change } of appended.entries) {
        if (change.type !== 'message.created' || change.message.detail?.kind !== 'bot_handoff') continue;
        const message = change.message;
        void (async () => {
          const conversation = await store.db.selectFrom('conversations').select(['contact_id', 'channel']).where('id', '=', message.conversationId).executeTakeFirst();
          if (conversation?.channel !== 'chat') return;
          const contact = await getContact(store.db, conversation.contact_id);
          const identities = contact ? await widgetIdentities(store, contact) : [];
          if (identities.length === 0) return;
          await recordOutboundDelivery(store.db, { message_id: message.id, channel: 'chat', conversation_id: message.conversationId, created_at: now().toISOString() });
          const line = widgetMessageOf(message, null);
          const send = push();
          if (line && send) for (const identity of identities) send(visitorRoom(identity), line);
        })().catch((error: unknown) => console.error('[server] widget hand-off line failed', error));
      }
    },
  };
}

export function withWidgetDelivery(store: Store, inner: OutboundConnector, push: () => WidgetPush | null, now: () => Date = () => new Date()): OutboundConnector {
  return {
    async deliver(message, conversation, contact) {
      const identities = conversation.channel === 'chat' ? await widgetIdentities(store, contact) : [];
      if (identities.length === 0) return inner.deliver(message, conversation, contact);
      await recordOutboundDelivery(store.db, { message_id: message.id, channel: 'chat', conversation_id: conversation.id, created_at: now().toISOString() });
      const agent = message.authorId
        ? await store.db.selectFrom('agents').select('name').where('id', '=', message.authorId).executeTakeFirst()
        : undefined;
      const line = widgetMessageOf(message, agent?.name ?? null);
      const send = push();
      if (line && send) for (const identity of identities) send(visitorRoom(identity), line);
    },
  };
}
