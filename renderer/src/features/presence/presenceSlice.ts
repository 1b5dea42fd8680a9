/**
 * The signed-in agent's presence as the core reports it (`presence.get`): status, load and
 * capacity per channel. store/coreEvents.ts reloads it when the inbox or the directory changes,
 * once the top bar has loaded it; `null` when there is none to show (signed out, a reviewer).
 */
import type { Presence } from '../../../../shared/contracts/routing';
import type { AgentStatus } from '../../../../shared/domain/model';
import { getApi } from '../../api/client';
import type { SliceCreator } from '../../store/types';

export interface PresenceView {
  current: Presence | null;
  loaded: boolean;
  load(): Promise<void>;
  /** Shows the new status at once and reloads what the core holds after it answers. */
  setStatus(status: AgentStatus): void;
}

export interface PresenceSlice {
  presence: PresenceView;
}

export const createPresenceSlice: SliceCreator<PresenceSlice> = (set, get) => {
  const patch = (change: Partial<PresenceView>) =>
    set((state) => ({ presence: { ...state.presence, ...change } }));
  return {
    presence: {
      current: null,
      loaded: false,
      async load() {
        try {
          patch({ current: await getApi().presence.get({}), loaded: true });
        } catch {
          patch({ current: null, loaded: true });
        }
      },
      setStatus(status) {
        const { current, load } = get().presence;
        if (current) patch({ current: { ...current, status } });
        void getApi().presence.set({ status }).then(load, load);
      },
    },
  };
};
