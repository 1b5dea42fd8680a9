/**
 * One crew member's connection to Switchboard, exactly like a workstation's: sign in over
 * `POST /api/v1/auth/login`, connect Socket.IO with the token, pull the visible change log page by
 * page, follow pokes, and push mutations with (clientId, mutationId) so the server applies each at
 * most once. No database access: the crew sees and changes only what the API lets an agent.
 *
 * Invariants: `onChanges` receives every change the member may see, at least once (snapshots are
 * idempotent); pushes go one at a time in order; after stop() nothing is sent and no timer is left.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { LoginResponseSchema } from '../../shared/contracts/http';
import {
  parseAck,
  parseServerEvent,
  SOCKET_EVENTS,
  type ClientEvent,
  type ClientInput,
  type ClientOutput,
} from '../../shared/contracts/socket';
import type { Change, MutationArgs, MutationName, MutationResult } from '../../shared/contracts/sync';
import type { Agent } from '../../shared/domain/model';
import { PULL_PAGE_MAX } from '../../shared/domain/limits';

export interface CrewConnectionOptions {
  baseUrl: string;
  email: string;
  password: string;
  onChanges(changes: Change[]): void;
  /** Caught up after (re)connecting: the member's view is complete. */
  onReady(): void;
  onError?(message: string): void;
}

const ACK_TIMEOUT_MS = 15_000;

export class CrewConnection {
  private socket: Socket | null = null;
  private cursor = 0;
  private nextMutationId = 1;
  private readonly clientId = randomUUID();
  private pushQueue: Promise<unknown> = Promise.resolve();
  private pulling = false;
  private pullAgain = false;
  private stopped = false;
  agent: Agent | null = null;

  constructor(private readonly options: CrewConnectionOptions) {}

  async start(): Promise<void> {
    const token = await this.login();
    if (this.stopped) return;
    const socket = io(this.options.baseUrl, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3_000,
    });
    this.socket = socket;
    socket.on('connect', () => void this.pull().then(() => !this.stopped && this.options.onReady()));
    socket.on('connect_error', (error: Error) => {
      if (error.message !== 'unauthorized' || this.stopped) return;
      // The session expired: sign in again, as a person would, and let socket.io retry.
      this.login().then(
        (fresh) => {
          socket.auth = { token: fresh };
          if (!this.stopped) socket.connect();
        },
        (failure: unknown) => this.report(failure),
      );
    });
    socket.on(SOCKET_EVENTS.poke, (payload: unknown) => this.onPoke(payload));
    socket.on(SOCKET_EVENTS.revoked, () => socket.disconnect());
  }

  stop(): void {
    this.stopped = true;
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Sends one mutation (after the ones before it) and returns the server's result, or null if it never got one. */
  push<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<MutationResult | null> {
    const mutationId = this.nextMutationId++;
    const run = async (): Promise<MutationResult | null> => {
      // One resend after a lost answer: the server dedupes (clientId, mutationId).
      for (let attempt = 0; attempt < 2 && !this.stopped; attempt++) {
        try {
          const response = await this.request(SOCKET_EVENTS.push, {
            clientId: this.clientId,
            mutations: [{ mutationId, name, args }],
          });
          return response.results[0] ?? null;
        } catch (error) {
          this.report(error);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
      return null;
    };
    const result = this.pushQueue.then(run);
    this.pushQueue = result.catch(() => null);
    return result;
  }

  private async login(): Promise<string> {
    const response = await fetch(`${this.options.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: this.options.email, password: this.options.password }),
    });
    if (response.status !== 200) throw new Error(`sign-in of ${this.options.email} failed: ${response.status}`);
    const parsed = LoginResponseSchema.parse(await response.json());
    this.agent = parsed.agent;
    return parsed.token;
  }

  private onPoke(payload: unknown): void {
    const poke = parseServerEvent(SOCKET_EVENTS.poke, payload);
    if (!poke || this.stopped) return;
    const { from, to, changes } = poke;
    this.options.onChanges(changes);
    if (from === this.cursor + 1) this.cursor = to;
    else if (to > this.cursor) void this.pull();
  }

  private async pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    try {
      do {
        this.pullAgain = false;
        for (;;) {
          const page = await this.request(SOCKET_EVENTS.pull, { cursor: this.cursor, limit: PULL_PAGE_MAX });
          this.options.onChanges(page.changes);
          const moved = page.cursor > this.cursor;
          this.cursor = Math.max(this.cursor, page.cursor);
          if (!page.hasMore || !moved) break;
        }
      } while (this.pullAgain && !this.stopped);
    } catch (error) {
      this.report(error);
    } finally {
      this.pulling = false;
    }
  }

  private async request<E extends ClientEvent>(event: E, payload: ClientInput<E>): Promise<ClientOutput<E>> {
    const socket = this.socket;
    if (!socket?.connected) throw new Error('not connected');
    const ack: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
    return parseAck(event, ack);
  }

  private report(error: unknown): void {
    if (this.stopped) return;
    this.options.onError?.(error instanceof Error ? error.message : String(error));
  }
}
