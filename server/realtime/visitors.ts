/**
 * The web chat widget's Socket.IO namespace, `/visitor` (contract: shared/contracts/widget.ts).
 * Separate from the agents' namespace: a visitor socket has no agent, joins no agent room, and can
 * do exactly three things — send a message, say it is typing, answer a survey. Each handshake is
 * checked (channel, page origin, the site's identity signature) before the socket exists; each
 * event is validated, size-limited and rate-limited per visitor; what the visitor receives is
 * their own conversation's public lines (domain/widget/delivery.ts) and agents' typing.
 */
import type { Namespace, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import { describeIssues, SwitchboardError, type ErrorBody } from '../../shared/contracts/errors';
import type { Ack } from '../../shared/contracts/socket';
import {
  VISITOR_EVENTS,
  VISITOR_NAMESPACE,
  VisitorRateSchema,
  VisitorSendSchema,
  VisitorTypingSchema,
  WIDGET_EVENTS,
  WIDGET_RATE_MESSAGES,
  WIDGET_RATE_WINDOW_MS,
  WidgetHandshakeSchema,
  type WidgetMessage,
  type WidgetSession,
} from '../../shared/contracts/widget';
import { TYPING_TTL_MS, type ConversationPresence } from '../../shared/contracts/collision';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';
import { findActiveConversationForContact } from '../db/queries/conversations';
import type { DomainContext } from '../domain/context';
import { visitorRoom, type WidgetPush } from '../domain/widget/delivery';
import { openVisitorSession, visitorContactId, visitorHistory, visitorRate, visitorSend, type VisitorSession } from '../domain/widget/visitors';
import { collisionRoom } from './collision';
import type { SwitchboardIo } from './socketServer';
import { guardPayloadSize } from './sizeGuard';

/** A widget event is a chat line: 64 KiB is plenty, far under the agents' 1 MiB. */
const VISITOR_PAYLOAD_BYTES = 64 * 1024;
/** New widget connections per client address a minute (a reload storm, a script gone wrong). */
const CONNECTIONS_PER_MINUTE = 60;
const TYPING_PER_WINDOW = 20;

interface VisitorData {
  visitor: VisitorSession;
}

const toBody = (error: unknown): ErrorBody =>
  error instanceof SwitchboardError ? error.toBody() : { code: 'internal', message: 'something went wrong; try again' };

/** A sliding count of events per key within a window. */
function rateLimiter(limit: number, windowMs: number) {
  const hits = new Map<string, number[]>();
  return (key: string, now = Date.now()): boolean => {
    const recent = (hits.get(key) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= limit) {
      hits.set(key, recent);
      return false;
    }
    recent.push(now);
    hits.set(key, recent);
    if (hits.size > 10_000) for (const [k, v] of hits) if (v.every((at) => now - at >= windowMs)) hits.delete(k);
    return true;
  };
}

export interface VisitorHub {
  /** Where replies to visitors go (domain/widget/delivery.ts). */
  push: WidgetPush;
  /** A presence picture of a conversation: tell its widget visitor whether an agent is typing. */
  onPicture(presence: ConversationPresence): void;
}

export function registerVisitorNamespace(io: SwitchboardIo, ctx: DomainContext): VisitorHub {
  const nsp: Namespace = io.of(VISITOR_NAMESPACE);
  const connectionsAllowed = rateLimiter(CONNECTIONS_PER_MINUTE, 60_000);
  const messagesAllowed = rateLimiter(WIDGET_RATE_MESSAGES, WIDGET_RATE_WINDOW_MS);
  const typingAllowed = rateLimiter(TYPING_PER_WINDOW, WIDGET_RATE_WINDOW_MS);

  nsp.use((socket, next) => {
    const refuse = (body: ErrorBody) => next(Object.assign(new Error(body.message), { data: body }));
    if (!connectionsAllowed(socket.handshake.address)) return refuse({ code: 'too_large', message: 'too many connections; wait a minute' });
    const parsed = WidgetHandshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return refuse({ code: 'invalid', message: describeIssues(parsed.error) });
    openVisitorSession(ctx, parsed.data, socket.handshake.headers.origin).then(
      (visitor) => {
        (socket.data as VisitorData).visitor = visitor;
        // The token has done its job: no copy kept per connection.
        delete (socket.handshake.auth as { visitorToken?: unknown }).visitorToken;
        next();
      },
      (error: unknown) => refuse(toBody(error)),
    );
  });

  nsp.on('connection', (socket: Socket) => {
    const visitor = (socket.data as VisitorData).visitor;
    void socket.join(visitorRoom(visitor.contactExternalId));
    guardPayloadSize(socket, VISITOR_PAYLOAD_BYTES);
    void visitorHistory(ctx, visitor).then(
      (messages) => {
        const session: WidgetSession = { visitorToken: visitor.token, visitorId: visitor.visitorId, verified: visitor.verified, messages };
        socket.emit(WIDGET_EVENTS.session, session);
      },
      (error: unknown) => console.error('[server] widget history failed', error),
    );

    const answer = <T>(ack: unknown, work: () => Promise<T>) => {
      const reply = typeof ack === 'function' ? (ack as (response: Ack<T>) => void) : () => undefined;
      work().then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => reply({ ok: false, error: toBody(error) }),
      );
    };
    const parse = <T>(schema: ZodType<T>, payload: unknown): T => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new SwitchboardError('invalid', describeIssues(parsed.error));
      return parsed.data;
    };

    socket.on(VISITOR_EVENTS.send, (payload: unknown, ack: unknown) =>
      answer(ack, async () => {
        const { clientId, text } = parse(VisitorSendSchema, payload);
        if (!messagesAllowed(visitor.visitorId)) throw new SwitchboardError('too_large', 'too many messages; wait a few seconds');
        const sent = await visitorSend(ctx, visitor, clientId, text);
        typing.stop();
        const line: WidgetMessage = { id: sent.messageId, from: 'customer', name: null, text, at: ctx.now().toISOString() };
        // The visitor's other tabs show it too.
        socket.to(visitorRoom(visitor.contactExternalId)).emit(WIDGET_EVENTS.message, line);
        return { messageId: sent.messageId, duplicate: sent.duplicate };
      }),
    );
    socket.on(VISITOR_EVENTS.typing, (payload: unknown, ack: unknown) =>
      answer(ack, async () => {
        const { typing: on } = parse(VisitorTypingSchema, payload);
        if (!typingAllowed(visitor.visitorId)) return { ok: true as const };
        if (on) await typing.start();
        else typing.stop();
        return { ok: true as const };
      }),
    );
    socket.on(VISITOR_EVENTS.rate, (payload: unknown, ack: unknown) =>
      answer(ack, async () => {
        const { kind, score } = parse(VisitorRateSchema, payload);
        await visitorRate(ctx, visitor, kind, score);
        return { ok: true as const };
      }),
    );

    // The customer's typing, told to the agents viewing their conversation (a lease, like theirs).
    let typingIn: string | null = null;
    let lapse: NodeJS.Timeout | null = null;
    const tell = (conversationId: string, on: boolean) =>
      io.to(collisionRoom(conversationId)).emit(SOCKET_EVENTS.customerTyping, { conversationId, typing: on });
    const typing = {
      async start() {
        if (lapse) clearTimeout(lapse);
        lapse = setTimeout(() => typing.stop(), TYPING_TTL_MS);
        lapse.unref();
        if (typingIn) return;
        const contactId = await visitorContactId(ctx, visitor);
        const conversation = contactId ? await findActiveConversationForContact(ctx.store.db, contactId, 'chat') : undefined;
        if (!conversation) return;
        typingIn = conversation.id;
        tell(conversation.id, true);
      },
      stop() {
        if (lapse) clearTimeout(lapse);
        lapse = null;
        if (typingIn) tell(typingIn, false);
        typingIn = null;
      },
    };
    socket.on('disconnect', () => typing.stop());
  });

  // Agents' typing, per conversation, to its widget visitor (only on change).
  const agentTyping = new Map<string, boolean>();
  const identitiesOf = async (conversationId: string): Promise<string[]> => {
    const rows = await ctx.store.db
      .selectFrom('conversations')
      .innerJoin('contact_identities', 'contact_identities.contact_id', 'conversations.contact_id')
      .innerJoin('widget_visitors', 'widget_visitors.contact_external_id', 'contact_identities.external_id')
      .select('widget_visitors.contact_external_id')
      .distinct()
      .where('conversations.id', '=', conversationId)
      .where('conversations.channel', '=', 'chat')
      .where('contact_identities.channel', '=', 'chat')
      .execute();
    return rows.map((row) => row.contact_external_id);
  };

  return {
    push: (room, message) => void nsp.to(room).emit(WIDGET_EVENTS.message, message),
    onPicture(presence) {
      const typists = presence.agents.filter((agent) => agent.typing);
      const on = typists.length > 0;
      if ((agentTyping.get(presence.conversationId) ?? false) === on) return;
      if (on) agentTyping.set(presence.conversationId, true);
      else agentTyping.delete(presence.conversationId);
      identitiesOf(presence.conversationId).then(
        (identities) => {
          for (const identity of identities) nsp.to(visitorRoom(identity)).emit(WIDGET_EVENTS.typing, { typing: on, name: typists[0]?.name ?? null });
        },
        (error: unknown) => console.error('[server] widget typing failed', error),
      );
    },
  };
}
