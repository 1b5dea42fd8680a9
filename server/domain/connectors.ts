/**
 * Outbound replies leave through a connector per channel. The demo connector records each
 * delivery in outbound_deliveries and emits `outbound` on an in-process EventEmitter, which the
 * traffic simulator listens to so simulated customers can answer. A channel with a real
 * connector configured (email: server/connectors/email/) leaves through it instead (routeByChannel).
 */
import type { EventEmitter } from 'node:events';
import type { Store } from '../db/database';
import { recordOutboundDelivery } from '../db/queries/messages';
import type { Channel, Contact, Conversation, Message } from '../../shared/domain/model';

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

/**
 * Each conversation's channel to its own connector when one is configured (email over SMTP),
 * every other channel to `fallback` (the demo connector).
 */
export function routeByChannel(
  connectors: Partial<Record<Channel, OutboundConnector>>,
  fallback: OutboundConnector,
): OutboundConnector {
  return {
    deliver(message, conversation, contact) {
      return (connectors[conversation.channel] ?? fallback).deliver(message, conversation, contact);
    },
  };
}
