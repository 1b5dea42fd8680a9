/**
 * Pokes: after a commit, each room that may see its changes gets `sync.poke { from, to, changes }`
 * with the commit's full seq range and only the changes that room may see. Rooms:
 *   agent:<agentId>   every socket of that agent
 *   team:<teamId>     agents and leads of that team (reviewers join none)
 *   role:admin        every admin
 *   session:<sid>     every socket of one login session (used to revoke it)
 * Changes that share an audience go out in one emit to the union of its rooms, so a socket in
 * several of them receives the poke once. Directory changes go to every socket. Through the
 * Redis adapter the same emits reach sockets on other nodes.
 */
import type { Server } from 'socket.io';
import { SOCKET_EVENTS, type Change, type Poke } from '../../shared/contracts/sync';
import { LEAD_ONLY_CHANGE_TYPES, type AppendedChanges, type Audience } from '../db/queries/changes';
import type { ChangeAnnouncer } from '../domain/context';

export const ADMIN_ROOM = 'role:admin';
export const agentRoom = (agentId: string) => `agent:${agentId}`;
export const teamRoom = (teamId: string) => `team:${teamId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** Leads of one team (escalations). */
export const leadRoom = (teamId: string) => `lead:${teamId}`;

/** Rooms that may see a change with this audience; null means every socket. */
export function roomsFor(audience: Audience): string[] | null {
  if (audience === null) return null;
  const rooms = new Set<string>([ADMIN_ROOM, teamRoom(audience.teamId)]);
  if (audience.prevTeamId) rooms.add(teamRoom(audience.prevTeamId));
  if (audience.assigneeId) rooms.add(agentRoom(audience.assigneeId));
  if (audience.prevAssigneeId) rooms.add(agentRoom(audience.prevAssigneeId));
  return [...rooms].sort();
}

export function createPokeAnnouncer(getIo: () => Server | undefined): ChangeAnnouncer {
  return {
    announce({ from, to, entries }: AppendedChanges) {
      const io = getIo();
      if (!io) return;
      const groups = new Map<string, { rooms: string[] | null; changes: Change[] }>();
      for (const { change, audience } of entries) {
        const rooms =
          audience && LEAD_ONLY_CHANGE_TYPES.includes(change.type)
            ? [ADMIN_ROOM, leadRoom(audience.teamId)]
            : roomsFor(audience);
        const key = rooms === null ? '*' : rooms.join('|');
        const group = groups.get(key) ?? { rooms, changes: [] };
        group.changes.push(change);
        groups.set(key, group);
      }
      for (const { rooms, changes } of groups.values()) {
        const poke: Poke = { from, to, changes };
        if (rooms === null) io.emit(SOCKET_EVENTS.poke, poke);
        else io.to(rooms).emit(SOCKET_EVENTS.poke, poke);
      }
    },
  };
}
