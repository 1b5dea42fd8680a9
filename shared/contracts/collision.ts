/**
 * Collision detection on the wire: who else is viewing or typing in a conversation. Ephemeral by
 * design: these events never enter the change log, nothing is stored, and a reconnect starts
 * from nothing (the core re-announces what it is looking at).
 *
 * Socket events (shared/contracts/socket.ts):
 * - client → server `conversation.presence` `{ conversationId, viewing, typing }` with an ack
 *   `{ conversationId, agents }` (everyone currently there, the caller included).
 * - server → client `conversation.presenceChanged` `{ conversationId, agents, asOf }` to the
 *   sockets that view the conversation, whenever someone starts or stops viewing or typing.
 * - RPC `collision.set` (renderer → core) and the rpc event `collision.changed` (core → windows),
 *   spread into shared/contracts/rpc.ts. The core leaves the signed-in agent out of `agents`.
 *
 * Typing is a lease: it lapses TYPING_TTL_MS after the last `typing: true` unless refreshed.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(64);
const Instant = z.string().min(1).max(40);

/** A typing report lapses this long after it was last refreshed. */
export const TYPING_TTL_MS = 6_000;
/** How often a composer refreshes `typing: true` while the agent keeps typing. */
export const TYPING_REFRESH_MS = 2_500;

export const PresenceReportSchema = z
  .object({ conversationId: Id, viewing: z.boolean(), typing: z.boolean() })
  .strict();
export type PresenceReport = z.infer<typeof PresenceReportSchema>;

export const ConversationPresenceAgentSchema = z.object({
  agentId: Id,
  name: z.string().max(200),
  viewing: z.boolean(),
  typing: z.boolean(),
  /** When this agent's viewing / typing last changed. */
  at: Instant,
});
export type ConversationPresenceAgent = z.infer<typeof ConversationPresenceAgentSchema>;

export const ConversationPresenceSchema = z.object({
  conversationId: Id,
  agents: z.array(ConversationPresenceAgentSchema).max(500),
  /** When the server took this picture; a client keeps the newest one per conversation. */
  asOf: Instant,
});
export type ConversationPresence = z.infer<typeof ConversationPresenceSchema>;

/** The customer is typing in the web chat widget (a lease like an agent's: lapses after TYPING_TTL_MS). */
export const CustomerTypingSchema = z.object({ conversationId: Id, typing: z.boolean() });
export type CustomerTyping = z.infer<typeof CustomerTypingSchema>;

export const CollisionRpcContract = {
  /** Report what this workstation does in a conversation; answers who else is there (offline: nobody). */
  'collision.set': {
    input: PresenceReportSchema,
    output: z.object({ agents: z.array(ConversationPresenceAgentSchema) }),
  },
} as const;

export const CollisionRpcEvents = {
  /** Others started or stopped viewing or typing in a conversation this workstation looks at. */
  'collision.changed': z.object({
    conversationId: z.string(),
    agents: z.array(ConversationPresenceAgentSchema),
  }),
  /** The customer started or stopped typing in the web chat widget. */
  'collision.customerTyping': CustomerTypingSchema,
} as const;
