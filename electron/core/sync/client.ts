/**
 * The live connection to the central server (socket.io-client 4.8).
 *
 * - On connect: pull pages until !hasMore (each page applied with its cursor move in one
 *   transaction), then drain the outbox.
 * - On a poke: changes that follow the cursor contiguously are applied and the cursor moves to
 *   `to` in the same transaction. Otherwise the changes are applied at once for latency (snapshots
 *   are idempotent and seq-guarded) WITHOUT moving the cursor, and one coalesced pull closes the gap.
 * - The server sends one flush as several pokes over the same range (one per audience), so the
 *   cursor may pass changes whose poke is still on the way. Each cursor move by a poke also
 *   records a floor (the lowest `from - 1` of the pokes in the last POKE_FLOOR_WINDOW_MS), and the
 *   catch-up pull after a reconnect or a restart starts there: a connection cut between two
 *   pokes of one flush costs a short re-pull, never a change.
 * - The outbox is sent in mutation-id order, at most PUSH_BATCH_MAX per batch, one batch in flight.
 *   Unacknowledged rows stay and are resent after reconnect; the server dedupes (clientId, mutationId).
 */
import { io } from 'socket.io-client';
import { SwitchboardError, type ErrorCode } from '../../../shared/contracts/errors';
import type { SyncState, SyncStatus } from '../../../shared/contracts/rpc';
import type { SlaNotice } from '../../../shared/contracts/sla';
import {
  parseAck,
  parseServerEvent,
  SERVER_EVENT_NAMES,
  SOCKET_EVENTS,
  type ClientEvent,
  type ClientInput,
  type ClientOutput,
  type ServerEvent,
  type ServerPayload,
} from '../../../shared/contracts/socket';
import type { MutationResult, Poke, SyncHead } from '../../../shared/contracts/sync';
import { PULL_PAGE_MAX, PUSH_BATCH_MAX } from '../../../shared/domain/limits';
import type { Db } from '../db/database';
import { clearPokeFloor, getClientId, getCursor, getPokeFloor } from '../db/queries/meta';
import { markOutboxSent, nextOutboxBatch, outboxCount } from '../db/queries/outbox';
import { applyChanges, type ApplyResult } from './apply';
import { acknowledge, type Rejection } from './outbox';

/**
 * The part of a socket.io-client Socket the sync client uses (a fake one in unit tests). Server
 * events arrive unvalidated (the server is a trust edge) and are parsed by the contract here.
 */
export interface SyncSocket {
  readonly connected: boolean;
  on(
    event: ServerEvent | 'connect' | 'disconnect' | 'connect_error',
    listener: (...args: never[]) => void,
  ): unknown;
  timeout(ms: number): {
    emitWithAck<E extends ClientEvent>(event: E, payload: ClientInput<E>): Promise<unknown>;
  };
  connect(): unknown;
  disconnect(): unknown;
}
export type SocketFactory = (serverUrl: string, token: string) => SyncSocket;

export const defaultSocketFactory: SocketFactory = (serverUrl, token) =>
  io(serverUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    // At most ~3 s (2 s ± 50 %) between attempts, so a restarted server is found again well within
    // the 5 s convergence goal; the jitter spreads a whole centre's reconnects.
    reconnectionDelayMax: 2_000,
    randomizationFactor: 0.5,
    autoConnect: false,
  }) as unknown as SyncSocket;

export interface SyncClientOptions {
  db: Db;
  serverUrl: string;
  token: string;
  createSocket?: SocketFactory;
  ackTimeoutMs?: number;
  /** Delay before retrying a pull or push that failed while connected. */
  retryDelayMs?: number;
  onApplied(result: ApplyResult): void;
  onRejected(rejection: Rejection): void;
  onStatus(status: SyncStatus): void;
  onSessionEnded(reason: string): void;
  /** The server's SLA scheduler warned or breached a conversation this socket may see. */
  onSlaNotice?(notice: SlaNotice): void;
  /** Listeners for further server → client events, given payloads the contract accepted. */
  serverEvents?: { [E in ServerEvent]?: (payload: ServerPayload<E>) => void };
}

