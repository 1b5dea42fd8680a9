/**
 * Per-socket event handlers. Every client → server event answers through its ack with the
 * `Ack<T>` shape; invalid payloads and unknown events get typed errors, never a crash. Pushes of
 * one socket run one after another so its mutations apply in the order they were sent.
 */
import type { Socket } from 'socket.io';
import { parseOrThrow, SwitchboardError, type ErrorBody } from '../../shared/contracts/errors';
import { PullRequestSchema, PushRequestSchema, SOCKET_EVENTS, type Ack } from '../../shared/contracts/sync';
import { COLLISION_CLIENT_EVENTS } from '../../shared/contracts/collision';
import type { AuthenticatedAgent } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { applyPush } from '../domain/mutations';
import { pull } from '../domain/sync';

type AckFn = (response: Ack<unknown>) => void;

const CLIENT_EVENTS = new Set<string>([SOCKET_EVENTS.pull, SOCKET_EVENTS.push, ...COLLISION_CLIENT_EVENTS]);

export function splitAck(args: unknown[]): { payload: unknown; ack: AckFn | undefined } {
  const last = args[args.length - 1];
  if (typeof last === 'function')
    return { payload: args.length > 1 ? args[0] : undefined, ack: last as AckFn };
  return { payload: args[0], ack: undefined };
}

function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof SwitchboardError) return error.toBody();
  console.error('[server] socket handler failed', error);
  return { code: 'internal', message: 'the server could not answer this request' };
}

export async function answer<T>(ack: AckFn | undefined, work: () => Promise<T>): Promise<void> {
  let response: Ack<unknown>;
  try {
    response = { ok: true, data: await work() };
  } catch (error) {
    response = { ok: false, error: toErrorBody(error) };
  }
  ack?.(response);
}

export function registerHandlers(ctx: DomainContext, socket: Socket, auth: AuthenticatedAgent): void {
  let pushQueue: Promise<void> = Promise.resolve();

  socket.on(SOCKET_EVENTS.pull, (...args: unknown[]) => {
    const { payload, ack } = splitAck(args);
    void answer(ack, async () =>
      pull(ctx, auth.viewer, parseOrThrow(PullRequestSchema, payload, SOCKET_EVENTS.pull)),
    );
  });

  socket.on(SOCKET_EVENTS.push, (...args: unknown[]) => {
    const { payload, ack } = splitAck(args);
    pushQueue = pushQueue.then(() =>
      answer(ack, async () =>
        applyPush(ctx, auth.agent, parseOrThrow(PushRequestSchema, payload, SOCKET_EVENTS.push)).finally(() =>
          // The ack follows the pokes of the commits it reports (pokes.ts).
          ctx.announcer.flush?.(),
        ),
      ),
    );
  });

  socket.onAny((event: string, ...args: unknown[]) => {
    if (CLIENT_EVENTS.has(event)) return;
    const { ack } = splitAck(args);
    ack?.({
      ok: false,
      error: { code: 'unknown_event', message: `unknown event: ${String(event).slice(0, 100)}` },
    });
  });
}
