/**
 * Next response time: after the first agent reply, each time the customer writes again, the
 * seconds until an agent answers. Several customer messages in a row are one wait (it starts at
 * the first of them); a wait nobody has answered yet is not a figure. Wall-clock seconds (the
 * SLA report is the place for business time). Pure; imports nothing outside shared/kpi.
 */
import { assertFinite } from './stats';

export interface ThreadTurn {
  /** Epoch milliseconds. */
  at: number;
  /** `customer`: the contact wrote; `agent`: an agent replied to them (notes are not replies). */
  by: 'customer' | 'agent';
}

/** The answered waits after the first reply, in seconds, in the order they happened. */
export function nextResponseWaits(turns: readonly ThreadTurn[]): number[] {
  const ordered = [...turns].sort((a, b) => a.at - b.at || (a.by === b.by ? 0 : a.by === 'customer' ? -1 : 1));
  const waits: number[] = [];
  let answeredOnce = false;
  let waitingSince: number | null = null;
  for (const { at, by } of ordered) {
    assertFinite(at, 'turn time');
    if (by === 'agent') {
      if (answeredOnce && waitingSince !== null) waits.push((at - waitingSince) / 1000);
      answeredOnce = true;
      waitingSince = null;
    } else if (answeredOnce && waitingSince === null) {
      waitingSince = at;
    }
  }
  return waits;
}
