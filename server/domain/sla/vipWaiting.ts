/**
 * "A VIP customer is waiting": a conversation of a VIP contact sitting in its team's queue (open,
 * nobody assigned, as dispatch sees it) with an unanswered message for longer than the configured time raises
 * one `vip_waiting` alert to the team's leads. The SLA scheduler owns the timer (it already keeps
 * one per conversation on the leader and looks again after every commit), so the alert fires at
 * the instant, not at the next poll. Each wait is alerted once: a new wait (the customer writes
 * again after an answer, or the conversation returns to the queue) is a new one.
 *
 * Configuration: SWITCHBOARD_VIP_WAIT_SEC (default 120 seconds), this module's part of the
 * server configuration (composed and parsed once in server/config.ts).
 */
import type { z } from 'zod';
import { envNumber, fromEnv } from '../../envField';
import type { Conversation, ContactTier } from '../../../shared/domain/model';

export const DEFAULT_VIP_WAIT_MS = 120_000;

export const VIP_WAIT_ENV = {
  SWITCHBOARD_VIP_WAIT_SEC: fromEnv(envNumber({ min: 0, above: true, max: 86_400, unit: 'seconds' }).optional()),
};

/** The configured wait in ms (unset: DEFAULT_VIP_WAIT_MS). */
export function vipWaitMsOf(e: z.infer<z.ZodObject<typeof VIP_WAIT_ENV>>): number {
  const seconds = e.SWITCHBOARD_VIP_WAIT_SEC;
  return seconds === undefined ? DEFAULT_VIP_WAIT_MS : Math.round(seconds * 1000);
}

export interface VipWait {
  /** When the customer started waiting in the queue. */
  waitingSince: string;
  /** The instant the alert falls due. */
  dueMs: number;
}

/** Pure: the current queue wait of a VIP conversation, or null when none is waiting. */
export function vipWaitOf(
  conversation: Pick<Conversation, 'status' | 'assigneeId' | 'waitingSince'>,
  tier: ContactTier,
  waitMs: number,
): VipWait | null {
  if (tier !== 'vip' || conversation.status !== 'open' || conversation.assigneeId !== null) return null;
  // Answered and back in the queue: nobody is waiting for a reply, so there is nothing to alert.
  const { waitingSince } = conversation;
  if (waitingSince === null) return null;
  const since = Date.parse(waitingSince);
  if (!Number.isFinite(since)) return null;
  return { waitingSince, dueMs: since + waitMs };
}
