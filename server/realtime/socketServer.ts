/** The server's Socket.IO type, its event maps derived from the contract (shared/contracts/socket.ts). */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contracts/socket';
import type { AuthenticatedAgent } from '../domain/auth';

export interface SocketData {
  auth: AuthenticatedAgent;
}

/** Nodes talk to each other only through the adapter's own protocol. */
type InterServerEvents = Record<never, never>;

export type SwitchboardIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type SwitchboardSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