/** Pokes of one flush leave the server within microseconds; a second covers any straggler. */
export const POKE_FLOOR_WINDOW_MS = 1_000;
/** How far apart the pulls that one head nudge starts are spread. */
export const HEAD_PULL_JITTER_MS = 250;

const PERMANENT_PUSH_ERRORS = new Set<ErrorCode>([
  'invalid',
  'too_large',
  'forbidden',
  'not_found',
  'unknown_event',
]);

export class SyncClient {
  private socket: SyncSocket | null = null;
  private pulling = false;
  private pullAgain = false;
  private pullScheduled = false;
  private pushing = false;
  private caughtUp = false;
  private stopped = true;
  private lastError: string | null = null;
  private lastStatusKey = '';
  private retryTimer: NodeJS.Timeout | null = null;
  private floor: { seq: number; at: number } | null = null;

  constructor(private readonly options: SyncClientOptions) {}

  start(): void {
    if (this.socket) return;
    this.stopped = false;
    const socket = (this.options.createSocket ?? defaultSocketFactory)(
      this.options.serverUrl,
      this.options.token,
    );
    this.socket = socket;
    const on = (event: 'connect' | 'disconnect' | 'connect_error', listener: (...args: unknown[]) => void) =>
      socket.on(event, listener as (...args: never[]) => void);
    /** A server event whose payload the contract accepts; anything else is dropped. */
    const onServer = <E extends ServerEvent>(event: E, listener: (payload: ServerPayload<E>) => void) =>
      socket.on(event, ((payload: unknown) => {
        const parsed = parseServerEvent(event, payload);
        if (parsed !== null) listener(parsed);
      }) as (...args: never[]) => void);
    on('connect', () => {
      this.caughtUp = false;
      this.lastError = null;
      this.emitStatus();
      void this.catchUp();
    });
    on('disconnect', (reason) => {
      this.caughtUp = false;
      this.emitStatus();
      // socket.io does not reconnect after a server-side disconnect (e.g. token expiry). Try
      // once more: the handshake then either succeeds or fails as 'unauthorized' (session ended).
      if (reason === 'io server disconnect' && !this.stopped) {
        setTimeout(() => {
          if (!this.stopped && socket === this.socket && !socket.connected) socket.connect();
        }, this.options.retryDelayMs ?? 2_000);
      }
    });
    on('connect_error', (error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (message === 'unauthorized') this.endSession('Your session has expired. Please sign in again.');
      else {
        this.lastError = message;
        this.emitStatus();
      }
    });
    onServer(SOCKET_EVENTS.poke, (poke) => this.onPoke(poke));
    onServer(SOCKET_EVENTS.head, (head) => this.onHead(head));
    onServer(SOCKET_EVENTS.revoked, () => this.endSession('You were signed out by the server.'));
    for (const event of [SOCKET_EVENTS.slaWarning, SOCKET_EVENTS.slaBreached])
      onServer(event, (notice) => this.options.onSlaNotice?.(notice));
    const further = this.options.serverEvents ?? {};
    for (const event of SERVER_EVENT_NAMES) {
      const listener = further[event] as ((payload: unknown) => void) | undefined;
      if (listener) onServer(event, listener);
    }
    socket.connect();
    this.emitStatus();
  }

  /** After stop() the client never touches the database again (the core may close it). */
  stop(): void {
    if (this.stopped && !this.socket) return;
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.emitStatus();
    socket?.disconnect();
  }

  /** Drop the connection but keep working offline (writes queue in the outbox). */
  goOffline(): void {
    this.socket?.disconnect();
  }

  goOnline(): void {
    if (this.socket && !this.socket.connected) this.socket.connect();
  }

