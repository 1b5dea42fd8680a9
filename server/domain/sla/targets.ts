/**
 * Flattens a computeSla result into the targets the scheduler acts on, and finds the next
 * instant worth waking up for. Pure: no clock, no database.
 */
import type { SlaTargetName } from '../../../shared/contracts/sla';
import type { SlaResult, SlaTargetResult } from '../../../shared/sla';

export interface NamedTarget {
  target: SlaTargetName;
  /** 0 for first response and resolution; next-response instances count from 1. */
  instance: number;
  result: SlaTargetResult;
}

export function namedTargets(result: SlaResult): NamedTarget[] {
  const named: NamedTarget[] = [];
  if (result.firstResponse)
    named.push({ target: 'firstResponse', instance: 0, result: result.firstResponse });
  if (result.nextResponse) {
    result.nextResponse.history.forEach((instance, index) =>
      named.push({ target: 'nextResponse', instance: index + 1, result: instance }),
    );
    if (result.nextResponse.current) {
      named.push({
        target: 'nextResponse',
        instance: result.nextResponse.history.length + 1,
        result: result.nextResponse.current,
      });
    }
  }
  if (result.resolution) named.push({ target: 'resolution', instance: 0, result: result.resolution });
  return named;
}

/**
 * The earliest warnAt or dueAt strictly after `nowMs`: the only instants at which a result can
 * change without a new event. Opening and closing times need no timer of their own: dueAt and
 * warnAt are already placed in business time, and a policy or calendar edit recomputes them.
 */
export function nextWakeMs(targets: readonly NamedTarget[], nowMs: number): number | null {
  let next: number | null = null;
  for (const { result } of targets) {
    for (const instant of [result.warnAt, result.dueAt]) {
      if (!instant) continue;
      const ms = Date.parse(instant);
      if (ms > nowMs && (next === null || ms < next)) next = ms;
    }
  }
  return next;
}
