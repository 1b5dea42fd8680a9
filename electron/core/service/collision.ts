/**
 * collision.*: this workstation's viewing / typing reports, relayed by sync/collision.ts. Nothing
 * is cached; offline the answer is simply that nobody else is there. A refusal by the server
 * (`forbidden`, `not_found`) reaches the caller as the typed error it is.
 */
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

export function collisionHandlers(ctx: CoreContext): HandlersOf<'collision.set'> {
  return {
    'collision.set': async (report) => {
      ctx.viewer();
      try {
        return { agents: await ctx.collision.set(report) };
      } catch (error) {
        // The connection dropped mid-request: offline shows nobody, like any other offline moment.
        if (error instanceof SwitchboardError && error.code === 'offline') return { agents: [] };
        throw error;
      }
    },
  };
}
