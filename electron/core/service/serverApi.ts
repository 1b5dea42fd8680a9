/**
 * Calls to the central server's HTTP API on behalf of the signed-in agent (Bearer session token).
 * The server's typed errors pass through unchanged (`forbidden`, `not_found`, `invalid`…); a
 * workstation that is offline, or a server that cannot be reached, is `offline`; an answer that
 * does not match the contract is `internal`.
 */
import type { z } from 'zod';
import { ErrorBodySchema, SwitchboardError } from '../../../shared/contracts/errors';
import type { CoreContext } from './context';

export async function callServer<T>(
  ctx: CoreContext,
  request: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown },
  schema: z.ZodType<T>,
): Promise<T> {
  ctx.viewer(); // signed in, or `unauthorized`
  const token = ctx.token();
  const session = ctx.session();
  if (!token || !session) throw new SwitchboardError('unauthorized', 'Please sign in.');
  if (ctx.sync()?.status().state === 'offline')
    throw new SwitchboardError('offline', 'The workstation is offline; this needs the server.');
  let response: Response;
  try {
    response = await ctx.fetch(`${session.serverUrl}${request.path}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new SwitchboardError('offline', 'The server cannot be reached.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBodySchema.safeParse(payload);
    if (error.success) throw new SwitchboardError(error.data.code, error.data.message);
    throw new SwitchboardError(
      response.status >= 500 ? 'internal' : 'invalid',
      `The server answered ${response.status}.`,
    );
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new SwitchboardError('internal', 'The server’s answer was not understood.');
  return parsed.data;
}
