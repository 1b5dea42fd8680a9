/**
 * The one zustand store, built from slices. It is a view of the workstation core: it holds what
 * the screens show and reloads it when the core says data changed; the core's SQLite cache
 * stays the only database. Read it with selectors (and useShallow for derived collections).
 */
import { create, useStore } from 'zustand';
import type { UiLanguage } from '../lib/time';
import { createConversationSlice } from './conversationSlice';
import { createInboxSlice } from './inboxSlice';
import { createSessionSlice } from './sessionSlice';
import { createSyncSlice } from './syncSlice';
import type { StoreState } from './types';
import { createUiSlice } from './uiSlice';
import { createAdminSlice } from '../features/admin/adminSlice';
import { createCannedSlice } from '../features/canned/cannedSlice';
import { createCollisionSlice } from '../features/collision/collisionSlice';
import { createLiveSlice } from '../features/live/liveSlice';
import { createPresenceSlice } from '../features/presence/presenceSlice';
import { createQaSlice } from '../features/qa/qaSlice';
import { createQaReportSlice } from '../features/qa/qaReportSlice';
import { createKpiSlice } from '../features/kpi/kpiSlice';

export type { StoreState } from './types';

export function createAppStore(language: UiLanguage) {
  return create<StoreState>()((...args) => ({
    ...createSessionSlice(...args),
    ...createSyncSlice(...args),
    ...createInboxSlice(...args),
    ...createConversationSlice(...args),
    ...createUiSlice(language)(...args),
    // Feature slices: each keeps its state and its calls to the core under one key.
    ...createPresenceSlice(...args),
    ...createCollisionSlice(...args),
    ...createCannedSlice(...args),
    ...createLiveSlice(...args),
    ...createAdminSlice(...args),
    ...createQaSlice(...args),
    ...createQaReportSlice(...args),
    ...createKpiSlice(...args),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

let instance: AppStore | null = null;

/** Creates the window's store once, at start-up (after i18n, which decides the language). */
export function initStore(language: UiLanguage): AppStore {
  instance ??= createAppStore(language);
  return instance;
}

export function appStore(): AppStore {
  if (!instance) throw new Error('The store is used before initStore().');
  return instance;
}

/** Read the store with a selector; wrap derived collections in useShallow. */
export function useAppStore<T>(selector: (state: StoreState) => T): T {
  return useStore(appStore(), selector);
}
