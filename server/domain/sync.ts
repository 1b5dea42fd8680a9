/** sync.pull: the changes after a cursor that the caller may see, one page at a time. */
import type { PullRequest, PullResponse } from '../../shared/contracts/sync';
import type { Viewer } from '../../shared/domain/visibility';
import { pullVisibleChanges } from '../db/queries/changes';
import type { DomainContext } from './context';

export const PULL_PAGE_DEFAULT = 500;

export async function pull(ctx: DomainContext, viewer: Viewer, request: PullRequest): Promise<PullResponse> {
  return pullVisibleChanges(ctx.store.db, viewer, request.cursor, request.limit ?? PULL_PAGE_DEFAULT);
}
