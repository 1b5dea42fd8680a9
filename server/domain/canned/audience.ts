/**
 * Who hears of a canned-response change. Team responses reach the team's room (its agents and
 * leads) and admins. A personal response is filed under the pseudo-team key `personal:<ownerId>`
 * with the owner as assignee, so the owner's agent room gets the poke and the pull filter
 * (db/queries/changes.ts) lets the owner, whatever the role, read it back; nobody else's team
 * list ever contains that key.
 */
import type { CannedResponse } from '../../../shared/canned/model';
import type { ConversationAudience, NewChange } from '../../db/queries/changes';

export const personalLibraryKey = (ownerId: string) => `personal:${ownerId}`;
/** The change log's record column for a canned response (no conversation has this id). */
const changeLogRecord = (id: string) => `canned:${id}`;

function libraryKey(response: Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>): string {
  return response.scope === 'team' ? response.teamId! : personalLibraryKey(response.ownerId!);
}

/** `previous` is the response before this write, so a library it left still hears of it. */
export function cannedAudience(response: CannedResponse, previous?: CannedResponse): ConversationAudience {
  const teamId = libraryKey(response);
  const prevTeamId = previous ? libraryKey(previous) : null;
  return {
    conversationId: changeLogRecord(response.id),
    teamId,
    prevTeamId: prevTeamId !== teamId ? prevTeamId : null,
    assigneeId: response.scope === 'personal' ? response.ownerId : null,
    prevAssigneeId: null,
  };
}

export function cannedUpdated(response: CannedResponse, previous?: CannedResponse): NewChange {
  return {
    change: { type: 'canned_response.updated', cannedResponse: response },
    audience: cannedAudience(response, previous),
  };
}

export function cannedDeleted(previous: CannedResponse): NewChange {
  return {
    change: { type: 'canned_response.deleted', cannedResponseId: previous.id },
    audience: cannedAudience(previous),
  };
}
