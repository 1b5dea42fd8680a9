/**
 * Who may hear of a change. Every change-log entry carries an audience; the server's pull filter
 * (server/db/queries/changes.ts) is `hears` as SQL and its pokes go to the members' rooms
 * (server/realtime/pokes.ts). Admins hear everything, so they are never listed.
 */
import type { Viewer } from './visibility';

export type AudienceMember =
  /** Every signed-in user: the directory (teams, agents, SLA policies, calendars). */
  | { kind: 'everyone' }
  /** The team's agents and leads: its conversations, its canned-response library. */
  | { kind: 'team'; teamId: string }
  /** Only the team's leads: escalations (alerts). */
  | { kind: 'leads'; teamId: string }
  /** An agent a conversation is or was assigned to (agents only; leads see by team). */
  | { kind: 'agent'; agentId: string }
  /** The owner of a personal record (a personal canned response), whatever the role. */
  | { kind: 'personal'; ownerId: string };

export type Audience = readonly AudienceMember[];

export const EVERYONE: Audience = [{ kind: 'everyone' }];

export function hears(viewer: Viewer, audience: Audience): boolean {
  if (viewer.role === 'admin') return true;
  return audience.some((member) => {
    switch (member.kind) {
      case 'everyone':
        return true;
      case 'team':
        return (viewer.role === 'agent' || viewer.role === 'lead') && viewer.teamIds.includes(member.teamId);
      case 'leads':
        return viewer.role === 'lead' && viewer.teamIds.includes(member.teamId);
      case 'agent':
        return viewer.role === 'agent' && member.agentId === viewer.id;
      case 'personal':
        return member.ownerId === viewer.id;
    }
  });
}

/** The same string for two audiences with the same members, in any order. */
export function audienceKey(audience: Audience): string {
  return audience
    .map((member) => {
      switch (member.kind) {
        case 'everyone':
          return '*';
        case 'team':
        case 'leads':
          return `${member.kind}:${member.teamId}`;
        case 'agent':
          return `agent:${member.agentId}`;
        case 'personal':
          return `personal:${member.ownerId}`;
      }
    })
    .sort()
    .filter((key, i, keys) => key !== keys[i - 1])
    .join('|');
}
