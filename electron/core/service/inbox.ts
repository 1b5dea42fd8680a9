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
      if (!query.known) return { ...page, rows: withSlaClocks(ctx.db, page.rows, sla) };
      // The window holds these rows already: name them in `order`, send (and build clocks for) the rest.
      const known = new Set(query.known);
      const fresh = page.rows.filter((row) => !known.has(row.id));
      const freshIds = new Set(fresh.map((row) => row.id));
      return {
        ...page,
        order: page.rows.map((row) => row.id),
        rows: withSlaClocks(
          ctx.db,
          fresh,
          sla.filter((row) => freshIds.has(row.id)),
        ),
      };
    },
    'inbox.search': async ({ query, limit }) => {
      ctx.viewer();
      return { hits: searchConversations(ctx.db, query, limit) };
    },
  };
}
