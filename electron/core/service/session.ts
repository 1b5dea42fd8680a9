/**
 * session.*: sign in over HTTP, keep the token in memory only, sign out. Signing out first sends
 * what the outbox still holds while the server is reachable (bounded by LOGOUT_SEND_WAIT_MS): a
 * different person signing in next clears the cache, and an unsent reply must not go with it.
 */
import { ErrorBodySchema, SwitchboardError } from '../../../shared/contracts/errors';
import { LoginResponseSchema } from '../../../shared/contracts/http';
import { outboxCount } from '../db/queries/outbox';
import { clearCache, getServerUrl, getSessionAgent, setServerUrl, setSessionAgent } from '../db/queries/meta';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

const LOGIN_TIMEOUT_MS = 15_000;
const LOGOUT_SEND_WAIT_MS = 5_000;
const LOGOUT_SEND_RETRY_MS = 100;

async function sendQueuedWrites(ctx: CoreContext): Promise<void> {
  const deadline = Date.now() + LOGOUT_SEND_WAIT_MS;
  for (;;) {
    const sync = ctx.sync();
    if (!sync?.connected || outboxCount(ctx.db) === 0 || Date.now() >= deadline) return;
    // A drain already running returns at once; the loop then waits for it to finish the batch.
    await sync.drain().catch(() => undefined);
    if (outboxCount(ctx.db) > 0) await new Promise((resolve) => setTimeout(resolve, LOGOUT_SEND_RETRY_MS));
  }
}

export function sessionHandlers(
  ctx: CoreContext,
): HandlersOf<'session.get' | 'session.login' | 'session.logout'> {
  return {
    'session.get': async () => ctx.session(),

    'session.login': async ({ email, password, serverUrl: requestedUrl }) => {
      const serverUrl = (requestedUrl ?? getServerUrl(ctx.db) ?? ctx.defaultServerUrl).replace(/\/+$/, '');
      let response: Response;
      try {
        response = await ctx.fetch(`${serverUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
          signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
        });
      } catch {
        throw new SwitchboardError('offline', `Cannot reach the server at ${serverUrl}.`);
      }
      if (response.status === 401) throw new SwitchboardError('unauthorized', 'Wrong email or password.');
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const error = ErrorBodySchema.safeParse(body);
        throw error.success
          ? new SwitchboardError(error.data.code, error.data.message)
          : new SwitchboardError('internal', `Sign-in failed (HTTP ${response.status}).`);
      }
      const login = LoginResponseSchema.safeParse(body);
      if (!login.success)
        throw new SwitchboardError('internal', 'The server sent an unexpected sign-in answer.');

      const previousAgent = getSessionAgent(ctx.db);
      const previousUrl = getServerUrl(ctx.db);
      // Another agent's (or another server's) cache must not leak into this session.
      if (
        (previousAgent && previousAgent.id !== login.data.agent.id) ||
        (previousUrl && previousUrl !== serverUrl)
      ) {
        ctx.setToken(null);
        clearCache(ctx.db);
        ctx.announce({ conversationIds: [], inbox: true, directory: true });
      }
      setSessionAgent(ctx.db, login.data.agent);
      setServerUrl(ctx.db, serverUrl);
      ctx.setToken(login.data.token);
      return { agent: login.data.agent, serverUrl };
    },

    'session.logout': async () => {
      await sendQueuedWrites(ctx);
      ctx.setToken(null);
      return { ok: true as const };
    },
  };
}
