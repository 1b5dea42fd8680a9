/**
 * What an SLA countdown chip shows, from the same `computeSla` the server's scheduler uses: the
 * most pressing target that is counting (or breached), its tone, and business time left. Pure,
 * so it ticks offline and is unit-tested.
 */
import type { SlaClock } from '../../../shared/contracts/sla';
import { computeSla, type SlaTargetResult } from '../../../shared/sla';

export type SlaTone = 'ok' | 'warning' | 'breached' | 'paused';
export type SlaTargetKey = 'firstResponse' | 'nextResponse' | 'resolution';

export interface SlaCountdown {
  target: SlaTargetKey;
  tone: SlaTone;
  /** Business ms until due; negative = overtime. */
  remainingMs: number;
  /** The due instant while counting, else null. */
  dueAt: string | null;
}

const TONE: Partial<Record<SlaTargetResult['state'], SlaTone>> = {
  running: 'ok',
  warning: 'warning',
  breached: 'breached',
  paused: 'paused',
};

/** The most pressing counting (or paused) target; null when none is (met, stopped, or a breach no longer counting). */
export function slaCountdown(clock: SlaClock | null | undefined, nowMs: number): SlaCountdown | null {
  if (!clock) return null;
  let result;
  try {
    result = computeSla({ ...clock, now: new Date(nowMs).toISOString() });
  } catch {
    return null;
  }
  const candidates: Array<[SlaTargetKey, SlaTargetResult | null]> = [
    ['firstResponse', result.firstResponse],
    ['nextResponse', result.nextResponse?.current ?? null],
    ['resolution', result.resolution],
  ];
  let best: SlaCountdown | null = null;
  for (const [target, value] of candidates) {
    const tone = value ? TONE[value.state] : undefined;
    if (!value || !tone || value.remainingMs === null) continue;
    // A breach whose clock no longer counts (resolved, or pending after the breach) is history.
    if (tone === 'breached' && value.dueAt === null) continue;
    // Counting targets win over paused ones; among equals the least time left is the most pressing.
    const rank = (c: SlaCountdown) => (c.tone === 'paused' ? 1 : 0);
    const candidate: SlaCountdown = { target, tone, remainingMs: value.remainingMs, dueAt: value.dueAt };
    if (
      !best ||
      rank(candidate) < rank(best) ||
      (rank(candidate) === rank(best) && candidate.remainingMs < best.remainingMs)
    ) {
      best = candidate;
    }
  }
  return best;
}

/**
 * "14:59" under an hour, "3h 20m" beyond, "2d 4h" past a day; overtime as "+12m" ("+45s" under a
 * minute, "+1h 5m" past an hour).
 */
export function formatSlaRemaining(ms: number): string {
  if (ms <= 0) {
    const over = Math.floor(-ms / 1000);
    if (over < 60) return `+${over}s`;
    const minutes = Math.floor(over / 60);
    if (minutes < 60) return `+${minutes}m`;
    return `+${Math.floor(minutes / 60)}h ${minutes % 60}m`;
  }
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
