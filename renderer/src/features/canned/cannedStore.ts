/**
 * The canned-response library as the core lists it.
 * A view of the core, never a second database: it reloads when the core's `data.changed` names a
 * canned response (a sync, a local write, an ack or a rollback).
 */
import { create } from 'zustand';
import type { CannedListItem } from '../../../../shared/contracts/canned';
import { touchesKind } from '../../../../shared/contracts/records';
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
        if (touchesKind(payload.records, 'canned') || payload.directory) void get().load();
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
