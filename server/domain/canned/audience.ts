/**
 * A canned response's change-log entries. Who hears of them is the `canned` rule in
 * ../records.ts: a team response reaches its team, a personal one its owner; a write names the
 * library the response left as well, so a moved response leaves the old one too.
 */
import type { CannedResponse } from '../../../shared/canned/model';
import type { NewChange } from '../../db/queries/changes';
import { addressFor } from '../records';

export function cannedUpdated(response: CannedResponse, previous?: CannedResponse): NewChange {
  return {
    change: { type: 'canned_response.updated', cannedResponse: response },
    ...addressFor('canned', response, previous),
  };
}

export function cannedDeleted(previous: CannedResponse): NewChange {
  return {
    change: { type: 'canned_response.deleted', cannedResponseId: previous.id },
    ...addressFor('canned', previous),
  };
}
