/**
 * admin.*: SLA policies, business calendars, the bot's knowledge base, the auto-QA rules and the
 * alert settings, proxied to the server's HTTP API with the session token. Nothing is cached: the admin screen edits exactly what the
 * server holds, and these settings need a connection (offline is a clear `offline` error).
 *
 * The core refuses non-admins itself (the server would too), and passes the server's error code
 * and message through unchanged, so "mon: 18:00–09:00 ends before it starts" reaches the screen.
 */
import type { z } from 'zod';
import { ADMIN_HTTP_PATHS, AdminRpcContract, type AdminResource } from '../../../shared/contracts/admin';
import { ErrorBodySchema, SwitchboardError } from '../../../shared/contracts/errors';
import type { Agent } from '../../../shared/domain/model';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

type AdminMethod = keyof typeof AdminRpcContract;

/** Long enough for a slow link, short enough that a dead server does not leave the screen saving forever. */
const REQUEST_TIMEOUT_MS = 15_000;

/** One settings route of the server, and who may use it. */
export interface SettingsRoute {
  path: string;
  roles: readonly Agent['role'][];
  /** Said to anyone else, without a request. */
  forbidden: string;
  /** Said when the server cannot be reached. */
  offline: string;
}

/**
 * GET (no body) or PUT (body) a settings route with the session token: the signed-in agent's role
 * checked first, the server's refusal passed through, its answer checked with `output`.
 */
export async function callSettings<S extends z.ZodType>(
  ctx: CoreContext,
  route: SettingsRoute,
  output: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const viewer = ctx.viewer();
  if (!route.roles.includes(viewer.role)) throw new SwitchboardError('forbidden', route.forbidden);
  const token = ctx.token();
  const session = ctx.session();
  if (!token || !session) throw new SwitchboardError('unauthorized', 'Please sign in.');

  let response: Response;
  try {
    response = await ctx.fetch(`${session.serverUrl}${route.path}`, {
      method: body === undefined ? 'GET' : 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    throw new SwitchboardError('offline', route.offline);
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ErrorBodySchema.safeParse(payload);
    if (error.success) throw new SwitchboardError(error.data.code, error.data.message);
    throw new SwitchboardError(
      response.status >= 500 ? 'offline' : 'internal',
      `The server answered ${response.status}.`,
    );
  }
  // The server is a trust edge too: an answer that does not fit the contract is not shown as data.
  const parsed = output.safeParse(payload);
  if (!parsed.success)
    throw new SwitchboardError('internal', 'The server sent settings this version cannot read.');
  return parsed.data;
}

export function adminHandlers(ctx: CoreContext): HandlersOf<AdminMethod> {
  const call = <S extends z.ZodType>(resource: AdminResource, output: S, body?: unknown) =>
    callSettings(
      ctx,
      {
        path: ADMIN_HTTP_PATHS[resource],
        roles: ['admin'],
        forbidden: 'Only admins can change these settings.',
        offline: 'The server cannot be reached. Admin settings need a connection; try again when online.',
      },
      output,
      body,
    );

  return {
    'admin.slaPolicies.get': () => call('slaPolicies', AdminRpcContract['admin.slaPolicies.get'].output),
    'admin.slaPolicies.put': (input) =>
      call('slaPolicies', AdminRpcContract['admin.slaPolicies.put'].output, input),
    'admin.calendars.get': () => call('calendars', AdminRpcContract['admin.calendars.get'].output),
    'admin.calendars.put': (input) =>
      call('calendars', AdminRpcContract['admin.calendars.put'].output, input),
    'admin.knowledge.get': () => call('knowledge', AdminRpcContract['admin.knowledge.get'].output),
    'admin.knowledge.put': (input) =>
      call('knowledge', AdminRpcContract['admin.knowledge.put'].output, input),
    'admin.autoQaRules.get': () => call('autoQaRules', AdminRpcContract['admin.autoQaRules.get'].output),
    'admin.autoQaRules.put': (input) =>
      call('autoQaRules', AdminRpcContract['admin.autoQaRules.put'].output, input),
    'admin.alertSettings.get': () => call('alertSettings', AdminRpcContract['admin.alertSettings.get'].output),
    'admin.alertSettings.put': (input) =>
      call('alertSettings', AdminRpcContract['admin.alertSettings.put'].output, input),
  };
}
