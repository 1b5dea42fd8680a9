/**
 * The SLA scheduler as a job: it runs on the leader only (leader.ts), and hears of commits on
 * this node through the after-commit subscriber (app.ts) and of commits on other nodes through
 * NOTIFY on SLA_NOTIFY_CHANNEL (sent by domain/sla/attach.ts inside the committing transaction).
 * Notices go where the process says (app.ts: the conversation's Socket.IO rooms, on every node
 * with the Redis adapter); the domain does not know about sockets.
 */
import type { DomainContext } from '../domain/context';
import { SLA_NOTIFY_CHANNEL } from '../domain/sla/attach';
import { SlaScheduler, type SlaSchedulerOptions } from '../domain/sla/scheduler';
import { contendForLeadership, leadAlone, type LeaderJob } from './leader';

/** Any constant works as long as every node uses the same one (differs from CHANGE_LOG_LOCK_KEY). */
export const SLA_LEADER_LOCK_KEY = 7_340_032;

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
  const scheduler = new SlaScheduler({ ctx, vipWaitMs: options.vipWaitMs, ...delivery });
  const job: LeaderJob = {
    get isActive() {
      return scheduler.isActive;
    },
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    settled: () => scheduler.settled(),
    notified: () => scheduler.onCommitted(),
  };
  const leadership = databaseUrl
    ? contendForLeadership(databaseUrl, job, { lockKey: SLA_LEADER_LOCK_KEY, listen: SLA_NOTIFY_CHANNEL })
    : leadAlone(job);
  return {
    isLeader: () => leadership.isLeader(),
    onCommitted: () => scheduler.onCommitted(),
    clockChanged: () => scheduler.clockChanged(),
    idle: () => scheduler.idle(),
    close: () => leadership.close(),
  };
}
