/**
 * What the RPC handlers may use: the cache, the event emitter and the session/sync controls that
 * core.ts owns. Handlers never hold state of their own.
 */
import type { Session } from '../../../shared/contracts/rpc';
import type { Agent } from '../../../shared/domain/model';
import type { Db } from '../db/database';
import type { SyncClient } from '../sync/client';
import type { ApplyResult } from '../sync/apply';
import type { RpcEventEmitter } from './events';
import type { CollisionRelay } from '../sync/collision';

export interface CoreContext {
  readonly db: Db;
  readonly events: RpcEventEmitter;
  /** Used when neither the login form nor the cache names a server. */
  readonly defaultServerUrl: string;
  readonly fetch: typeof fetch;
  session(): Session | null;
  /** The signed-in agent; throws SwitchboardError('unauthorized') when signed out. */
  viewer(): Agent;
  token(): string | null;
  /** Set (or clear) the session token; listeners persist it (desktop: safeStorage). */
  setToken(token: string | null): void;
  sync(): SyncClient | null;
  /** Who else views or types in a conversation (ephemeral, never cached). */
  readonly collision: CollisionRelay;
  /** Tell every window what changed locally (after commit). */
  announce(
    result: Pick<ApplyResult, 'conversationIds' | 'records' | 'inbox' | 'directory' | 'onlyListed'>,
  ): void;
}
