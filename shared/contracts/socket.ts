/**
 * Every Socket.IO event between a client (a workstation core, the demo crew) and the server, in
 * one place.
 *
 * - A client event carries `input` and answers through its ack with `Ack<output>`: the server
 *   registers one handler per key of CLIENT_EVENTS (server/realtime/handlers.ts), validates the
 *   input with its schema and answers unknown events `unknown_event`; clients read the answer with
 *   `parseAck`, which validates it against `output` (the server is a trust edge too).
 * - A server event carries one payload; clients parse it with its SERVER_EVENTS schema and drop
 *   what does not match.
 * - Socket.IO's event-map generics (`ClientToServerEvents`, `ServerToClientEvents`) are derived
 *   from these maps, so an emit with a wrong payload does not compile.
 */
import { z } from 'zod';
import { ConversationPresenceSchema, CustomerTypingSchema, PresenceReportSchema } from './collision';
import { ErrorBodySchema, SwitchboardError, type ErrorBody } from './errors';
import { SlaNoticeSchema } from './sla';
import {
  PokeSchema,
  PullRequestSchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  SyncHeadSchema,
} from './sync';

/** Client → server, each with an ack. */
export const CLIENT_EVENTS = {
  /** The changes after a cursor that the caller may see (DESIGN.md "Sync model"). */
  'sync.pull': { input: PullRequestSchema, output: PullResponseSchema },
  /** A batch of the outbox's mutations, applied in order; one result per mutation. */
  'sync.push': { input: PushRequestSchema, output: PushResponseSchema },
  /** What this workstation does in a conversation (viewing, typing); answers who is there. */
  'conversation.presence': { input: PresenceReportSchema, output: ConversationPresenceSchema },
} as const;

/** The session was revoked (signed out elsewhere, or by an admin); a disconnect follows. */
export const SessionRevokedSchema = z.object({ reason: z.literal('revoked') });

/** Server → client. */
export const SERVER_EVENTS = {
  /** After a commit: its seq range and the changes this room may see. */
  'sync.poke': PokeSchema,
  /** The change log's head, when pokes may have been lost (a Redis outage between nodes). */
  'sync.head': SyncHeadSchema,
  'session.revoked': SessionRevokedSchema,
  /** Someone started or stopped viewing or typing in a conversation this socket views. */
  'conversation.presenceChanged': ConversationPresenceSchema,
  'sla.warning': SlaNoticeSchema,
  'sla.breached': SlaNoticeSchema,
  /** The customer started or stopped typing in the web chat widget (sent to the sockets viewing the conversation). */
  'conversation.customerTyping': CustomerTypingSchema,
} as const;

export type ClientEvent = keyof typeof CLIENT_EVENTS;
export type ServerEvent = keyof typeof SERVER_EVENTS;
export type ClientInput<E extends ClientEvent> = z.infer<(typeof CLIENT_EVENTS)[E]['input']>;
export type ClientOutput<E extends ClientEvent> = z.infer<(typeof CLIENT_EVENTS)[E]['output']>;
export type ServerPayload<E extends ServerEvent> = z.infer<(typeof SERVER_EVENTS)[E]>;

/** Short names for the events, for code that emits or listens. */
export const SOCKET_EVENTS = {
  pull: 'sync.pull',
  push: 'sync.push',
  presence: 'conversation.presence',
  poke: 'sync.poke',
  head: 'sync.head',
  revoked: 'session.revoked',
  presenceChanged: 'conversation.presenceChanged',
  slaWarning: 'sla.warning',
  slaBreached: 'sla.breached',
  customerTyping: 'conversation.customerTyping',
} as const satisfies Record<string, ClientEvent | ServerEvent>;

export const CLIENT_EVENT_NAMES = Object.keys(CLIENT_EVENTS) as ClientEvent[];
export const SERVER_EVENT_NAMES = Object.keys(SERVER_EVENTS) as ServerEvent[];

export function isClientEvent(event: string): event is ClientEvent {
  return Object.hasOwn(CLIENT_EVENTS, event);
}

/** Every ack is either a typed error or the event's response. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type ClientToServerEvents = {
  [E in ClientEvent]: (payload: ClientInput<E>, ack: (response: Ack<ClientOutput<E>>) => void) => void;
};
export type ServerToClientEvents = { [E in ServerEvent]: (payload: ServerPayload<E>) => void };

const AckEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorBodySchema }),
]);

/**
 * The data of a client event's ack, validated against its output schema. A typed error from the
 * server is thrown as that SwitchboardError; anything malformed is `internal`.
 */
export function parseAck<E extends ClientEvent>(event: E, raw: unknown): ClientOutput<E> {
  const envelope = AckEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new SwitchboardError('internal', `Unexpected ${event} answer from the server.`);
  if (!envelope.data.ok) throw new SwitchboardError(envelope.data.error.code, envelope.data.error.message || `${event} failed.`);
  const schema: z.ZodType = CLIENT_EVENTS[event].output;
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) throw new SwitchboardError('internal', `Unexpected ${event} response from the server.`);
  return data.data as ClientOutput<E>;
}

/** A server event's payload, or null when it does not match the contract. */
export function parseServerEvent<E extends ServerEvent>(event: E, payload: unknown): ServerPayload<E> | null {
  const schema: z.ZodType = SERVER_EVENTS[event];
  const parsed = schema.safeParse(payload);
  return parsed.success ? (parsed.data as ServerPayload<E>) : null;
}
