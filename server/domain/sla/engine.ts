/**
 * The SLA engine as the server process sees it: a scheduler plus the leadership that decides
 * whether it runs here (leader.ts). Notices go where the process says (app.ts: the
 * conversation's Socket.IO rooms, on every node with the Redis adapter); the domain does not
 * know about sockets.
 */
import type { DomainContext } from '../context';
import { contendForLeadership, leadAlone } from './leader';
import { SlaScheduler, type SlaSchedulerOptions } from './scheduler';

/** Where the scheduler's notices go: the rooms of an audience, and the emit to them. */
export type SlaNoticeDelivery = Pick<SlaSchedulerOptions, 'roomsOf' | 'emit'>;

export interface SlaEngine {
  /** Whether this node runs the scheduler now. */
  isLeader(): boolean;
  /** A commit happened on this node. */
  onCommitted(): void;
  /** Re-arm every timer after the injected clock moved. */
  clockChanged(): Promise<void>;
  /** Resolves when the scheduler has handled everything queued so far. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function startSlaEngine(
  ctx: DomainContext,
  delivery: SlaNoticeDelivery,
  databaseUrl: string | undefined,
  options: { vipWaitMs?: number } = {},
): SlaEngine {
  const scheduler = new SlaScheduler({
    ctx,
    vipWaitMs: options.vipWaitMs,
    ...delivery,
  });
  const leadership = databaseUrl ? contendForLeadership(databaseUrl, scheduler) : leadAlone(scheduler);
  return {
    isLeader: () => leadership.isLeader(),
    onCommitted: () => scheduler.onCommitted(),
    clockChanged: () => scheduler.clockChanged(),
    idle: () => scheduler.idle(),
    close: () => leadership.close(),
  };
}
