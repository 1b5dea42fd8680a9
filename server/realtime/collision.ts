/**
 * Collision detection: who is viewing or typing in a conversation. Ephemeral: nothing is written
 * to the database or the change log. Each socket keeps its own reports in `socket.data.collision`
 * and joins the room `collision:<conversationId>` while it views or types there; the picture of a
 * conversation is read back with `fetchSockets()`, which the Redis adapter answers from every
 * node, and broadcast to that room, which the adapter also carries across nodes.
 *
 * Invariants:
 * - Only sockets whose agent may see the conversation (shared/domain/visibility.ts) join its room
 *   or appear in its picture; anyone else gets `forbidden` and nothing is broadcast. A granted
 *   permission is re-read after AUTHORIZED_FOR_MS, so a transfer away takes effect within that.
 * - Typing is a lease of TYPING_TTL_MS; a refresh that changes nothing broadcasts nothing.
 * - Broadcasts are coalesced per conversation (COALESCE_MS), so a burst costs one picture.
 * - A disconnect drops the socket's reports (Socket.IO leaves its rooms) and re-announces.
 */
import type { Socket } from 'socket.io';
import {
  TYPING_TTL_MS,
  type ConversationPresence,
  type ConversationPresenceAgent,
  type PresenceReport,
} from '../../shared/contracts/collision';
import { SwitchboardError } from '../../shared/contracts/errors';
import { canSeeConversation } from '../../shared/domain/visibility';
import { conversationFromRow, getConversationRow } from '../db/queries/conversations';
import type { AuthenticatedAgent } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';
import type { SwitchboardIo } from './socketServer';

const COALESCE_MS = 25;
/** A socket's permission for a conversation is re-read at most this often (typing refreshes are frequent). */
const AUTHORIZED_FOR_MS = 5_000;
/** A socket reports on at most this many conversations at once (a window per open conversation). */
const MAX_CONVERSATIONS_PER_SOCKET = 20;

/** What one socket reports about one conversation; lives in socket.data so other nodes can read it. */
interface SocketReport {
  viewing: boolean;
  typing: boolean;
  at: string;
}
interface CollisionData {
  auth: AuthenticatedAgent;
  collision?: Record<string, SocketReport>;
}

export const collisionRoom = (conversationId: string) => `collision:${conversationId}`;

export interface CollisionHub {
  /** Forgets the socket's reports when it disconnects. */
  register(socket: Socket): void;
  /** The answer to `conversation.presence`: authorized, recorded, then the conversation's picture. */
  report(socket: Socket, auth: AuthenticatedAgent, report: PresenceReport): Promise<ConversationPresence>;
  close(): void;
}