  /**
   * After the machine slept: a connection that looks open may be dead, so drop it and connect
   * again at once (the catch-up on connect fetches what changed). Left alone while offline by
   * choice or not yet connected (socket.io's own retries are running).
   */
  reconnect(): void {
    const socket = this.socket;
    if (!socket || this.stopped || !socket.connected) return;
    socket.disconnect();
    socket.connect();
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  status(): SyncStatus {
    let state: SyncState;
    if (this.stopped) state = 'signedOut';
    else if (!this.connected) state = 'offline';
    else if (!this.caughtUp || this.pulling || this.pushing) state = 'syncing';
    else state = 'online';
    return {
      state,
      pending: outboxCount(this.options.db),
      cursor: getCursor(this.options.db),
      lastError: this.lastError,
    };
  }

  /** Emit the status when state, pending count or error changed. */
  emitStatus(): void {
    if (this.stopped && this.lastStatusKey.startsWith('signedOut')) return;
    const status = this.status();
    const key = `${status.state}|${status.pending}|${status.lastError ?? ''}`;
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.options.onStatus(status);
  }

  private endSession(reason: string): void {
    this.stop();
    this.options.onSessionEnded(reason);
  }

  private async catchUp(): Promise<void> {
    await this.pull(true);
    await this.drain();
    if (this.connected) this.caughtUp = true;
    this.emitStatus();
  }

  private onPoke({ from, to, changes }: Poke): void {
    if (this.stopped) return;
    const { db } = this.options;
    const cursor = getCursor(db);
    const contiguous = from === cursor + 1;
    const result = applyChanges(db, changes, {
      ...(contiguous ? { moveCursorTo: to, pokeFloor: this.floorFor(from) } : {}),
      announceAssignments: true,
    });
    this.options.onApplied(result);
    // A poke for a range already covered (another room of the same commit) needs no pull.
    if (!contiguous && to > cursor) this.schedulePull();
    this.emitStatus();
  }

  /**
   * The server says pokes may have been lost (a Redis outage between its nodes): pull if the
   * head is past the cursor. Spread over HEAD_PULL_JITTER_MS, so the sockets of a whole node
   * do not all pull in the same millisecond.
   */
  private onHead(head: SyncHead): void {
    if (this.stopped || head.seq <= getCursor(this.options.db)) return;
    setTimeout(() => {
      if (!this.stopped) this.schedulePull();
    }, Math.random() * HEAD_PULL_JITTER_MS);
  }

  /** The catch-up floor after a cursor move by a poke starting at `from` (see the header). */
  private floorFor(from: number): number {
    const now = Date.now();
    if (this.floor && now - this.floor.at <= POKE_FLOOR_WINDOW_MS)
      this.floor.seq = Math.min(this.floor.seq, from - 1);
    else this.floor = { seq: from - 1, at: now };
    return this.floor.seq;
  }

  /** Coalesce: many gaps noticed at once cost one pull. */
  private schedulePull(): void {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    if (this.pullScheduled) return;
    this.pullScheduled = true;
    setImmediate(() => {
      this.pullScheduled = false;
      if (!this.stopped) void this.pull();
    });
  }

  /** `fromFloor`: start at the poke floor when it is below the cursor (catch-up after connect). */
  private async pull(fromFloor = false): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    this.emitStatus();
    const { db } = this.options;
    try {
      const floor = fromFloor ? getPokeFloor(db) : null;
      this.floor = null;
      let replayTo = floor === null ? 0 : getCursor(db);
      let from = floor === null ? getCursor(db) : Math.min(floor, replayTo);
      do {
        this.pullAgain = false;
        let hasMore = true;
        while (hasMore && this.connected) {
          const cursor = from < replayTo ? from : getCursor(db);
          const page = await this.request(SOCKET_EVENTS.pull, { cursor, limit: PULL_PAGE_MAX });
          const result = applyChanges(db, page.changes, {
            moveCursorTo: page.cursor,
            announceAssignments: cursor > 0,
          });
          this.options.onApplied(result);
          hasMore = page.hasMore && page.cursor > cursor;
          from = page.cursor;
        }
        replayTo = 0;
      } while (this.pullAgain && this.connected);
      if (floor !== null && this.connected) clearPokeFloor(db, floor);
    } catch (error) {
      this.fail(error, () => void this.pull());
    } finally {
      this.pulling = false;
      this.emitStatus();
    }
  }

