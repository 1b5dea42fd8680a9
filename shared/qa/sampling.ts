/**
 * Sampling rules: which finished conversations go to which reviewers, cycle by cycle. A rule
 * covers one team (or some of its agents); at the start of each cycle (local midnight, Mondays for
 * weekly) the server draws from the conversations resolved in the cycle that just ended: every one
 * matching a condition, plus a random N % or N of the rest, spread over the rule's reviewers in
 * proportion to their goals, never to a reviewer who took part. The draw is fixed when it is made.
 *
 * The maths is here, pure (the random source is passed in); the server's job (server/jobs/sampling.ts)
 * finds the candidates and writes the assignments.
 */
import { z } from 'zod';
import { ChannelSchema, type Channel } from '../domain/model';
import { isKnownTimeZone, localDayNumber, wallToInstant } from '../sla/zone';
import { isLowScore } from '../surveys';
import { refineUniqueRuleIds } from './ruleIds';

const Id = z.string().min(1).max(64);
const DAY_MS = 86_400_000;

export const SAMPLING_CYCLES = ['daily', 'weekly'] as const;
export type SamplingCycle = (typeof SAMPLING_CYCLES)[number];

export const MAX_SAMPLING_RULES = 100;
export const MAX_SAMPLE_PER_CYCLE = 500;

/** What makes a conversation go to review whatever the random draw says. */
export const SamplingConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sla_breached') }),
  /** The customer's last message was negative. */
  z.object({ kind: z.literal('negative_end') }),
  /** Resolved, then reopened by the customer, then resolved again. */
  z.object({ kind: z.literal('reopened') }),
  /** Open for longer than this from the first message to the resolution. */
  z.object({ kind: z.literal('long_handle'), minutes: z.number().int().min(1).max(43_200) }),
  z.object({ kind: z.literal('vip') }),
  z.object({ kind: z.literal('channel'), channels: z.array(ChannelSchema).min(1) }),
  /** The customer's current CSAT answer is low (1 or 2; a re-rating counts as its latest score). */
  z.object({ kind: z.literal('csat_low') }),
  /** Auto-QA flagged it: any rule, or one of `ruleIds`. */
  z.object({ kind: z.literal('auto_qa_flag'), ruleIds: z.array(z.string().min(1).max(40)).max(50).default([]) }),
]);
export type SamplingCondition = z.infer<typeof SamplingConditionSchema>;
export type SamplingConditionKind = SamplingCondition['kind'];

export const SamplingReviewerSchema = z.object({
  reviewerId: Id,
  /** The most conversations this reviewer gets from this rule in one cycle. */
  goal: z.number().int().min(1).max(MAX_SAMPLE_PER_CYCLE),
});

export const SamplingRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - or _ (1–40)'),
  name: z.string().trim().min(1).max(120),
  active: z.boolean().default(true),
  teamId: Id,
  /** Only these agents' conversations; empty means the whole team. */
  agentIds: z.array(Id).max(200).default([]),
  cycle: z.enum(SAMPLING_CYCLES),
  /** Where the cycle's midnight is (an IANA zone). */
  timeZone: z.string().min(1).max(64).refine(isKnownTimeZone, 'not a known time zone'),
  /** The random part: a share of the conversations that match no condition, or a number of them. */
  random: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('percent'), amount: z.number().min(0).max(100) }),
    z.object({ mode: z.literal('count'), amount: z.number().int().min(0).max(MAX_SAMPLE_PER_CYCLE) }),
  ]),
  conditions: z.array(SamplingConditionSchema).max(10).default([]),
  reviewers: z.array(SamplingReviewerSchema).min(1).max(50),
});
export type SamplingRule = z.infer<typeof SamplingRuleSchema>;
export type SamplingRuleInput = z.input<typeof SamplingRuleSchema>;

export const SamplingRulesBodySchema = z
  .object({ rules: z.array(SamplingRuleSchema).max(MAX_SAMPLING_RULES) })
  .superRefine((body, issues) => {
    refineUniqueRuleIds(body.rules, issues);
    body.rules.forEach((rule, index) => {
      const reviewers = new Set<string>();
      rule.reviewers.forEach((reviewer, at) => {
        if (reviewers.has(reviewer.reviewerId))
          issues.addIssue({
            code: 'custom',
            path: ['rules', index, 'reviewers', at, 'reviewerId'],
            message: `reviewer ${reviewer.reviewerId} appears twice`,
          });
        reviewers.add(reviewer.reviewerId);
      });
    });
  });
export type SamplingRulesBody = z.infer<typeof SamplingRulesBodySchema>;

/** The cycle an instant lies in: [start, end) in ms, starting at local midnight (Monday for weekly). */
export function cycleAt(
  rule: Pick<SamplingRule, 'cycle' | 'timeZone'>,
  instant: number,
): { start: number; end: number } {
  const day = localDayNumber(rule.timeZone, instant);
  // 1970-01-01 was a Thursday: day 4 was a Monday.
  const first = rule.cycle === 'daily' ? day : day - ((((day - 4) % 7) + 7) % 7);
  const length = rule.cycle === 'daily' ? 1 : 7;
  return {
    start: wallToInstant(rule.timeZone, first * DAY_MS),
    end: wallToInstant(rule.timeZone, (first + length) * DAY_MS),
  };
}

