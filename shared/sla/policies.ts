/**
 * SLA policies and business calendars as an installation stores them, which policy a
 * conversation falls under, and the compact event list a conversation snapshot carries so every
 * client can run `computeSla` itself.
 *
 * Invariants:
 * - Policies form an ordered list; the first whose `match` fits the conversation wins, and the
 *   last one matches everything (the catch-all default), so every conversation has a policy.
 * - Every policy names a calendar that exists in the calendar list sent with it.
 * - `compactSlaEvents` drops only events that cannot change any `computeSla` result (see there).
 */
import { z } from 'zod';
import {
  ChannelSchema,
  ContactTierSchema,
  PrioritySchema,
  type Channel,
  type ContactTier,
  type Priority,
} from '../domain/model';
import {
  BusinessCalendarSchema,
  SlaPolicySchema,
  type BusinessCalendar,
  type SlaEvent,
  type SlaPolicy,
} from './types';

const RecordId = z.string().trim().min(1).max(64);
const RecordName = z.string().trim().min(1).max(120);

/** Which conversations a policy applies to: every listed dimension must match; an empty or missing list matches all. */
export const SlaPolicyMatchSchema = z
  .object({
    priorities: z.array(PrioritySchema).max(4).optional(),
    tiers: z.array(ContactTierSchema).max(2).optional(),
    channels: z.array(ChannelSchema).max(5).optional(),
    teamIds: z.array(RecordId).max(200).optional(),
  })
  .strict();
export type SlaPolicyMatch = z.infer<typeof SlaPolicyMatchSchema>;

/** One stored policy: targets (shared/sla/types.ts), match rule and the calendar its time runs on. */
export const SlaPolicyRecordSchema = SlaPolicySchema.extend({
  id: RecordId,
  name: RecordName,
  match: SlaPolicyMatchSchema,
  calendarId: RecordId,
});
export type SlaPolicyRecord = z.infer<typeof SlaPolicyRecordSchema>;

/** One stored calendar; `calendar` is validated fully (`validateCalendar` wording). */
export const BusinessCalendarRecordSchema = z.object({
  id: RecordId,
  name: RecordName,
  calendar: BusinessCalendarSchema,
});
export type BusinessCalendarRecord = z.infer<typeof BusinessCalendarRecordSchema>;

export const SlaPolicyListSchema = z.array(SlaPolicyRecordSchema).min(1).max(200);
export const BusinessCalendarListSchema = z.array(BusinessCalendarRecordSchema).min(1).max(100);

/** Whether the rule matches every conversation (no dimension restricted). */
export function isCatchAll(match: SlaPolicyMatch): boolean {
  return [match.priorities, match.tiers, match.channels, match.teamIds].every(
    (list) => !list || list.length === 0,
  );
}

/**
 * Problems of a policy list against the calendars it will run on, as sentences an admin can act
 * on. Empty when the list can be stored.
 */
export function policyListProblems(
  policies: readonly SlaPolicyRecord[],
  calendarIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const policy of policies) {
    if (seen.has(policy.id)) problems.push(`policy "${policy.id}" appears twice`);
    seen.add(policy.id);
    if (!calendarIds.has(policy.calendarId)) {
      problems.push(`policy "${policy.id}": unknown calendar "${policy.calendarId}"`);
    }
    if (
      policy.firstResponseMin === undefined &&
      policy.nextResponseMin === undefined &&
      policy.resolutionMin === undefined
    ) {
      problems.push(
        `policy "${policy.id}": give at least one target (first response, next response or resolution)`,
      );
    }
  }
  const last = policies[policies.length - 1];
  if (last && !isCatchAll(last.match)) {
    problems.push(
      `the last policy ("${last.id}") must match every conversation: it is the catch-all default`,
    );
  }
  return problems;
}

/** Problems of a calendar list (duplicate ids); each calendar is already valid by schema. */
export function calendarListProblems(calendars: readonly BusinessCalendarRecord[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const calendar of calendars) {
    if (seen.has(calendar.id)) problems.push(`calendar "${calendar.id}" appears twice`);
    seen.add(calendar.id);
  }
  return problems;
}

export interface SlaMatchSubject {
  priority: Priority;
  tier: ContactTier;
  channel: Channel;
  teamId: string;
}

function fits<T>(list: readonly T[] | undefined, value: T): boolean {
  return !list || list.length === 0 || list.includes(value);
}

/** The first policy whose rule fits, or null when none does (a list without a catch-all). */
export function matchSlaPolicy<P extends Pick<SlaPolicyRecord, 'match'>>(
  policies: readonly P[],
  subject: SlaMatchSubject,
): P | null {
  return (
    policies.find(
      ({ match }) =>
        fits(match.priorities, subject.priority) &&
        fits(match.tiers, subject.tier) &&
        fits(match.channels, subject.channel) &&
        fits(match.teamIds, subject.teamId),
    ) ?? null
  );
}

/** The targets part of a stored policy, as `computeSla` takes it. */
export function policyTargets(policy: SlaPolicyRecord): SlaPolicy {
  const { firstResponseMin, nextResponseMin, resolutionMin, warnBeforeMin } = policy;
  return {
    ...(firstResponseMin !== undefined ? { firstResponseMin } : {}),
    ...(nextResponseMin !== undefined ? { nextResponseMin } : {}),
    ...(resolutionMin !== undefined ? { resolutionMin } : {}),
    ...(warnBeforeMin !== undefined ? { warnBeforeMin } : {}),
  };
}

/**
 * The events that can change a `computeSla` result, in order:
 * - `bot_reply` and `note` never start, meet, pause or stop a target, so they are dropped;
 * - a `customer_message` right after another (nothing in between) starts nothing new;
 * - an `agent_reply` right after another meets nothing the first did not;
 * - a `status` equal to the status already in force changes nothing.
 * The `created` event is always kept. Sending this list instead of the full history keeps
 * conversation snapshots small.
 */
export function compactSlaEvents(events: readonly SlaEvent[]): SlaEvent[] {
  const kept: SlaEvent[] = [];
  let status: string | undefined;
  for (const event of events) {
    if (event.type === 'bot_reply' || event.type === 'note') continue;
    const previous = kept[kept.length - 1];
    if (event.type === 'status') {
      if (event.status === status) continue;
      status = event.status;
    } else if (
      previous &&
      previous.type === event.type &&
      (event.type === 'customer_message' || event.type === 'agent_reply')
    ) {
      continue;
    }
    kept.push(event);
  }
  return kept;
}

export type { BusinessCalendar };