/** `onPicture`: every picture broadcast (the widget tells its visitor when an agent types). */
export function createCollisionHub(io: SwitchboardIo, ctx: DomainContext, onPicture?: (presence: ConversationPresence) => void): CollisionHub {
  const typingTimers = new Map<string, NodeJS.Timeout>(); // `${socketId}|${conversationId}`
  const authorizedUntil = new WeakMap<Socket, Map<string, number>>();
  const pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const reportsOf = (socket: Socket): Record<string, SocketReport> => {
    const data = socket.data as CollisionData;
    data.collision ??= {};
    return data.collision;
  };

  async function picture(conversationId: string): Promise<ConversationPresence> {
    const asOf = ctx.now().toISOString();
    const sockets = await io.in(collisionRoom(conversationId)).fetchSockets();
    const byAgent = new Map<string, ConversationPresenceAgent>();
    for (const remote of sockets) {
      const data = remote.data as CollisionData | undefined;
      const report = data?.collision?.[conversationId];
      if (!data?.auth || !report) continue;
      const agent = data.auth.agent;
      const seen = byAgent.get(agent.id);
      // One agent on several devices is one person: there if any device is, latest change wins.
      byAgent.set(agent.id, {
        agentId: agent.id,
        name: agent.name,
        viewing: report.viewing || (seen?.viewing ?? false),
        typing: report.typing || (seen?.typing ?? false),
        at: seen && seen.at > report.at ? seen.at : report.at,
      });
    }
    const agents = [...byAgent.values()].sort((a, b) => a.at.localeCompare(b.at) || a.agentId.localeCompare(b.agentId));
    return { conversationId, agents, asOf };
  }

  function announce(conversationId: string): void {
    if (closed) return;
    pending.add(conversationId);
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      const ids = [...pending];
      pending.clear();
      for (const id of ids) {
        picture(id).then(
          (presence) => {
            io.to(collisionRoom(id)).emit(SOCKET_EVENTS.presenceChanged, presence);
            onPicture?.(presence);
          },
          (error: unknown) => console.error('[server] collision picture failed', error),
        );
      }
    }, COALESCE_MS);
  }

  function clearTyping(socket: Socket, conversationId: string): void {
    const key = `${socket.id}|${conversationId}`;
    const timer = typingTimers.get(key);
    if (timer) clearTimeout(timer);
    typingTimers.delete(key);
  }

  function armTyping(socket: Socket, conversationId: string): void {
    clearTyping(socket, conversationId);
    const key = `${socket.id}|${conversationId}`;
    const timer = setTimeout(() => {
      typingTimers.delete(key);
      const report = reportsOf(socket)[conversationId];
      if (!report?.typing) return;
      apply(socket, conversationId, { viewing: report.viewing, typing: false });
    }, TYPING_TTL_MS);
    timer.unref();
    typingTimers.set(key, timer);
  }

  /** Records the socket's report; announces only when viewing or typing actually changed. */
  function apply(socket: Socket, conversationId: string, next: { viewing: boolean; typing: boolean }): void {
    const reports = reportsOf(socket);
    const before = reports[conversationId];
    if (next.typing) armTyping(socket, conversationId);
    else clearTyping(socket, conversationId);
    if (!next.viewing && !next.typing) {
      if (!before) return;
      delete reports[conversationId];
      void socket.leave(collisionRoom(conversationId));
      announce(conversationId);
      return;
    }
    if (before && before.viewing === next.viewing && before.typing === next.typing) return;
    reports[conversationId] = { ...next, at: ctx.now().toISOString() };
    if (!before) void socket.join(collisionRoom(conversationId));
    announce(conversationId);
  }

  async function authorize(socket: Socket, auth: AuthenticatedAgent, conversationId: string): Promise<void> {
    const granted = authorizedUntil.get(socket) ?? new Map<string, number>();
    authorizedUntil.set(socket, granted);
    const now = Date.now();
    if ((granted.get(conversationId) ?? 0) > now) return;
    granted.delete(conversationId);
    const row = await getConversationRow(ctx.store.db, conversationId);
    if (!row) throw new SwitchboardError('not_found', `conversation ${conversationId} does not exist`);
    if (!canSeeConversation(auth.viewer, conversationFromRow(row)))
      throw new SwitchboardError('forbidden', 'you may not see this conversation');
    if (granted.size >= MAX_CONVERSATIONS_PER_SOCKET * 2) granted.clear();
    granted.set(conversationId, now + AUTHORIZED_FOR_MS);
  }

  /** The ack of `conversation.presence` (its payload validated by the contract): authorized, then the conversation's picture. */
  async function report(socket: Socket, auth: AuthenticatedAgent, parsed: PresenceReport): Promise<ConversationPresence> {
    const { conversationId, viewing, typing } = parsed;
    const reports = reportsOf(socket);
    // Leaving needs no permission: a conversation transferred away must still be left.
    if (!viewing && !typing && reports[conversationId]) {
      apply(socket, conversationId, parsed);
      return { conversationId, agents: [], asOf: ctx.now().toISOString() };
    }
    try {
      await authorize(socket, auth, conversationId);
    } catch (error) {
      if (reports[conversationId]) apply(socket, conversationId, { viewing: false, typing: false });
      throw error;
    }
    if (!reports[conversationId] && Object.keys(reports).length >= MAX_CONVERSATIONS_PER_SOCKET)
      throw new SwitchboardError('too_large', `at most ${MAX_CONVERSATIONS_PER_SOCKET} conversations at once`);
    if (socket.disconnected) return { conversationId, agents: [], asOf: ctx.now().toISOString() };
    apply(socket, conversationId, parsed);
    return picture(conversationId);
  }

  return {
    report,

    register(socket) {
      socket.on('disconnect', () => {
        const reports = (socket.data as CollisionData).collision ?? {};
        for (const conversationId of Object.keys(reports)) {
          clearTyping(socket, conversationId);
          announce(conversationId);
        }
        (socket.data as CollisionData).collision = {};
      });
    },

    close() {
      closed = true;
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      for (const timer of typingTimers.values()) clearTimeout(timer);
      typingTimers.clear();
    },
  };
}
