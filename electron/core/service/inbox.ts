/** inbox.*: the inbox list and search, both from the local cache (fast and offline). */
import { listInboxWithSla } from '../db/queries/inbox';
import { searchConversations } from '../db/queries/search';
import { withSlaClocks } from '../sync/sla';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

export function inboxHandlers(ctx: CoreContext): HandlersOf<'inbox.list' | 'inbox.search'> {
  return {
    'inbox.list': async (query) => {
      const { page, sla } = listInboxWithSla(ctx.db, query, ctx.viewer());
      return { ...page, rows: withSlaClocks(ctx.db, page.rows, sla) };
    },
    'inbox.search': async ({ query, limit }) => {
      ctx.viewer();
      return { hits: searchConversations(ctx.db, query, limit) };
    },
  };
}