  /** Send queued mutations, one batch in flight at a time. No-op while offline. */
  async drain(): Promise<void> {
    if (this.pushing || !this.connected) return;
    this.pushing = true;
    this.emitStatus();
    const { db } = this.options;
    try {
      while (this.connected) {
        const batch = nextOutboxBatch(db, PUSH_BATCH_MAX);
        if (batch.length === 0) break;
        markOutboxSent(
          db,
          batch.map((entry) => entry.mutationId),
        );
        const mutations = batch.map(({ mutationId, name, args }) => ({ mutationId, name, args }));
        let results: MutationResult[];
        try {
          const response = await this.request(SOCKET_EVENTS.push, { clientId: getClientId(db), mutations });
          results = response.results;
        } catch (error) {
          if (!(error instanceof SwitchboardError) || !PERMANENT_PUSH_ERRORS.has(error.code)) throw error;
          // The server refuses the batch as such: resending would fail forever, so reject each.
          results = batch.map((entry) => ({
            mutationId: entry.mutationId,
            ok: false,
            error: error.toBody(),
          }));
        }
        const outcome = acknowledge(db, results);
        for (const rejection of outcome.rejected) this.options.onRejected(rejection);
        if (outcome.conversationIds.length > 0 || outcome.records.length > 0) {
          this.options.onApplied({
            conversationIds: outcome.conversationIds,
            records: outcome.records,
            inbox: true,
            directory: false,
            onlyListed: true,
            assignedToMe: [],
            sessionAgent: null,
          });
        }
        this.emitStatus();
        // Kept for a resend; retry after a delay rather than hammering a server that is failing.
        if (outcome.retryLater)
          throw new SwitchboardError('internal', 'The server could not apply a change yet; retrying.');
        const answered = new Set(results.map((r) => r.mutationId));
        if (!batch.some((entry) => answered.has(entry.mutationId))) break; // avoid a hot loop; resent on reconnect
      }
    } catch (error) {
      this.fail(error, () => void this.drain());
    } finally {
      this.pushing = false;
      this.emitStatus();
    }
  }

  private fail(error: unknown, retry: () => void): void {
    if (this.stopped) return;
    if (error instanceof SwitchboardError && error.code === 'unauthorized') {
      this.endSession(error.message);
      return;
    }
    this.lastError = error instanceof Error ? error.message : String(error);
    if (this.connected && !this.stopped && !this.retryTimer) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        retry();
      }, this.options.retryDelayMs ?? 2_000);
    }
  }

  /** An ephemeral request (no outbox): fails with 'offline' when not connected. */
  send<E extends ClientEvent>(event: E, payload: ClientInput<E>): Promise<ClientOutput<E>> {
    return this.request(event, payload);
  }

  /** Emit with an ack and read the answer by the contract: the server is a trust edge too. */
  private async request<E extends ClientEvent>(event: E, payload: ClientInput<E>): Promise<ClientOutput<E>> {
    const socket = this.socket;
    if (!socket?.connected) throw new SwitchboardError('offline', 'Not connected to the server.');
    const ack = await socket.timeout(this.options.ackTimeoutMs ?? 20_000).emitWithAck(event, payload);
    if (this.stopped || socket !== this.socket) throw new SwitchboardError('offline', 'Sync stopped.');
    return parseAck(event, ack);
  }
}
