/**
 * The dispatch rule (server/domain/routing/plan.ts) over random arrivals and agent states:
 * capacity is never exceeded, only available agents get work, the queue order (priority, VIP,
 * longest wait) is respected, work is conserved, the least loaded wins, and equally loaded
 * agents take turns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Capacity } from '../../../shared/contracts/routing';
import { AGENT_STATUSES, CHANNELS, PRIORITIES, type Channel } from '../../../shared/domain/model';
import {
  assignmentReason,
  compareQueue,
  pickAgent,
  planAssignments,
  type AgentState,
  type QueueEntry,
} from '../../../server/domain/routing/plan';

const channelArb = fc.constantFrom(...CHANNELS);
const capacityArb = fc.record(
  Object.fromEntries(CHANNELS.map((c) => [c, fc.integer({ min: 0, max: 4 })])) as Record<
    Channel,
    fc.Arbitrary<number>
  >,
);

const agentsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((n) =>
        fc
          .record({
            status: fc.constantFrom(...AGENT_STATUSES),
            capacity: capacityArb,
            fill: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
          })
          .map(({ status, capacity, fill }): AgentState => {
            const load = Object.fromEntries(
              CHANNELS.map((c, i) => [c, capacity[c] === 0 ? 0 : fill[i]! % (capacity[c] + 1)]),
            ) as Capacity;
            return { id: `agent-${String(n).padStart(2, '0')}`, name: `Agent ${n}`, status, capacity, load };
          }),
      ),
    ),
  );

const queueArb = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 10_000 }).map((n) => `c-${String(n).padStart(5, '0')}`),
    channel: channelArb,
    priority: fc.constantFrom(...PRIORITIES),
    tier: fc.constantFrom('standard' as const, 'vip' as const),
    waitingSince: fc
      .integer({ min: 0, max: 600 })
      .map((m) => new Date(Date.UTC(2026, 0, 1, 8, m)).toISOString()),
  }),
  { maxLength: 30, selector: (entry) => entry.id },
);

const lastArb = fc.option(
  fc.integer({ min: 1, max: 40 }).map((n) => `agent-${String(n).padStart(2, '0')}`),
  { nil: null },
);

function replay(agents: readonly AgentState[], picks: ReturnType<typeof planAssignments>) {
  const loads = new Map(agents.map((a) => [a.id, { ...a.load }]));
  for (const pick of picks) loads.get(pick.agentId)![pick.channel] += 1;
  return loads;
}

describe('planAssignments', () => {
  it('never puts an agent over capacity and gives work only to available agents', () => {
    fc.assert(
      fc.property(queueArb, agentsArb, lastArb, (queue, agents, last) => {
        const picks = planAssignments(queue, agents, last);
        const loads = replay(agents, picks);
        for (const agent of agents) {
          for (const channel of CHANNELS)
            expect(loads.get(agent.id)![channel]).toBeLessThanOrEqual(agent.capacity[channel]);
        }
        for (const pick of picks) expect(agents.find((a) => a.id === pick.agentId)!.status).toBe('available');
        expect(new Set(picks.map((p) => p.conversationId)).size).toBe(picks.length);
      }),
    );
  });

  it('leaves work queued only when no available agent has room for its channel', () => {
    fc.assert(
      fc.property(queueArb, agentsArb, lastArb, (queue, agents, last) => {
        const picks = planAssignments(queue, agents, last);
        const loads = replay(agents, picks);
        const assigned = new Set(picks.map((p) => p.conversationId));
        for (const entry of queue) {
          if (assigned.has(entry.id)) continue;
          const roomy = agents.filter(
            (a) => a.status === 'available' && loads.get(a.id)![entry.channel] < a.capacity[entry.channel],
          );
          expect(roomy).toEqual([]);
        }
      }),
    );
  });

  it('serves each channel in queue order: priority first, then VIP, then the longest wait', () => {
    fc.assert(
      fc.property(queueArb, agentsArb, lastArb, (queue, agents, last) => {
        const picks = planAssignments(queue, agents, last);
        const order = [...queue].sort(compareQueue).map((e) => e.id);
        // Picks come out in queue order ...
        const positions = picks.map((p) => order.indexOf(p.conversationId));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        // ... and within a channel nothing queued is skipped for something behind it.
        const assigned = new Set(picks.map((p) => p.conversationId));
        for (const channel of CHANNELS) {
          const inChannel = [...queue].filter((e) => e.channel === channel).sort(compareQueue);
          const firstLeft = inChannel.findIndex((e) => !assigned.has(e.id));
          if (firstLeft >= 0) expect(inChannel.slice(firstLeft).some((e) => assigned.has(e.id))).toBe(false);
        }
      }),
    );
  });

  it('gives each conversation to the least loaded eligible agent (by utilisation of its channel)', () => {
    fc.assert(
      fc.property(queueArb, agentsArb, lastArb, (queue, agents, last) => {
        const state = agents.map((a) => ({ ...a, load: { ...a.load } }));
        for (const pick of planAssignments(queue, agents, last)) {
          const c = pick.channel;
          const eligible = state.filter((a) => a.status === 'available' && a.load[c] < a.capacity[c]);
          const chosen = state.find((a) => a.id === pick.agentId)!;
          for (const other of eligible) {
            expect(chosen.load[c] / chosen.capacity[c]).toBeLessThanOrEqual(
              other.load[c] / other.capacity[c],
            );
          }
          chosen.load[c] += 1;
        }
      }),
    );
  });

  it('takes turns among equally loaded agents (round-robin from the last pick) and spreads work evenly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 18 }),
        fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
        (agentCount, arrivals, lastIndex) => {
          const agents: AgentState[] = Array.from({ length: agentCount }, (_, i) => ({
            id: `agent-${i}`,
            name: `Agent ${i}`,
            status: 'available',
            capacity: { chat: 3, email: 10, voice: 1, sms: 5, social: 5 },
            load: { chat: 0, email: 0, voice: 0, sms: 0, social: 0 },
          }));
          const queue: QueueEntry[] = Array.from({ length: arrivals }, (_, i) => ({
            id: `c-${String(i).padStart(3, '0')}`,
            channel: 'email',
            priority: 'normal',
            tier: 'standard',
            waitingSince: new Date(Date.UTC(2026, 0, 1, 8, i)).toISOString(),
          }));
          const last = lastIndex !== null && lastIndex < agentCount ? `agent-${lastIndex}` : null;
          const picks = planAssignments(queue, agents, last);
          const start = last === null ? 0 : (Number(last.slice(6)) + 1) % agentCount;
          expect(picks.map((p) => p.agentId)).toEqual(
            picks.map((_, i) => `agent-${(start + i) % agentCount}`),
          );
          const counts = agents.map((a) => picks.filter((p) => p.agentId === a.id).length);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('compareQueue', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
  const entry = (id: string, over: Partial<QueueEntry>): QueueEntry => ({
    id,
    channel: 'chat',
    priority: 'normal',
    tier: 'standard',
    waitingSince: at(0),
    ...over,
  });
  it.each([
    [
      'a VIP ahead of a standard contact who waited longer',
      entry('vip', { tier: 'vip', waitingSince: at(30) }),
      entry('std', {}),
    ],
    [
      'urgent ahead of a high-priority VIP',
      entry('urgent', { priority: 'urgent', waitingSince: at(50) }),
      entry('vip', { tier: 'vip', priority: 'high' }),
    ],
    [
      'the longest wait first among equals',
      entry('early', { waitingSince: at(1) }),
      entry('late', { waitingSince: at(2) }),
    ],
    ['normal ahead of low', entry('normal', { waitingSince: at(40) }), entry('low', { priority: 'low' })],
  ])('puts %s', (_label, first, second) => {
    expect(compareQueue(first, second)).toBeLessThan(0);
    expect(compareQueue(second, first)).toBeGreaterThan(0);
  });
});

describe('pickAgent and the recorded reason', () => {
  it('says who, why and the load it leaves', () => {
    const agents: AgentState[] = [
      {
        id: 'a',
        name: '李娜 Li Na',
        status: 'available',
        capacity: { chat: 3, email: 10, voice: 1, sms: 5, social: 5 },
        load: { chat: 0, email: 0, voice: 0, sms: 0, social: 0 },
      },
      {
        id: 'b',
        name: 'Emma Clark',
        status: 'available',
        capacity: { chat: 3, email: 10, voice: 1, sms: 5, social: 5 },
        load: { chat: 2, email: 0, voice: 0, sms: 0, social: 0 },
      },
      {
        id: 'c',
        name: 'Away',
        status: 'away',
        capacity: { chat: 3, email: 10, voice: 1, sms: 5, social: 5 },
        load: { chat: 0, email: 0, voice: 0, sms: 0, social: 0 },
      },
    ];
    const pick = pickAgent(
      { id: 'x', channel: 'chat', priority: 'high', tier: 'vip', waitingSince: '2026-01-01T00:00:00.000Z' },
      agents,
      null,
    );
    expect(pick && assignmentReason(pick)).toEqual({
      text: 'Auto-assigned to 李娜 Li Na: least loaded of 2 available, chat 1/3',
      // What each window words in its own language.
      detail: { kind: 'auto_assigned', to: '李娜 Li Na', available: 2, tied: 1, channel: 'chat', held: 1, capacity: 3 },
    });
  });

  it('finds nobody when every available agent is full on that channel', () => {
    const full: AgentState = {
      id: 'a',
      name: 'A',
      status: 'available',
      capacity: { chat: 1, email: 1, voice: 1, sms: 1, social: 1 },
      load: { chat: 1, email: 0, voice: 0, sms: 0, social: 0 },
    };
    expect(
      pickAgent(
        {
          id: 'x',
          channel: 'chat',
          priority: 'urgent',
          tier: 'vip',
          waitingSince: '2026-01-01T00:00:00.000Z',
        },
        [full],
        null,
      ),
    ).toBeNull();
  });
});