/** The cycle just before the one an instant lies in: the window a draw at that instant samples. */
export function previousCycle(
  rule: Pick<SamplingRule, 'cycle' | 'timeZone'>,
  instant: number,
): { start: number; end: number } {
  const current = cycleAt(rule, instant);
  return cycleAt(rule, current.start - 1);
}

/** A finished conversation as sampling sees it. */
export interface SampleCandidate {
  conversationId: string;
  agentId: string | null;
  channel: Channel;
  /** Everyone who wrote in it or holds it: none of them reviews it. */
  participants: readonly string[];
  slaBreached: boolean;
  negativeEnd: boolean;
  reopened: boolean;
  handleMinutes: number;
  vip: boolean;
  /** The customer's current CSAT answer, if any. */
  csat: number | null;
  /** The auto-QA rules that hit it (empty: not evaluated, or nothing hit). */
  autoQaRuleIds: readonly string[];
}

export function conditionHolds(condition: SamplingCondition, candidate: SampleCandidate): boolean {
  switch (condition.kind) {
    case 'sla_breached':
      return candidate.slaBreached;
    case 'negative_end':
      return candidate.negativeEnd;
    case 'reopened':
      return candidate.reopened;
    case 'long_handle':
      return candidate.handleMinutes > condition.minutes;
    case 'vip':
      return candidate.vip;
    case 'channel':
      return condition.channels.includes(candidate.channel);
    case 'csat_low':
      return candidate.csat !== null && isLowScore('csat', candidate.csat);
    case 'auto_qa_flag':
      return condition.ruleIds.length === 0
        ? candidate.autoQaRuleIds.length > 0
        : candidate.autoQaRuleIds.some((id) => condition.ruleIds.includes(id));
  }
}

export interface SampledConversation {
  conversationId: string;
  agentId: string | null;
  reviewerId: string;
  /** `random`, the first condition it matched, or `replacement` for one drawn after a skip. */
  reason: 'random' | 'replacement' | SamplingConditionKind;
}

export interface SampleDraw {
  picked: SampledConversation[];
  /** Chosen but left without a reviewer: every reviewer took part in it or reached their goal. */
  unassigned: string[];
}

/** In-place Fisher–Yates shuffle with the given source of [0, 1) numbers. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** How many of `pool` conversations the random part takes. */
export function randomShare(rule: Pick<SamplingRule, 'random'>, pool: number): number {
  const wanted =
    rule.random.mode === 'percent' ? Math.max(0, Math.ceil((rule.random.amount * pool) / 100 - 1e-9)) : rule.random.amount;
  return Math.min(pool, wanted, MAX_SAMPLE_PER_CYCLE);
}

/**
 * One cycle's draw. Conversations matching a condition come first (all of them), then the random
 * share of the rest. Each goes to the eligible reviewer with the most goal left in proportion
 * (ties: the order of the rule's reviewers), so the load spreads evenly by goal.
 */
export function drawSample(
  rule: Pick<SamplingRule, 'random' | 'conditions' | 'reviewers'>,
  candidates: readonly SampleCandidate[],
  random: () => number,
): SampleDraw {
  const flagged: { candidate: SampleCandidate; reason: SamplingConditionKind }[] = [];
  const rest: SampleCandidate[] = [];
  for (const candidate of candidates) {
    const hit = rule.conditions.find((condition) => conditionHolds(condition, candidate));
    if (hit) flagged.push({ candidate, reason: hit.kind });
    else rest.push(candidate);
  }
  const chosen = [
    ...flagged,
    ...shuffle(rest, random)
      .slice(0, randomShare(rule, rest.length))
      .map((candidate) => ({ candidate, reason: 'random' as const })),
  ].slice(0, MAX_SAMPLE_PER_CYCLE);

  const load = new Map(rule.reviewers.map((reviewer) => [reviewer.reviewerId, 0]));
  const picked: SampledConversation[] = [];
  const unassigned: string[] = [];
  for (const { candidate, reason } of chosen) {
    let best: { reviewerId: string; share: number } | null = null;
    for (const reviewer of rule.reviewers) {
      const taken = load.get(reviewer.reviewerId)!;
      if (taken >= reviewer.goal || candidate.participants.includes(reviewer.reviewerId)) continue;
      const share = taken / reviewer.goal;
      if (!best || share < best.share) best = { reviewerId: reviewer.reviewerId, share };
    }
    if (!best) {
      unassigned.push(candidate.conversationId);
      continue;
    }
    load.set(best.reviewerId, load.get(best.reviewerId)! + 1);
    picked.push({ conversationId: candidate.conversationId, agentId: candidate.agentId, reviewerId: best.reviewerId, reason });
  }
  return { picked, unassigned };
}

/** A small seeded source of [0, 1) numbers (mulberry32), so a cycle's draw can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
