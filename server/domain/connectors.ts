/**
 * Outbound replies leave through a connector per channel. The demo connector records each
 * delivery in outbound_deliveries and emits `outbound` on an in-process EventEmitter, which the
 * traffic simulator listens to so simulated customers can answer.
 */
import type { EventEmitter } from 'node:events';
import type { Store } from '../db/database';
import { recordOutboundDelivery } from '../db/queries/messages';
import type { Contact, Conversation, Message } from '../../shared/domain/model';

export interface OutboundConnector {
  deliver(message: Message, conversation: Conversation, contact: Contact): Promise<void>;
}

/** Payload of the `outbound` event on RunningServer.events. */
export interface OutboundDelivery {
  message: Message;
  conversation: Conversation;
  contact: Contact;
}

export const OUTBOUND_EVENT = 'outbound';

export function createDemoConnector(
  store: Store,
  events: EventEmitter,
  now: () => Date = () => new Date(),
): OutboundConnector {
  return {
    async deliver(message, conversation, contact) {
      await recordOutboundDelivery(store.db, {
        message_id: message.id,
        channel: conversation.channel,
        conversation_id: conversation.id,
        created_at: now().toISOString(),
      });
      const delivery: OutboundDelivery = { message, conversation, contact };
      events.emit(OUTBOUND_EVENT, delivery);
    },
  };
}
