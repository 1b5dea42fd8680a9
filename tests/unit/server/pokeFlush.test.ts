/**
 * The poke announcer's flushes (server/realtime/pokes.ts): a quiet node pokes on the next turn,
 * a busy one shares flushes, every poke of a flush carries its whole contiguous range, and a
 * commit that does not follow the pending range never merges with it.
 */
import type { Server } from 'socket.io';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeAddress } from '../../../server/db/queries/changes';
import { alertChange } from '../../../server/domain/snapshots';
import type { Alert } from '../../../shared/contracts/sla';
import { audience, range } from './changeRanges';
import { createPokeAnnouncer } from '../../../server/realtime/pokes';
import type { Poke } from '../../../shared/contracts/sync';

interface Emitted {
  rooms: string[] | null;
  poke: Poke;
}

function fakeIo() {
  const emitted: Emitted[] = [];
  const io = {
    emit: (_event: string, poke: Poke) => emitted.push({ rooms: null, poke }),
    to: (rooms: string[]) => ({ emit: (_event: string, poke: Poke) => emitted.push({ rooms, poke }) }),
  } as unknown as Server;
  return { io, emitted };
}

const team = (teamId: string, assigneeId: string | null = null) =>
  audience(`c-${teamId}`, teamId, assigneeId);
const commit = (from: number, who: ChangeAddress | null, size = 1) => range(from, who, size);

const seqs = (poke: Poke) => poke.changes.map((c) => c.seq);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe('poke flushes', () => {
  it('pokes a quiet node on the next turn, and commits of the same turn share the poke', async () => {
    const { io, emitted } = fakeIo();
    const pokes = createPokeAnnouncer(() => io, { coalesceMs: 20 });
    pokes.announce(commit(1, team('t1')));
    pokes.announce(commit(2, team('t1'), 2));
    expect(emitted).toHaveLength(0); // announced after commit, sent on the next turn
    await turn();
    expect(emitted).toEqual([
      { rooms: ['role:admin', 'team:t1'], poke: expect.objectContaining({ from: 1, to: 3 }) },
    ]);
    expect(seqs(emitted[0]!.poke)).toEqual([1, 2, 3]);
  });

  it('holds commits that follow a flush until the quiet time has passed, then sends them together', async () => {
    let clock = 0;
    const { io, emitted } = fakeIo();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pokes = createPokeAnnouncer(() => io, { coalesceMs: 20, now: () => clock });
    pokes.announce(commit(1, team('t1')));
    pokes.flush();
    expect(emitted).toHaveLength(1);
    clock = 5;
    pokes.announce(commit(2, team('t1')));
    pokes.announce(commit(3, team('t2')));
    pokes.announce(commit(4, team('t1', 'a1')));
    vi.advanceTimersByTime(14);
    expect(emitted).toHaveLength(1);
    clock = 21;
    vi.advanceTimersByTime(1);
    // One poke per audience, in order of first change, each carrying the whole range 2..4.
    expect(emitted.slice(1).map((e) => [e.rooms, e.poke.from, e.poke.to, seqs(e.poke)])).toEqual([
      [['role:admin', 'team:t1'], 2, 4, [2]],
      [['role:admin', 'team:t2'], 2, 4, [3]],
      [['agent:a1', 'role:admin', 'team:t1'], 2, 4, [4]],
    ]);
  });

  it('waits as long as the last flush took when that is longer than the quiet time', () => {
    let clock = 0;
    const { io, emitted } = fakeIo();
    const slowIo = {
      to: (rooms: string[]) => ({
        emit: (event: string, poke: Poke) => {
          clock += 50; // a thousand sockets' writes
          (io.to(rooms) as unknown as { emit(e: string, p: Poke): void }).emit(event, poke);
        },
      }),
    } as unknown as Server;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pokes = createPokeAnnouncer(() => slowIo, { coalesceMs: 15, now: () => clock });
    pokes.announce(commit(1, team('t1')));
    pokes.flush(); // 0 → 50
    pokes.announce(commit(2, team('t1')));
    clock = 70;
    vi.advanceTimersByTime(49);
    expect(emitted).toHaveLength(1); // not before 50 + 50
    clock = 100;
    vi.advanceTimersByTime(1);
    expect(emitted).toHaveLength(2);
  });

  it('never merges a commit that does not follow the pending range', () => {
    const { io, emitted } = fakeIo();
    const pokes = createPokeAnnouncer(() => io, { coalesceMs: 20 });
    pokes.announce(commit(1, team('t1'), 2));
    pokes.announce(commit(7, team('t1'))); // another node's commits 3..6 came in between
    pokes.announce(commit(8, team('t1')));
    expect(emitted).toHaveLength(1); // the pending range went out before the gap
    pokes.flush();
    expect(emitted.map((e) => [e.poke.from, e.poke.to, seqs(e.poke)])).toEqual([
      [1, 2, [1, 2]],
      [7, 8, [7, 8]],
    ]);
  });

  it('sends directory changes to every socket and lead-only changes to the leads', async () => {
    const { io, emitted } = fakeIo();
    const pokes = createPokeAnnouncer(() => io, { coalesceMs: 20 });
    pokes.announce(commit(1, null));
    pokes.announce({
      from: 2,
      to: 2,
      entries: [
        { ...alertChange('alert.created', { id: 'a1', teamId: 't1' } as Alert), change: { type: 'alert.created', seq: 2 } as never },
      ],
    });
    pokes.flush();
    expect(emitted.map((e) => e.rooms)).toEqual([null, ['lead:t1', 'role:admin']]);
  });

  it('with no quiet time sends every commit on its own, at once', () => {
    const { io, emitted } = fakeIo();
    const pokes = createPokeAnnouncer(() => io, { coalesceMs: 0 });
    pokes.announce(commit(1, team('t1')));
    pokes.announce(commit(2, team('t1')));
    expect(emitted.map((e) => [e.poke.from, e.poke.to])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('a failing emit (Redis away) is reported, and the other pokes of the flush still go', () => {
    const { io, emitted } = fakeIo();
    const failing = {
      to: (rooms: string[]) => ({
        emit: (event: string, poke: Poke) => {
          if (rooms.includes('team:t1')) throw new Error('The client is closed');
          (io.to(rooms) as unknown as { emit(e: string, p: Poke): void }).emit(event, poke);
        },
      }),
    } as unknown as Server;
    const errors: unknown[] = [];
    const pokes = createPokeAnnouncer(() => failing, { coalesceMs: 20, onError: (e) => errors.push(e) });
    pokes.announce(commit(1, team('t1')));
    pokes.announce(commit(2, team('t2')));
    expect(() => pokes.flush()).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(emitted.map((e) => e.rooms)).toEqual([['role:admin', 'team:t2']]);
  });

  it('close() sends what is pending', () => {
    const { io, emitted } = fakeIo();
    const pokes = createPokeAnnouncer(() => io, { coalesceMs: 20 });
    pokes.announce(commit(1, team('t1')));
    pokes.close();
    expect(emitted).toHaveLength(1);
  });
});
