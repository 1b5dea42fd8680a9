/**
 * Who hears of a canned-response change. A team response reaches its team (agents and leads) and
 * admins; a personal one reaches its owner, whatever the role. A write names the library the
 * response left as well, so a response moved from a personal library to a team (or back) leaves
 * the old one too.
 */
import type { CannedResponse } from '../../../shared/canned/model';
import type { AudienceMember } from '../../../shared/domain/audience';
import { recordKey } from '../../../shared/contracts/records';
import type { ChangeAddress, NewChange } from '../../db/queries/changes';

function library(response: Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>): AudienceMember {
  return response.scope === 'team'
    ? { kind: 'team', teamId: response.teamId! }
    : { kind: 'personal', ownerId: response.ownerId! };
}

/** `previous` is the response before this write, so a library it left still hears of it. */
export function cannedAddress(response: CannedResponse, previous?: CannedResponse): ChangeAddress {
  const audience = [library(response)];
  if (previous) audience.push(library(previous));
  return { record: recordKey('canned', response.id), audience };
}

export function cannedUpdated(response: CannedResponse, previous?: CannedResponse): NewChange {
  return {
    change: { type: 'canned_response.updated', cannedResponse: response },
    ...cannedAddress(response, previous),
  };
}

export function cannedDeleted(previous: CannedResponse): NewChange {
  return {
    change: { type: 'canned_response.deleted', cannedResponseId: previous.id },
    ...cannedAddress(previous),
  };
}
