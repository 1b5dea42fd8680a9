/**
 * presence.*: the signed-in agent's status (through the outbox as `agent.setStatus`, shown at
 * once) and load vs capacity. Load is counted from the cache so it is live; capacity is asked of
 * the server once per session (GET /api/v1/routing/me) and falls back to the defaults offline.
 * The desktop shell's idle / screen-lock watcher calls `presence.set` like the UI does.
 */
import { DEFAULT_CAPACITY, MyRoutingSchema, type Capacity } from '../../../shared/contracts/routing';
import { getAgent } from '../db/queries/directory';
import { takeMutationId } from '../db/queries/meta';
import { insertOutbox } from '../db/queries/outbox';
import { heldLoad, setLocalAgentStatus } from '../db/queries/presence';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

export function presenceHandlers(ctx: CoreContext): HandlersOf<'presence.get' | 'presence.set'> {
  let capacityFor: { token: string; capacity: Capacity } | null = null;

  async function capacity(): Promise<Capacity> {
    const token = ctx.token();
    const session = ctx.session();
    if (!token || !session) return { ...DEFAULT_CAPACITY };
    if (capacityFor?.token === token) return capacityFor.capacity;
    try {
      const response = await ctx.fetch(`${session.serverUrl}/api/v1/routing/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) return { ...DEFAULT_CAPACITY };
      const parsed = MyRoutingSchema.safeParse(await response.json());
      if (!parsed.success) return { ...DEFAULT_CAPACITY };
      capacityFor = { token, capacity: parsed.data.capacity };
      return parsed.data.capacity;
    } catch {
      return { ...DEFAULT_CAPACITY };
    }
  }

  return {
    'presence.get': async () => {
      const viewer = ctx.viewer();
      const status = getAgent(ctx.db, viewer.id)?.status ?? viewer.status;
      return { status, load: heldLoad(ctx.db, viewer.id), capacity: await capacity() };
    },
    'presence.set': async ({ status }) => {
      const viewer = ctx.viewer();
      ctx.db.transaction(() => {
        insertOutbox(ctx.db, {
          mutationId: takeMutationId(ctx.db),
          name: 'agent.setStatus',
          args: { status },
          record: null,
          createdAt: new Date().toISOString(),
        });
        setLocalAgentStatus(ctx.db, viewer.id, status);
      })();
      ctx.announce({ conversationIds: [], inbox: false, directory: true });
      const sync = ctx.sync();
      sync?.emitStatus();
      void sync?.drain();
      return { ok: true as const };
    },
  };
}
