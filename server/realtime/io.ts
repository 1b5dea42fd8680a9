/**
 * Socket.IO on the HTTP server Fastify owns. The handshake requires `auth.token` (a login token:
 * valid signature, not expired, session not revoked); it runs again on every reconnect, so a
 * revoked or expired session cannot come back. With a Redis URL the rooms are shared across
 * nodes through @socket.io/redis-adapter (two connections: pub and its duplicate()).
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { type SyncHead } from '../../shared/contracts/sync';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { registerHandlers, socketHandlers } from './handlers';
import type { SwitchboardIo } from './socketServer';
import { guardPayloadSize, SOCKET_FRAME_LIMIT_BYTES } from './sizeGuard';
import { createCollisionHub } from './collision';
import { registerVisitorNamespace, type VisitorHub } from './visitors';
import { ADMIN_ROOM, agentRoom, leadRoom, sessionRoom, teamRoom } from './pokes';
import { openRedisBus, type RedisSide, type RedisState } from './redisBus';
import { headSeq } from '../db/queries/changes';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';

export interface Realtime {
  io: SwitchboardIo;
  /** Tells the session's sockets (`session.revoked`) and disconnects them, on every node. */
  disconnectSession(sessionId: string): void;
  /** The web chat widget's namespace: replies pushed to visitors. */
  visitors: VisitorHub;
  /** Whether the Redis adapter's connections are both ready; null on a single node without Redis. */
  redisState(): RedisState | null;
  close(): Promise<void>;
}

export interface RealtimeOptions {
  path?: string;
  redisUrl?: string;
}

export type { SocketData } from './socketServer';

// setTimeout cannot wait longer than this.
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function createRealtime(
  httpServer: HttpServer,
  ctx: DomainContext,
  options: RealtimeOptions = {},
): Promise<Realtime> {
  const io: SwitchboardIo = new Server(httpServer, {
    path: options.path ?? '/socket.io',
    maxHttpBufferSize: SOCKET_FRAME_LIMIT_BYTES,
    serveClient: false,
    cors: { origin: false },
  });

  let closeRedis = async () => {};
  let redisState = (): RedisState | null => null;
  if (options.redisUrl) {
    const bus = await openRedisBus(options.redisUrl, {
      onRestored: (side) => void nudgeAfterOutage(io, ctx, side),
    });
    io.adapter(createAdapter(bus.pub, bus.sub));
    closeRedis = () => bus.close();
    redisState = () => bus.state();
  }

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    authenticate(ctx, token).then(
      (auth) => {
        socket.data.auth = auth;
        // The bearer token has done its job: do not keep a copy per connection for its lifetime.
        delete (socket.handshake.auth as { token?: unknown }).token;
        next();
      },
      () => next(new Error('unauthorized')),
    );
  });

  const visitors = registerVisitorNamespace(io, ctx);
  const collision = createCollisionHub(io, ctx, (presence) => visitors.onPicture(presence));
  io.on('connection', (socket) => {
    const { auth } = socket.data;
    const rooms = [agentRoom(auth.agent.id), sessionRoom(auth.sessionId)];
    // Reviewers see no queue yet (visibility.ts), so they join no team room.
    if (auth.agent.role === 'agent' || auth.agent.role === 'lead')
      rooms.push(...auth.agent.teamIds.map(teamRoom));
    if (auth.agent.role === 'admin') rooms.push(ADMIN_ROOM);
    if (auth.agent.role === 'lead') rooms.push(...auth.agent.teamIds.map(leadRoom));
    void socket.join(rooms);
    guardPayloadSize(socket);
    registerHandlers(socket, socketHandlers(ctx, socket, auth, collision));
    collision.register(socket);

    const untilExpiry = auth.expiresAt.getTime() - ctx.now().getTime();
    const expiry = setTimeout(
      () => socket.disconnect(true),
      Math.max(0, Math.min(untilExpiry, MAX_TIMER_MS)),
    );
    expiry.unref();
    socket.on('disconnect', () => clearTimeout(expiry));
  });

  return {
    io,
    visitors,
    redisState: () => redisState(),
    disconnectSession(sessionId) {
      const room = sessionRoom(sessionId);
      io.to(room).emit(SOCKET_EVENTS.revoked, { reason: 'revoked' });
      // A disconnect packet follows the event on the same connection, so the event arrives first.
      io.in(room).disconnectSockets(false);
    },
    async close() {
      collision.close();
      io.disconnectSockets(true);
      io.engine.close();
      await closeRedis();
    },
  };
}

/**
 * After a Redis outage, pokes published meanwhile reached no other node: tell clients the change
 * log's head so those behind pull. The subscriber coming back covers what this node's sockets
 * missed (sent to them alone); the publisher coming back covers what other nodes' sockets missed
 * of this node's commits (sent through the adapter to every node).
 */
async function nudgeAfterOutage(io: Realtime['io'], ctx: DomainContext, side: RedisSide): Promise<void> {
  try {
    const head: SyncHead = { seq: await headSeq(ctx.store.db) };
    if (side === 'sub') io.local.emit(SOCKET_EVENTS.head, head);
    else io.emit(SOCKET_EVENTS.head, head);
  } catch (error) {
    console.error('[server] head nudge after the Redis outage failed', error);
  }
}
