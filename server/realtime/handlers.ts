/**
 * Per-socket event handlers, one per client event of the contract (shared/contracts/socket.ts).
 * Each handler gets its input already validated against the event's schema and answers through
 * the ack with the `Ack<T>` shape; invalid payloads and unknown events get typed errors, never a
 * crash. Pushes of one socket run one after another so its mutations apply in the order they
 * were sent.
 */
import type { Socket } from 'socket.io';
import type { ZodType } from 'zod';
import { parseOrThrow, SwitchboardError, type ErrorBody } from '../../shared/contracts/errors';
import {
  CLIENT_EVENT_NAMES,
  CLIENT_EVENTS,
  isClientEvent,
  type Ack,
  type ClientEvent,
  type ClientInput,
  type ClientOutput,
} from '../../shared/contracts/socket';
import type { AuthenticatedAgent } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { applyPush } from '../domain/mutations';
import { pull } from '../domain/sync';
import type { CollisionHub } from './collision';

type AckFn = (response: Ack<unknown>) => void;

/** What a socket answers to each client event, given its validated input. */
export type ClientEventHandlers = { [E in ClientEvent]: (input: ClientInput<E>) => Promise<ClientOutput<E>> };

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

async function answer<T>(ack: AckFn | undefined, work: () => Promise<T>): Promise<void> {
  let response: Ack<unknown>;
  try {
    response = { ok: true, data: await work() };
  } catch (error) {
    response = { ok: false, error: toErrorBody(error) };
  }
  ack?.(response);
}

/** The handlers of one signed-in socket. */
export function socketHandlers(
  ctx: DomainContext,
  socket: Socket,
  auth: AuthenticatedAgent,
  collision: CollisionHub,
): ClientEventHandlers {
  let pushQueue: Promise<unknown> = Promise.resolve();
  return {
    'sync.pull': (input) => pull(ctx, auth.viewer, input),
    'sync.push': (input) => {
      const applied = pushQueue.then(() =>
        applyPush(ctx, auth.agent, input).finally(() =>
          // The ack follows the pokes of the commits it reports (pokes.ts).
          ctx.announcer.flush?.(),
        ),
      );
      pushQueue = applied.catch(() => {});
      return applied;
    },
    'conversation.presence': (input) => collision.report(socket, auth, input),
  };
}

/** Registers every client event of the contract on `socket`, and answers any other event `unknown_event`. */
export function registerHandlers(socket: Socket, handlers: ClientEventHandlers): void {
  for (const event of CLIENT_EVENT_NAMES) {
    const handle = handlers[event] as (input: unknown) => Promise<unknown>;
    const schema: ZodType = CLIENT_EVENTS[event].input;
    socket.on(event, (...args: unknown[]) => {
      const { payload, ack } = splitAck(args);
      void answer(ack, async () => handle(parseOrThrow(schema, payload, event)));
    });
  }

  socket.onAny((event: string, ...args: unknown[]) => {
    if (isClientEvent(event)) return;
    const { ack } = splitAck(args);
    ack?.({
      ok: false,
      error: { code: 'unknown_event', message: `unknown event: ${String(event).slice(0, 100)}` },
    });
  });
}
