/**
 * The sampling maths: where a cycle starts (local midnight, Mondays, across a clock change), what
 * a draw takes (every conversation matching a condition, then the random share of the rest) and
 * where it goes (evenly by goal, never to someone who took part, at most a reviewer's goal).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SamplingRulesBodySchema,
  cycleAt,
  drawSample,
  previousCycle,
  randomShare,
  seededRandom,
  type SampleCandidate,
  type SamplingRule,
} from '../../../shared/qa/sampling';

const iso = (ms: number) => new Date(ms).toISOString();

function candidate(id: string, extra: Partial<SampleCandidate> = {}): SampleCandidate {
  return {
    conversationId: id,
    agentId: 'agent-li-na',
    channel: 'chat',
    participants: ['agent-li-na'],
    slaBreached: false,
    negativeEnd: false,
    reopened: false,
    handleMinutes: 10,
    vip: false,
    csat: null,
    autoQaRuleIds: [],
    ...extra,
  };
}

const many = (n: number, extra: Partial<SampleCandidate> = {}) =>
  Array.from({ length: n }, (_, i) => candidate(`c${i}`, extra));

type DrawRule = Pick<SamplingRule, 'random' | 'conditions' | 'reviewers'>;

describe('cycles', () => {
  const shanghai = { timeZone: 'Asia/Shanghai' };
  it.each([
    ['daily, mid-afternoon', 'daily', '2026-12-02T15:30:00+08:00', '2026-12-02T00:00:00+08:00', '2026-12-03T00:00:00+08:00'],
    ['daily, just after midnight', 'daily', '2026-12-02T00:00:01+08:00', '2026-12-02T00:00:00+08:00', '2026-12-03T00:00:00+08:00'],
    ['weekly, a Wednesday', 'weekly', '2026-12-02T15:30:00+08:00', '2026-11-30T00:00:00+08:00', '2026-12-07T00:00:00+08:00'],
    ['weekly, a Sunday night', 'weekly', '2026-12-06T23:59:59+08:00', '2026-11-30T00:00:00+08:00', '2026-12-07T00:00:00+08:00'],
    ['weekly, the Monday itself', 'weekly', '2026-11-30T00:00:00+08:00', '2026-11-30T00:00:00+08:00', '2026-12-07T00:00:00+08:00'],
  ] as const)('%s', (_name, cycle, at, start, end) => {
    expect(cycleAt({ ...shanghai, cycle }, Date.parse(at))).toEqual({ start: Date.parse(start), end: Date.parse(end) });
  });

  it('follows the zone: a day across a clock change is 23 hours long', () => {
    const rule = { timeZone: 'America/New_York', cycle: 'daily' as const };
    const { start, end } = cycleAt(rule, Date.parse('2026-03-08T12:00:00-04:00'));
    expect(iso(start)).toBe('2026-03-08T05:00:00.000Z'); // midnight EST
    expect(iso(end)).toBe('2026-03-09T04:00:00.000Z'); // midnight EDT
    expect((end - start) / 3_600_000).toBe(23);
  });

  it('samples the cycle before the one a draw happens in', () => {
    const window = previousCycle({ ...shanghai, cycle: 'daily' }, Date.parse('2026-12-02T00:10:00+08:00'));
    expect(window).toEqual({
      start: Date.parse('2026-12-01T00:00:00+08:00'),
      end: Date.parse('2026-12-02T00:00:00+08:00'),
    });
  });

  it('cycles tile time: each one ends where the next starts, and holds its instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') }),
        fc.constantFrom('daily' as const, 'weekly' as const),
        fc.constantFrom('Asia/Shanghai', 'Europe/London', 'America/New_York', 'UTC'),
        (instant, cycle, timeZone) => {
          const here = cycleAt({ cycle, timeZone }, instant);
          expect(here.start).toBeLessThanOrEqual(instant);
          expect(here.end).toBeGreaterThan(instant);
          expect(cycleAt({ cycle, timeZone }, here.end).start).toBe(here.end);
          expect(previousCycle({ cycle, timeZone }, instant).end).toBe(here.start);
        },
      ),
    );
  });
});

describe('drawSample', () => {
  const zhou = { reviewerId: 'agent-zhou-min', goal: 10 };
  const liu = { reviewerId: 'agent-liu-yang', goal: 10 };

  it.each([
    [{ mode: 'percent', amount: 10 }, 25, 3], // 2.5 rounds up: a share never rounds to nothing
    [{ mode: 'percent', amount: 10 }, 20, 2],
    [{ mode: 'percent', amount: 0 }, 20, 0],
    [{ mode: 'percent', amount: 100 }, 7, 7],
    [{ mode: 'count', amount: 5 }, 3, 3],
    [{ mode: 'count', amount: 5 }, 30, 5],
  ] as const)('random share %j of %i is %i', (random, pool, expected) => {
    expect(randomShare({ random }, pool)).toBe(expected);
  });

  it('takes every conversation matching a condition, then the random share of the rest', () => {
    const rule: DrawRule = {
      random: { mode: 'count', amount: 2 },
      conditions: [{ kind: 'sla_breached' }, { kind: 'long_handle', minutes: 60 }],
      reviewers: [zhou],
    };
    const candidates = [
      ...many(10),
      candidate('late', { slaBreached: true }),
      candidate('long', { handleMinutes: 61 }),
      candidate('just-not-long', { handleMinutes: 60 }),
    ];
    const draw = drawSample(rule, candidates, seededRandom(1));
    expect(draw.picked).toHaveLength(4);
    expect(draw.picked.slice(0, 2)).toMatchObject([
      { conversationId: 'late', reason: 'sla_breached' },
      { conversationId: 'long', reason: 'long_handle' },
    ]);
    expect(draw.picked.slice(2).every((pick) => pick.reason === 'random')).toBe(true);
  });

  it.each([
    ['negative_end', { negativeEnd: true }],
    ['reopened', { reopened: true }],
    ['vip', { vip: true }],
  ] as const)('condition %s picks what it names', (kind, extra) => {
    const rule: DrawRule = { random: { mode: 'count', amount: 0 }, conditions: [{ kind }], reviewers: [zhou] };
    const draw = drawSample(rule, [...many(5), candidate('hit', extra)], seededRandom(2));
    expect(draw.picked.map((pick) => [pick.conversationId, pick.reason])).toEqual([['hit', kind]]);
  });

  it('matches a channel condition on the conversation’s channel', () => {
    const rule: DrawRule = {
      random: { mode: 'count', amount: 0 },
      conditions: [{ kind: 'channel', channels: ['voice', 'email'] }],
      reviewers: [zhou],
    };
    const draw = drawSample(
      rule,
      [candidate('chat'), candidate('call', { channel: 'voice' }), candidate('mail', { channel: 'email' })],
      seededRandom(3),
    );
    expect(draw.picked.map((pick) => pick.conversationId)).toEqual(['call', 'mail']);
  });

  it('spreads the sample over reviewers in proportion to their goals', () => {
    const rule: DrawRule = {
      random: { mode: 'count', amount: 30 },
      conditions: [],
      reviewers: [{ reviewerId: 'a', goal: 20 }, { reviewerId: 'b', goal: 10 }],
    };
    const draw = drawSample(rule, many(30), seededRandom(4));
    const count = (id: string) => draw.picked.filter((pick) => pick.reviewerId === id).length;
    expect([count('a'), count('b')]).toEqual([20, 10]);
  });

  it('never sends a conversation to someone who took part, and leaves it unassigned if nobody else may', () => {
    const rule: DrawRule = { random: { mode: 'percent', amount: 100 }, conditions: [], reviewers: [liu, zhou] };
    const draw = drawSample(
      rule,
      [
        candidate('lead-wrote', { participants: ['agent-li-na', 'agent-liu-yang'] }),
        candidate('both-wrote', { participants: ['agent-liu-yang', 'agent-zhou-min'] }),
        candidate('plain'),
      ],
      seededRandom(5),
    );
    expect(draw.picked.find((pick) => pick.conversationId === 'lead-wrote')?.reviewerId).toBe('agent-zhou-min');
    expect(draw.unassigned).toEqual(['both-wrote']);
  });

  it('gives nobody more than their goal; the rest stay unassigned', () => {
    const rule: DrawRule = {
      random: { mode: 'percent', amount: 100 },
      conditions: [],
      reviewers: [{ reviewerId: 'a', goal: 2 }, { reviewerId: 'b', goal: 1 }],
    };
    const draw = drawSample(rule, many(5), seededRandom(6));
    expect(draw.picked).toHaveLength(3);
    expect(draw.unassigned).toHaveLength(2);
  });

  it('is the same draw for the same seed, and never picks a conversation twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 60 }), (seed, pool) => {
        const rule: DrawRule = {
          random: { mode: 'percent', amount: 40 },
          conditions: [{ kind: 'vip' }],
          reviewers: [zhou, liu],
        };
        const candidates = many(pool).map((c, i) => ({ ...c, vip: i % 7 === 0 }));
        const first = drawSample(rule, candidates, seededRandom(seed));
        expect(drawSample(rule, candidates, seededRandom(seed))).toEqual(first);
        const ids = [...first.picked.map((pick) => pick.conversationId), ...first.unassigned];
        expect(new Set(ids).size).toBe(ids.length);
        const vips = candidates.filter((c) => c.vip).length;
        // Everything chosen is either picked (at most the goals, 20) or left unassigned.
        expect(ids.length).toBe(vips + randomShare(rule, pool - vips));
        expect(first.picked.length).toBe(Math.min(20, ids.length));
      }),
    );
  });
});

describe('the rules body', () => {
  const rule = {
    id: 'daily',
    name: 'Daily',
    teamId: 'team-presales',
    cycle: 'daily',
    timeZone: 'Asia/Shanghai',
    random: { mode: 'percent', amount: 5 },
    reviewers: [{ reviewerId: 'agent-zhou-min', goal: 10 }],
  };

  it('accepts a rule and fills in the defaults', () => {
    expect(SamplingRulesBodySchema.parse({ rules: [rule] }).rules[0]).toMatchObject({
      active: true,
      agentIds: [],
      conditions: [],
    });
  });

  it.each([
    ['an unknown zone', { ...rule, timeZone: 'Mars/Olympus' }],
    ['a share over 100 %', { ...rule, random: { mode: 'percent', amount: 101 } }],
    ['no reviewers', { ...rule, reviewers: [] }],
    ['a goal of 0', { ...rule, reviewers: [{ reviewerId: 'agent-zhou-min', goal: 0 }] }],
    ['a reviewer twice', { ...rule, reviewers: [rule.reviewers[0], rule.reviewers[0]] }],
    ['an unknown condition', { ...rule, conditions: [{ kind: 'moon_phase' }] }],
  ])('refuses %s', (_name, bad) => {
    expect(SamplingRulesBodySchema.safeParse({ rules: [bad] }).success).toBe(false);
  });

  it('refuses two rules with one id', () => {
    expect(SamplingRulesBodySchema.safeParse({ rules: [rule, rule] }).success).toBe(false);
  });
});
