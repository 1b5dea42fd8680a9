/**
 * Sets an agent offline when their last socket has been gone for a grace period (default 30 s,
 * `SWITCHBOARD_OFFLINE_GRACE_SEC`), then returns their unanswered work to the queue. The check
 * asks every node (`fetchSockets` through the Redis adapter), so an agent who reconnected to
 * another node stays online. A reconnect on this node within the grace cancels the timer. One
 * grace period after start, agents stored as present but connected nowhere are set offline too.
 */
import type { Server } from 'socket.io';
import type { z } from 'zod';
import { envNumber, fromEnv } from '../../envField';
import type { AuthenticatedAgent } from '../auth';
import type { DomainContext } from '../context';
import { agentsNotOffline } from '../../db/queries/routing';
import { setAgentStatus } from './presence';
import { dispatchScheduler } from './scheduler';
import { requeueAndDispatch } from './triggers';

export const DEFAULT_OFFLINE_GRACE_MS = 30_000;

export interface RoutingOptions {
  /** How long an agent with no socket left stays online (default DEFAULT_OFFLINE_GRACE_MS). */
  offlineGraceMs?: number;
}

/** This module's part of the server configuration (composed and parsed once in server/config.ts). */
export const ROUTING_ENV = {
  SWITCHBOARD_OFFLINE_GRACE_SEC: fromEnv(envNumber({ min: 0, max: 3600, unit: 'seconds' }).optional()),
};

export function offlineGraceMsOf(e: z.infer<z.ZodObject<typeof ROUTING_ENV>>): number {
  const seconds = e.SWITCHBOARD_OFFLINE_GRACE_SEC;
  return seconds === undefined ? DEFAULT_OFFLINE_GRACE_MS : Math.round(seconds * 1000);
}

export interface Routing {
  /** Resolves when no dispatch is running (tests, benchmarks). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What this module needs of the Socket.IO server (realtime/io.ts sets `socket.data.auth`). */
type RoutingIo = Pick<Server, 'on' | 'in'>;

export function startRouting(ctx: DomainContext, io: RoutingIo, options: RoutingOptions = {}): Routing {
  const graceMs = options.offlineGraceMs ?? DEFAULT_OFFLINE_GRACE_MS;
  const timers = new Map<string, NodeJS.Timeout>();
  const pending = new Set<Promise<void>>();
  let closed = false;

  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  async function checkGone(agentId: string, teamIds: readonly string[]): Promise<void> {
    const sockets = await io.in(`agent:${agentId}`).fetchSockets();
    if (sockets.length > 0 || closed) return;
    const previous = await setAgentStatus(ctx, agentId, 'offline');
    if (previous === null || previous === 'offline') return;
    await requeueAndDispatch(ctx, agentId, 'disconnected', teamIds);
  }

  /**
   * Checks one grace period from now whether the agent is connected anywhere. A check that
   * fails (the other nodes cannot be asked while Redis is away) is tried again one grace period
   * later, so an agent who left during an outage is still set offline once it is over.
   */
  function armGoneCheck(agent: AuthenticatedAgent['agent']): void {
    if (closed) return;
    clearTimeout(timers.get(agent.id));
    const next = setTimeout(() => {
      timers.delete(agent.id);
      track(
        checkGone(agent.id, agent.teamIds).catch((error: unknown) => {
          console.error('[server] presence check failed; trying again', error);
          if (!timers.has(agent.id)) armGoneCheck(agent);
        }),
      );
    }, graceMs);
    next.unref();
    timers.set(agent.id, next);
  }

  io.on('connection', (socket) => {
    const { agent } = (socket.data as { auth: AuthenticatedAgent }).auth;
    const timer = timers.get(agent.id);
    if (timer) {
      clearTimeout(timer);
      timers.delete(agent.id);
    }
    socket.on('disconnect', () => armGoneCheck(agent));
  });

  // After a restart (or a crash) agents may still be stored as available with nobody connected:
  // give everyone one grace period to reconnect, then apply the same check as on disconnect.
  const sweep = setTimeout(() => {
    track(
      agentsNotOffline(ctx.store.db)
        .then((agents) => Promise.all(agents.map((agent) => checkGone(agent.id, agent.teamIds))))
        .then(
          () => undefined,
          (error: unknown) => console.error('[server] presence sweep failed', error),
        ),
    );
  }, graceMs);
  sweep.unref();

  return {
    idle: () => dispatchScheduler(ctx).idle(),
    async close() {
      closed = true;
      clearTimeout(sweep);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...pending]);
      await dispatchScheduler(ctx).close();
    },
  };
}
