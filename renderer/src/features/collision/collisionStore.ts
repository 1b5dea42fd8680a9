/**
 * Who else views or types in each conversation this window shows, as the core reports it
 * (`collision.set` answers, `collision.changed` pushes). Ephemeral and never persisted; offline
 * the core reports nobody.
 */
import { create } from 'zustand';
import type { ConversationPresenceAgent } from '../../../../shared/contracts/collision';
import { getApi } from '../../api/client';

interface CollisionState {
  others: Record<string, ConversationPresenceAgent[]>;
  /** Tell the core what this window does in a conversation; a refusal just shows nobody. */
  report(conversationId: string, viewing: boolean, typing: boolean): void;
}

const NOBODY: ConversationPresenceAgent[] = [];
let connected = false;

export const useCollisionStore = create<CollisionState>()((set) => ({
  others: {},
  report(conversationId, viewing, typing) {
    if (!connected) {
      connected = true;
      getApi().on('collision.changed', ({ conversationId: id, agents }) =>
        set((state) => ({ others: { ...state.others, [id]: agents } })),
      );
    }
    const keep = (agents: ConversationPresenceAgent[]) =>
      set((state) => {
        const others = { ...state.others };
        if (viewing || typing) others[conversationId] = agents;
        else delete others[conversationId];
        return { others };
      });
    getApi()
      .collision.set({ conversationId, viewing, typing })
      .then(
        ({ agents }) => keep(agents),
        () => keep(NOBODY),
      );
  },
}));

/** Others in a conversation (stable empty list when there is nobody). */
export function useOthersIn(conversationId: string): ConversationPresenceAgent[] {
  return useCollisionStore((state) => state.others[conversationId] ?? NOBODY);
}
