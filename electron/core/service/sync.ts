/** sync.*: the connection state and the number of unacknowledged local writes. */
import { getCursor } from '../db/queries/meta';
import { outboxCount } from '../db/queries/outbox';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

export function syncHandlers(ctx: CoreContext): HandlersOf<'sync.status'> {
  return {
    'sync.status': async () =>
      ctx.sync()?.status() ?? {
        state: 'signedOut',
        pending: outboxCount(ctx.db),
        cursor: getCursor(ctx.db),
        lastError: null,
      },
  };
}
