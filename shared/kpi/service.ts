/**
 * Service KPIs over a period's conversations: service level (answered in time) and first-contact
 * resolution. Percentages, unrounded, `null` when no conversation counts.
 */
import { assertFinite } from './stats';

export interface ServiceLevelItem {
  /** Seconds the customer waited: until the first answer, or until now / until they left. */
  waitedSec: number;
  /** An agent answered (the wait ended with an answer). */
  answered: boolean;
}

/**
 * % of counted conversations answered within `targetSec` (waited ≤ target is within).
 *
 * Counted: every answered one, and every unanswered one that has waited longer than the target
 * (abandoned or still waiting, it missed). An unanswered one still within the target is left out
 * of both sums, since it may yet make it. `null` when nothing counts. Waits and the target must
 * be finite and not negative (RangeError otherwise).
 */
export function serviceLevel(items: readonly ServiceLevelItem[], targetSec: number): number | null {
  assertFinite(targetSec, 'target');
  if (targetSec < 0) throw new RangeError(`target ${targetSec} is negative`);
  let inTime = 0;
  let counted = 0;
  for (const { waitedSec, answered } of items) {
    assertFinite(waitedSec, 'wait');
    if (waitedSec < 0) throw new RangeError(`wait ${waitedSec} is negative`);
    const within = waitedSec <= targetSec;
    if (answered) {
      counted += 1;
      if (within) inTime += 1;
    } else if (!within) {
      counted += 1;
    }
  }
  return counted === 0 ? null : (inTime / counted) * 100;
}

export interface ResolutionItem {
  resolved: boolean;
  /** Reopened after it was resolved (by the customer writing again or by an agent). */
  reopened: boolean;
  /** How many distinct agents handled it (the bot is not an agent). */
  agents: number;
}

/**
 * % of resolved conversations that were never reopened and were handled by exactly one agent.
 *
 * Only resolved conversations count. A resolved one handled by two or more agents (a transfer)
 * or by none (the bot alone) counts but is not a first-contact resolution. `null` when none is
 * resolved. `agents` must be a whole number, not negative (RangeError otherwise).
 */
export function firstContactResolution(items: readonly ResolutionItem[]): number | null {
  let firstContact = 0;
  let resolved = 0;
  for (const { resolved: isResolved, reopened, agents } of items) {
    if (!Number.isInteger(agents) || agents < 0) {
      throw new RangeError(`agents ${String(agents)} is not a whole number of agents`);
    }
    if (!isResolved) continue;
    resolved += 1;
    if (!reopened && agents === 1) firstContact += 1;
  }
  return resolved === 0 ? null : (firstContact / resolved) * 100;
}
