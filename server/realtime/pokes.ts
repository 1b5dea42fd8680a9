/**
 * Pokes: after a commit, each room that may see its changes gets `sync.poke { from, to, changes }`
 * with a seq range and only the changes that room may see. Rooms:
 *   agent:<agentId>   every socket of that agent
 *   team:<teamId>     agents and leads of that team (reviewers join none)
 *   role:admin        every admin
 *   session:<sid>     every socket of one login session (used to revoke it)
 * Changes that share an audience go out in one emit to the union of its rooms, so a socket in
 * several of them receives the poke once. Directory changes go to every socket. Through the
 * Redis adapter the same emits reach sockets on other nodes.
 *
 * Coalescing (DESIGN "pokes to a busy room may be coalesced for a few milliseconds"): the first
 * commit after a quiet spell goes out on the next turn of the event loop; commits that follow
 * wait for the next flush and share it. The next flush comes `coalesceMs` after the last one
 * ended, or as long after as the last one took, whichever is longer: a flush to a thousand
 * sockets costs tens of milliseconds of `writev` whatever it carries, so the gap grows with the
 * fan-out and at most about half of the node's time goes to it; the rest keeps ingesting.
 *
 * Invariants of one flush:
 * - It covers one contiguous seq range, and every poke of it carries that whole range: a commit
 *   that does not follow the pending range (a gap, or another node's commit in between) flushes
 *   what is pending first. A client may therefore move its cursor to `to` after any one poke of
 *   the flush, applying the others as they come (electron/core/sync/client.ts keeps a floor so a
 *   connection cut between two pokes of one flush re-pulls the range).
 * - Pokes go out in the order of their first change, and changes keep commit order inside a poke.
 * - `flush()` sends what is pending at once; a push is acknowledged only after its commit's
 *   pokes are out, so the pusher never sees its ack before its own change.
 */
import type { Server } from 'socket.io';
import { type Change, type Poke } from '../../shared/contracts/sync';
import type { AppendedChanges } from '../db/queries/changes';
import type { Audience } from '../../shared/domain/audience';
import type { ChangeAnnouncer } from '../domain/context';
import { SOCKET_EVENTS } from '../../shared/contracts/socket';

export const ADMIN_ROOM = 'role:admin';
export const agentRoom = (agentId: string) => `agent:${agentId}`;
export const teamRoom = (teamId: string) => `team:${teamId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Leads of one team (escalations). */
export const leadRoom = (teamId: string) => `lead:${teamId}`;

/** Default quiet time between two flushes of a busy node (SWITCHBOARD_POKE_COALESCE_MS). */
export const DEFAULT_POKE_COALESCE_MS = 15;

/** Rooms that hear a change with this audience (shared/domain/audience.ts); null means every socket. */
export function roomsFor(audience: Audience): string[] | null {
  const rooms = new Set<string>([ADMIN_ROOM]);
  for (const member of audience) {
    switch (member.kind) {
      case 'everyone':
        return null;
      case 'team':
        rooms.add(teamRoom(member.teamId));
        break;
      case 'leads':
        rooms.add(leadRoom(member.teamId));
        break;
      case 'agent':
        rooms.add(agentRoom(member.agentId));
        break;
      case 'personal':
        rooms.add(agentRoom(member.ownerId));
        break;
    }
  }
  return [...rooms].sort();
}

interface PokeGroup {
  rooms: string[] | null;
  changes: Change[];
}

/** The pokes of one contiguous range: one per distinct room set, in order of first change. */
export function pokeGroups(ranges: readonly AppendedChanges[]): PokeGroup[] {
  const groups = new Map<string, PokeGroup>();
  for (const { entries } of ranges) {
    for (const { change, audience } of entries) {
      const rooms = roomsFor(audience);
      const key = rooms === null ? '*' : rooms.join('|');
      const group = groups.get(key);
      if (group) group.changes.push(change);
      else groups.set(key, { rooms, changes: [change] });
    }
  }
  return [...groups.values()];
}

export interface PokeAnnouncer extends ChangeAnnouncer {
  /** Send whatever is pending now. */
  flush(): void;
  /** Flush and stop timers (server shutdown). */
  close(): void;
}

export interface PokeAnnouncerOptions {
  /** Quiet time between flushes while commits keep coming; 0 sends every commit on its own. */
  coalesceMs?: number;
  /** Clock for the quiet time (tests). */
  now?: () => number;
  /** An emit failed (default: logged). */
  onError?: (error: unknown) => void;
}

export function createPokeAnnouncer(
  getIo: () => Server | undefined,
  {
    coalesceMs = DEFAULT_POKE_COALESCE_MS,
    now = () => performance.now(),
    onError = (error) => console.error('[server] poke not sent', error),
  }: PokeAnnouncerOptions = {},
): PokeAnnouncer {
  let pending: AppendedChanges[] = [];
  /** The earliest moment the next flush may go (see the header). */
  let nextFlushAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;

  const cancel = () => {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = null;
    immediate = null;
  };

  const flush = () => {
    cancel();
    if (pending.length === 0) return;
    const ranges = pending;
    pending = [];
    const started = now();
    nextFlushAt = started + coalesceMs;
    const io = getIo();
    if (!io) return;
    const from = ranges[0]!.from;
    const to = ranges[ranges.length - 1]!.to;
    for (const { rooms, changes } of pokeGroups(ranges)) {
      const poke: Poke = { from, to, changes };
      try {
        if (rooms === null) io.emit(SOCKET_EVENTS.poke, poke);
        else io.to(rooms).emit(SOCKET_EVENTS.poke, poke);
      } catch (error) {
        // The Redis adapter throws while Redis is away. A flush runs on a timer, so an escaping
        // error would end the process; a lost poke only costs latency (clients pull by cursor).
        onError(error);
      }
    }
    const ended = now();
    nextFlushAt = ended + Math.max(coalesceMs, ended - started);
  };

  const schedule = () => {
    if (timer || immediate) return;
    const wait = nextFlushAt - now();
    // Same-tick commits (a push batch's parts, the bot right after an ingest) still share a flush.
    if (wait <= 0) immediate = setImmediate(flush);
    else timer = setTimeout(flush, wait);
  };

  return {
    announce(appended) {
      const last = pending[pending.length - 1];
      if (last && appended.from !== last.to + 1) flush();
      pending.push(appended);
      if (coalesceMs <= 0) flush();
      else schedule();
    },
    flush,
    close: flush,
  };
}
