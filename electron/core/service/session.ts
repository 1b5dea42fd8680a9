/** session.*: sign in over HTTP, keep the token in memory only, sign out. */
import { ErrorBodySchema, SwitchboardError } from '../../../shared/contracts/errors';
import { LoginResponseSchema } from '../../../shared/contracts/http';
import { clearCache, getServerUrl, getSessionAgent, setServerUrl, setSessionAgent } from '../db/queries/meta';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

const LOGIN_TIMEOUT_MS = 15_000;

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
      ctx.setToken(null);
      return { ok: true as const };
    },
  };
}
