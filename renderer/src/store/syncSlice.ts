/** The core's sync state as the connection indicator shows it. */
import type { SyncStatus } from '../../../shared/contracts/rpc';
import { getApi } from '../api/client';
import type { SliceCreator } from './types';

export interface SyncSlice {
  sync: SyncStatus | null;
  setSync(status: SyncStatus): void;
  refreshSync(): Promise<void>;
}

export const createSyncSlice: SliceCreator<SyncSlice> = (set) => ({
  sync: null,
  setSync(status) {
    set({ sync: status });
  },
  async refreshSync() {
    try {
      set({ sync: await getApi().sync.status({}) });
    } catch {
      // The core itself is unreachable (web mode): show offline, keep the pending count we knew.
      set((state) => ({
        sync: { state: 'offline', pending: state.sync?.pending ?? 0, cursor: state.sync?.cursor ?? 0, lastError: null },
      }));
    }
  },
});
