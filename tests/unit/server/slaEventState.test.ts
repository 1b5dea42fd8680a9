/**
 * Folding a commit's SLA events into the stored list (server/domain/sla/eventState.ts) must give
 * exactly what a rebuild from the whole thread gives, whatever the order, instants and ties.
 */
import { describe, expect, it } from 'vitest';
import { foldSlaEvents, rebuildSlaEvents } from '../../../server/domain/sla/eventState';
import { compactSlaEvents } from '../../../shared/sla/policies';
import { slaEventsFrom } from '../../../server/domain/sla/events';
import type { SlaMessageRow, StatusEventRow } from '../../../server/db/queries/sla';
import { Rng } from '../../bench/lib/random';

const CREATED = '2026-03-09T01:00:00.000Z';
const KINDS: Array<Omit<SlaMessageRow, 'created_at'>> = [
  { direction: 'in', kind: 'text', author_type: 'contact' },
  { direction: 'out', kind: 'text', author_type: 'agent' },
  { direction: 'out', kind: 'note', author_type: 'agent' },
  { direction: 'out', kind: 'text', author_type: 'bot' },
  { direction: 'out', kind: 'system', author_type: 'system' },
];
const STATUSES = ['open', 'pending', 'resolved', 'closed'];

/** What the database holds after each commit, and what a rebuild reads from it. */
/** listSlaMessages: ORDER BY created_at, ties in the order they were stored. */
function threadOrder(messages: SlaMessageRow[]): SlaMessageRow[] {
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.created_at.localeCompare(b.m.created_at) || a.i - b.i)
    .map((x) => x.m);
}

function fromThread(messages: SlaMessageRow[], statuses: StatusEventRow[]) {
  return compactSlaEvents(slaEventsFrom(CREATED, threadOrder(messages), statuses));
}

function simulate(seed: number, commits: number) {
  const rng = new Rng(seed);
  const random = () => rng.next();
  const messages: SlaMessageRow[] = [];
  const statuses: StatusEventRow[] = [{ status: 'open', at: CREATED }];
  let clock = Date.parse(CREATED);
  let status = 'open';
  let state = rebuildSlaEvents({ id: 'c', createdAt: CREATED, status, messageCount: 0 }, [], statuses).state;
  let folds = 0;
  for (let commit = 0; commit < commits; commit++) {
    // Same millisecond often (a batch of pushes), sometimes a channel's occurredAt in the past.
    clock += random() < 0.5 ? 0 : Math.floor(random() * 5_000);
    const now = new Date(clock).toISOString();
    const fresh: SlaMessageRow[] = [];
    const count = random() < 0.2 ? 0 : 1 + Math.floor(random() * 2);
    for (let i = 0; i < count; i++) {
      const past = random() < 0.05 ? Math.floor(random() * 20_000) : 0;
      fresh.push({
        ...KINDS[Math.floor(random() * KINDS.length)]!,
        created_at: new Date(clock - past).toISOString(),
      });
    }
    if (random() < 0.25) status = STATUSES[Math.floor(random() * STATUSES.length)]!;
    messages.push(...fresh);
    const snapshot = { id: 'c', createdAt: CREATED, status, messageCount: messages.length };
    const folded = foldSlaEvents(state, snapshot, fresh, now);
    if (folded) {
      folds++;
      if (folded.status) statuses.push({ status: folded.status.status, at: folded.status.at });
      state = folded.state;
      expect(folded.events).toEqual(fromThread(messages, statuses));
    } else {
      if (statuses.at(-1)!.status !== status) statuses.push({ status, at: now });
      const rebuilt = rebuildSlaEvents(snapshot, threadOrder(messages), statuses);
      state = rebuilt.state;
      expect(rebuilt.events).toEqual(fromThread(messages, statuses));
    }
    expect(JSON.parse(state.events)).toEqual(fromThread(messages, statuses));
    expect(state.status_count).toBe(statuses.length);
  }
  return folds;
}

describe('folded SLA events', () => {
  it('equal a rebuild from the thread after every commit, over many random histories', () => {
    let folds = 0;
    for (let seed = 1; seed <= 40; seed++) folds += simulate(seed, 60);
    // Most commits fold; the rest (past instants, ties with a status) rebuild.
    expect(folds).toBeGreaterThan(40 * 60 * 0.6);
  });

  it('rebuild when a message was stored without being announced (counts differ)', () => {
    const { state } = rebuildSlaEvents(
      { id: 'c', createdAt: CREATED, status: 'open', messageCount: 0 },
      [],
      [{ status: 'open', at: CREATED }],
    );
    const message = { ...KINDS[0]!, created_at: '2026-03-09T01:00:05.000Z' };
    expect(
      foldSlaEvents(
        state,
        { id: 'c', createdAt: CREATED, status: 'open', messageCount: 2 },
        [message],
        '2026-03-09T01:00:05.000Z',
      ),
    ).toBeNull();
  });

  it('rebuild for a message at the same instant as the last status, which sorts before it', () => {
    const statuses = [
      { status: 'open', at: CREATED },
      { status: 'pending', at: '2026-03-09T01:00:05.000Z' },
    ];
    const { state } = rebuildSlaEvents(
      { id: 'c', createdAt: CREATED, status: 'pending', messageCount: 0 },
      [],
      statuses,
    );
    const message = { ...KINDS[0]!, created_at: '2026-03-09T01:00:05.000Z' };
    expect(
      foldSlaEvents(
        state,
        { id: 'c', createdAt: CREATED, status: 'pending', messageCount: 1 },
        [message],
        '2026-03-09T01:00:05.000Z',
      ),
    ).toBeNull();
  });
});
