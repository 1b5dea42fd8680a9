/**
 * What a test does over a real socket, as a client would: push mutations (one per push, each with
 * its own id), pull the changes the socket's user may see since its last pull, and read a
 * conversation's version to base a mutation on.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import type { Change, MutationName, MutationResult, PullResponse, PushResponse } from '../../../shared/contracts/sync';
import { connectSocket, type TestServer } from './harness';

export interface SocketSync {
  /** Pushes one mutation; its result (a refusal is a result, not an error). */
  push(socket: Socket, name: MutationName, args: unknown): Promise<MutationResult>;
  /** Pushes one mutation that must be applied; throws with the server's message otherwise. */
  pushOk(socket: Socket, name: MutationName, args: unknown): Promise<MutationResult>;
  /** The changes this socket's user may see since its last pull (every page). */
  pullNew(socket: Socket): Promise<Change[]>;
}

export function socketSync(): SocketSync {
  const cursors = new Map<Socket, number>();
  let mutationId = 0;
  const push = async (socket: Socket, name: MutationName, args: unknown): Promise<MutationResult> => {
    const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
      clientId: randomUUID(),
      mutations: [{ mutationId: ++mutationId, name, args }],
    })) as Ack<PushResponse>;
    if (!ack.ok) throw new Error(ack.error.message);
    return ack.data.results[0]!;
  };
  return {
    push,
    async pushOk(socket, name, args) {
      const result = await push(socket, name, args);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result;
    },
    async pullNew(socket) {
      const changes: Change[] = [];
      for (;;) {
        const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.pull, {
          cursor: cursors.get(socket) ?? 0,
          limit: 1_000,
        })) as Ack<PullResponse>;
        if (!ack.ok) throw new Error(ack.error.message);
        changes.push(...ack.data.changes);
        cursors.set(socket, ack.data.cursor);
        if (!ack.data.hasMore) return changes;
      }
    },
  };
}

/** The conversation's current version on the server, for a mutation's `baseVersion`. */
export async function conversationVersion(server: TestServer, conversationId: string): Promise<number> {
  const row = await server.db.db
    .selectFrom('conversations')
    .select('version')
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** The demo crew a quality-review suite signs in: an agent, the reviewer, the lead and the admin. */
export const QA_CREW = {
  agent: 'li.na@demo.switchboard',
  reviewer: 'zhou.min@demo.switchboard',
  lead: 'liu.yang@demo.switchboard',
  admin: 'admin@demo.switchboard',
} as const;

/** Signs each one in and opens their socket, filling `tokens` and `sockets` by the same keys. */
export async function signInCrew<K extends string>(
  server: TestServer,
  emails: Record<K, string>,
  tokens: Record<K, string>,
  sockets: Record<K, Socket>,
): Promise<void> {
  for (const [who, email] of Object.entries(emails) as [K, string][]) {
    const { token } = await server.login(email);
    tokens[who] = token;
    sockets[who] = await connectSocket(server.url, token, server);
  }
}
