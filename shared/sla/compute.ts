/**
 * `computeSla`: replays a conversation's events against a policy and a business calendar and
 * reports every target as of `now`. Pure: the same input gives the same output on the server's
 * breach scheduler and in every countdown of the app, online or offline.
 *
 * Each target is a *clock* that counts business time in run segments. Invariants:
 * - `dueAt` is set exactly while the clock counts (`runningSince` set);
 * - `breachedAt` is set once, to the due instant, as soon as any later instant is observed, and
 *   is never cleared (a late reply, a pause, a stop or a reopen keep it);
 * - `spentMs` holds the business time of finished run segments only.
 */
import { parseOrThrow } from '../contracts/errors';
import type { ConversationStatus } from '../domain/model';
import type { CompiledCalendar } from './calendar';
import { addBusinessMs, businessMsBetween, compileCalendar } from './calendar';
import type { SlaEvent, SlaInput, SlaResult, SlaState, SlaTargetResult } from './types';
import { SlaInputSchema } from './types';
import { MINUTE_MS } from './zone';

interface Clock {
  targetMs: number;
  startedAt: number;
  spentMs: number;
  runningSince: number | null;
  dueAt: number | null;
  breachedAt: number | null;
  metAt: number | null;
  stopped: boolean;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const isClosedStatus = (status: ConversationStatus) => status === 'resolved' || status === 'closed';
const isPausingStatus = (status: ConversationStatus) => status === 'pending' || status === 'snoozed';

/** Mutating operations on clocks, bound to one calendar. */
function clockOps(calendar: CompiledCalendar) {
  const observe = (clock: Clock, at: number) => {
    if (clock.dueAt !== null && clock.breachedAt === null && clock.dueAt <= at) clock.breachedAt = clock.dueAt;
  };
  const halt = (clock: Clock, at: number) => {
    if (clock.runningSince === null) return;
    observe(clock, at);
    clock.spentMs += businessMsBetween(calendar, clock.runningSince, at);
    clock.runningSince = null;
    clock.dueAt = null;
  };
  const resume = (clock: Clock, at: number) => {
    if (clock.runningSince !== null) return;
    const left = clock.targetMs - clock.spentMs;
    clock.runningSince = at;
    // An overdue clock that counts again stays due at the instant it breached.
    clock.dueAt = left > 0 ? addBusinessMs(calendar, at, left) : (clock.breachedAt ?? at);
  };
  const start = (targetMin: number, at: number): Clock => {
    const clock: Clock = {
      targetMs: Math.round(targetMin * MINUTE_MS),
      startedAt: at,
      spentMs: 0,
      runningSince: null,
      dueAt: null,
      breachedAt: null,
      metAt: null,
      stopped: false,
    };
    resume(clock, at);
    return clock;
  };
  const meet = (clock: Clock, at: number) => {
    halt(clock, at);
    clock.metAt = at;
  };
  const stop = (clock: Clock, at: number) => {
    halt(clock, at);
    clock.stopped = true;
  };
  return { observe, halt, resume, start, meet, stop };
}

const isLive = (clock: Clock) => clock.metAt === null && !clock.stopped;

/** Events in time order; at one instant `created` comes first, the rest keep their order. */
function orderEvents(events: SlaEvent[]): Array<{ event: SlaEvent; at: number }> {
  return events
    .map((event, index) => ({ event, at: Date.parse(event.at), index }))
    .sort(
      (a, b) =>
        a.at - b.at ||
        Number(b.event.type === 'created') - Number(a.event.type === 'created') ||
        a.index - b.index,
    );
}

/**
 * Decide every SLA target of one conversation as of `now`. Throws `SwitchboardError('invalid')`
 * when the input fails `SlaInputSchema`, and when a target cannot be placed because the calendar
 * has no open time within about three years.
 */
export function computeSla(input: SlaInput): SlaResult {
  const { policy, calendar: calendarInput, events, now } = parseOrThrow(SlaInputSchema, input, 'sla input');
  const calendar = compileCalendar(calendarInput);
  const ops = clockOps(calendar);
  const ordered = orderEvents(events);
  const nowMs = Math.max(Date.parse(now), ordered[0]!.at); // the schema puts `created` first

  let status: ConversationStatus = 'open';
  let firstResponse: Clock | null = null;
  let resolution: Clock | null = null;
  let nextCurrent: Clock | null = null;
  const nextHistory: Clock[] = [];
  // True after an agent reply (or a resolution): the next customer message opens an instance.
  let awaitingCustomer = false;

  const closeNextInstance = (end: (clock: Clock, at: number) => void, at: number) => {
    if (!nextCurrent) return;
    end(nextCurrent, at);
    nextHistory.push(nextCurrent);
    nextCurrent = null;
  };

  for (const { event, at } of ordered) {
    if (at > nowMs) break;
    switch (event.type) {
      case 'created':
        if (policy.firstResponseMin !== undefined) firstResponse = ops.start(policy.firstResponseMin, at);
        if (policy.resolutionMin !== undefined) resolution = ops.start(policy.resolutionMin, at);
        break;
      case 'customer_message':
        if (awaitingCustomer && !nextCurrent && policy.nextResponseMin !== undefined) {
          nextCurrent = ops.start(policy.nextResponseMin, at);
        }
        awaitingCustomer = false;
        break;
      case 'agent_reply':
        if (firstResponse && isLive(firstResponse)) ops.meet(firstResponse, at);
        closeNextInstance(ops.meet, at);
        awaitingCustomer = true;
        break;
      case 'status': {
        const previous = status;
        status = event.status!;
        if (isClosedStatus(status)) {
          if (isClosedStatus(previous)) break;
          if (resolution) ops.meet(resolution, at);
          if (firstResponse && isLive(firstResponse)) ops.stop(firstResponse, at);
          closeNextInstance(ops.stop, at);
          awaitingCustomer = true;
        } else if (resolution) {
          resolution.metAt = null; // a reopen un-meets; time already spent still counts
          if (isPausingStatus(status)) ops.halt(resolution, at);
          else ops.resume(resolution, at);
        }
        break;
      }
      default: // bot_reply and note never touch a target
        break;
    }
  }

  const warnMs = Math.round((policy.warnBeforeMin ?? 0) * MINUTE_MS);
  const report = (clock: Clock): SlaTargetResult => {
    ops.observe(clock, nowMs);
    const counting = clock.runningSince !== null;
    const spent = clock.spentMs + (counting ? businessMsBetween(calendar, clock.runningSince!, nowMs) : 0);
    const remaining = clock.targetMs - spent;
    const breached = clock.breachedAt !== null;
    let state: SlaState;
    if (clock.metAt !== null) state = 'met';
    else if (breached) state = 'breached';
    else if (clock.stopped) state = 'stopped';
    else if (!counting) state = 'paused';
    else state = warnMs > 0 && remaining <= warnMs ? 'warning' : 'running';
    const warnAt =
      counting && !breached && warnMs > 0
        ? addBusinessMs(calendar, clock.runningSince!, Math.max(0, clock.targetMs - clock.spentMs - warnMs))
        : null;
    return {
      state,
      startedAt: iso(clock.startedAt)!,
      dueAt: iso(clock.dueAt),
      metAt: iso(clock.metAt),
      breachedAt: iso(clock.breachedAt),
      remainingMs: state === 'met' || state === 'stopped' ? null : remaining,
      warnAt: iso(warnAt),
    };
  };

  const result: SlaResult = {
    firstResponse: firstResponse && report(firstResponse),
    nextResponse:
      policy.nextResponseMin === undefined
        ? null
        : { current: nextCurrent && report(nextCurrent), history: nextHistory.map(report) },
    resolution: resolution && report(resolution),
    nextDueAt: null,
  };
  const dues = [result.firstResponse, result.nextResponse?.current ?? null, result.resolution]
    .map((target) => target?.dueAt ?? null)
    .filter((dueAt): dueAt is string => dueAt !== null)
    .sort();
  result.nextDueAt = dues[0] ?? null;
  return result;
}
