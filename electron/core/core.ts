/**
 * The workstation core: the local cache, the sync client and the RPC service, in plain Node.
 * The desktop app runs it in a utilityProcess (host/utilityEntry.ts); web mode runs it in a worker
 * thread of the web host (host/workerCore.ts); tests run it in-process.
 *
 * The session token lives in memory only. The desktop shell persists it with safeStorage through
 * `onTokenChanged` and hands it back with `setToken` at the next start; it is never written to a
 * plain file by the core.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from '../../shared/contracts/rpc';
import { SwitchboardError } from '../../shared/contracts/errors';
import { openDatabase, type Db } from './db/database';
import { startIdleCheckpoints } from './db/idleCheckpoints';
import { getAlertPreferences, getCursor, getServerUrl, getSessionAgent } from './db/queries/meta';
import { outboxCount } from './db/queries/outbox';
import type { ApplyResult } from './sync/apply';
import { SyncClient, type SocketFactory } from './sync/client';
import type { CoreContext } from './service/context';
import { RpcEventEmitter } from './service/events';
import { createRpcService, type RpcService } from './service';
import { slaAlertedOf } from './sync/slaAlerts';
import { alertRaisedOf } from './sync/alertSync';
import { CollisionRelay } from './sync/collision';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';

export interface CoreOptions {
  dataDir: string;
  serverUrl: string;
  /** better_sqlite3.node built for the host runtime (Electron); default: the Node build. */
  nativeBinding?: string;
  /** Test seams. */
  createSocket?: SocketFactory;
  fetch?: typeof fetch;
}

export interface Core {
  rpc: RpcService;
  /** Restore (or clear) the session token, e.g. from the shell's safeStorage at start-up. */
  setToken(token: string | null): void;
  /** Called with the new token after sign-in and with null after sign-out or session end. */
  onTokenChanged(listener: (token: string | null) => void): () => void;
  /** Drop / resume the server connection while keeping the session (work offline). */
  goOffline(): void;
  goOnline(): void;
  /** The machine woke from sleep: reconnect now and catch up. */
  resume(): void;
  close(): Promise<void>;
}

export const CACHE_FILE = 'cache.sqlite';

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db: Db = openDatabase(join(options.dataDir, CACHE_FILE), { nativeBinding: options.nativeBinding });
  // Local writes must not pay for WAL checkpoints: they run when writes pause (db/idleCheckpoints.ts).
  const checkpoints = startIdleCheckpoints(db);
  const events = new RpcEventEmitter();
  const tokenListeners = new Set<(token: string | null) => void>();
  let token: string | null = null;
  let sync: SyncClient | null = null;
  let closed = false;

  const announce = (
    result: Pick<ApplyResult, 'conversationIds' | 'records' | 'inbox' | 'directory' | 'onlyListed'>,
  ) => {
    const records = result.records ?? [];
    if (result.conversationIds.length === 0 && records.length === 0 && !result.inbox && !result.directory)
      return;
    events.emit('data.changed', {
      conversationIds: result.conversationIds,
      ...(records.length > 0 ? { records } : {}),
      inbox: result.inbox,
      directory: result.directory,
      ...(result.onlyListed ? { onlyListed: true } : {}),
    });
  };

  const collision = new CollisionRelay({
    sync: () => sync,
    selfId: () => getSessionAgent(db)?.id ?? null,
    onChanged: (conversationId, agents) => events.emit('collision.changed', { conversationId, agents }),
  });

  const session = (): Session | null => {
    const agent = getSessionAgent(db);
    const serverUrl = getServerUrl(db);
    return token && agent && serverUrl ? { agent, serverUrl } : null;
  };

  const stopSync = () => {
    sync?.stop();
    sync = null;
  };

  const startSync = () => {
    stopSync();
    const serverUrl = getServerUrl(db);
    if (!token || !serverUrl || !getSessionAgent(db) || closed) return;
    const client: SyncClient = new SyncClient({
      db,
      serverUrl,
      token,
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
      onApplied(result) {
        announce(result);
        for (const assigned of result.assignedToMe) events.emit('conversation.assignedToMe', assigned);
        // Escalations are for the team's leads; admins see alerts but are not paged for each.
        // The lead's choices per kind (alerts.setPreferences) decide whether they are told and whether it rings.
        if (getSessionAgent(db)?.role === 'lead') {
          const preferences = getAlertPreferences(db);
          for (const alert of result.slaAlerts ?? []) {
            const { notify, sound } = preferences[alert.kind];
            if (!notify) continue;
            if (alert.kind === 'sla_breached')
              events.emit('sla.alerted', { ...slaAlertedOf(db, alert, 'breached'), silent: !sound });
            const raised = alertRaisedOf(db, alert);
            if (raised) events.emit('alert.raised', { ...raised, silent: !sound });
          }
        }
      },
      onSlaNotice(notice) {
        if (notice.assigneeId && notice.assigneeId === getSessionAgent(db)?.id)
          events.emit('sla.alerted', slaAlertedOf(db, notice, notice.kind));
      },
      onRejected: (rejection) => events.emit('mutation.rejected', rejection),
      onStatus: (status) => {
        collision.onStatus(status);
        events.emit('sync.statusChanged', status);
      },
      serverEvents: {
        [SOCKET_EVENTS.presenceChanged]: (payload) => collision.onPicture(payload),
        [SOCKET_EVENTS.customerTyping]: (payload) => {
          const typing = collision.onCustomerTyping(payload);
          if (typing) events.emit('collision.customerTyping', typing);
        },
      },
      onSessionEnded(reason) {
        if (sync === client) sync = null;
        changeToken(null);
        events.emit('session.ended', { reason });
      },
    });
    sync = client;
    client.start();
  };

  function changeToken(next: string | null): void {
    if (next === token) return;
    token = next;
    if (token) startSync();
    else {
      stopSync();
      const signedOut = {
        state: 'signedOut' as const,
        pending: outboxCount(db),
        cursor: getCursor(db),
        lastError: null,
      };
      collision.onStatus(signedOut);
      events.emit('sync.statusChanged', signedOut);
    }
    for (const listener of tokenListeners) listener(token);
  }

  const ctx: CoreContext = {
    db,
    events,
    defaultServerUrl: options.serverUrl,
    fetch: options.fetch ?? ((...args) => fetch(...args)),
    session,
    viewer() {
      const agent = getSessionAgent(db);
      if (!token || !agent) throw new SwitchboardError('unauthorized', 'Please sign in.');
      return agent;
    },
    token: () => token,
    setToken: changeToken,
    sync: () => sync,
    collision,
    announce,
  };

  return {
    rpc: createRpcService(ctx),
    setToken: changeToken,
    onTokenChanged(listener) {
      tokenListeners.add(listener);
      return () => tokenListeners.delete(listener);
    },
    goOffline: () => sync?.goOffline(),
    goOnline: () => sync?.goOnline(),
    resume: () => sync?.reconnect(),
    async close() {
      if (closed) return;
      closed = true;
      stopSync();
      checkpoints.stop();
      db.close();
    },
  };
}
