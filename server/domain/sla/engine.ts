/**
 * The SLA engine as the server process sees it: a scheduler plus the leadership that decides
 * whether it runs here (leader.ts). Notices go to the conversation's rooms through Socket.IO
 * (with the Redis adapter, to sockets on every node).
 */
import { roomsFor } from '../../realtime/pokes';
import type { SwitchboardIo } from '../../realtime/socketServer';
import type { DomainContext } from '../context';
import { contendForLeadership, leadAlone } from './leader';
import { SlaScheduler } from './scheduler';

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
  io: SwitchboardIo,
  databaseUrl: string | undefined,
  options: { vipWaitMs?: number } = {},
): SlaEngine {
  const scheduler = new SlaScheduler({
    ctx,
    vipWaitMs: options.vipWaitMs,
    roomsOf: (audience) => roomsFor(audience) ?? [],
    emit: (rooms, event, notice) => {
      if (rooms.length > 0) io.to(rooms).emit(event, notice);
    },
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
