/**
 * The canned-response library as the core lists it.
 * A view of the core, never a second database: it reloads when the core's `data.changed` names a
 * `canned:<id>` key (a sync, a local write, an ack or a rollback).
 */
import { create } from 'zustand';
import { CANNED_KEY_PREFIX, type CannedListItem } from '../../../../shared/contracts/canned';
import { getApi } from '../../api/client';

interface CannedState {
  responses: CannedListItem[];
  loaded: boolean;
  load(): Promise<void>;
}

let connected = false;

export const useCannedStore = create<CannedState>()((set, get) => ({
  responses: [],
  loaded: false,
  async load() {
    if (!connected) {
      connected = true;
      getApi().on('data.changed', (payload) => {
        if (payload.conversationIds.some((id) => id.startsWith(CANNED_KEY_PREFIX)) || payload.directory) void get().load();
      });
    }
    try {
      const { responses } = await getApi().canned.list({});
      set({ responses, loaded: true });
    } catch {
      set({ loaded: true }); // signed out or core restarting: the next data.changed reloads
    }
  },
}));
