/** directory.*: teams and agents from the cache. */
import { listAgents, listTeams } from '../db/queries/directory';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

export function directoryHandlers(ctx: CoreContext): HandlersOf<'directory.get'> {
  return {
    'directory.get': async () => ({ teams: listTeams(ctx.db), agents: listAgents(ctx.db) }),
  };
}
