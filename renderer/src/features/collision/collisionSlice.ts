/**
 * Who else views or types in each conversation this window shows, as the core reports it
 * (`collision.set` answers; `collision.changed` pushes, wired in store/coreEvents.ts). Ephemeral
 * and never persisted; offline the core reports nobody.
 */
import { TYPING_TTL_MS, type ConversationPresenceAgent } from '../../../../shared/contracts/collision';
import { getApi } from '../../api/client';
import { useAppStore } from '../../store';
import type { SliceCreator } from '../../store/types';

export interface CollisionView {
  others: Record<string, ConversationPresenceAgent[]>;
  /** Tell the core what this window does in a conversation; a refusal just shows nobody. */
  report(conversationId: string, viewing: boolean, typing: boolean): void;
  /** The core says who is in a conversation now. */
  changed(conversationId: string, agents: ConversationPresenceAgent[]): void;
  /** Conversations whose customer is typing in the web chat widget right now. */
  customerTyping: Record<string, true>;
  /** The customer started or stopped typing (a lease: it lapses by itself after TYPING_TTL_MS). */
  customerTypingChanged(conversationId: string, typing: boolean): void;
}

export interface CollisionSlice {
  collision: CollisionView;
}

const NOBODY: ConversationPresenceAgent[] = [];

export const createCollisionSlice: SliceCreator<CollisionSlice> = (set) => {
  const lapses = new Map<string, ReturnType<typeof setTimeout>>();
  const setTyping = (conversationId: string, typing: boolean) =>
    set((state) => {
      const customerTyping = { ...state.collision.customerTyping };
      if (typing) customerTyping[conversationId] = true;
      else delete customerTyping[conversationId];
      return { collision: { ...state.collision, customerTyping } };
    });
  const setOthers = (update: (others: CollisionView['others']) => CollisionView['others']) =>
    set((state) => ({ collision: { ...state.collision, others: update({ ...state.collision.others }) } }));
  return {
    collision: {
      others: {},
      report(conversationId, viewing, typing) {
        const keep = (agents: ConversationPresenceAgent[]) =>
          setOthers((others) => {
            if (viewing || typing) others[conversationId] = agents;
            else delete others[conversationId];
            return others;
          });
        getApi()
          .collision.set({ conversationId, viewing, typing })
          .then(
            ({ agents }) => keep(agents),
            () => keep(NOBODY),
          );
      },
      changed(conversationId, agents) {
        setOthers((others) => ({ ...others, [conversationId]: agents }));
      },
      customerTyping: {},
      customerTypingChanged(conversationId, typing) {
        clearTimeout(lapses.get(conversationId));
        lapses.delete(conversationId);
        if (typing) lapses.set(conversationId, setTimeout(() => setTyping(conversationId, false), TYPING_TTL_MS));
        setTyping(conversationId, typing);
      },
    },
  };
};

/** Others in a conversation (stable empty list when there is nobody). */
export function useOthersIn(conversationId: string): ConversationPresenceAgent[] {
  return useAppStore((state) => state.collision.others[conversationId] ?? NOBODY);
}

/** Whether the conversation's customer is typing in the web chat widget. */
export function useCustomerTyping(conversationId: string): boolean {
  return useAppStore((state) => state.collision.customerTyping[conversationId] === true);
}
