import type { StateCreator } from 'zustand';
import type { SessionSlice } from './sessionSlice';
import type { SyncSlice } from './syncSlice';
import type { InboxSlice } from './inboxSlice';
import type { ConversationSlice } from './conversationSlice';
import type { UiSlice } from './uiSlice';

export type StoreState = SessionSlice & SyncSlice & InboxSlice & ConversationSlice & UiSlice;

/** Every slice sees the whole store (to call sibling actions) but owns only its own fields. */
export type SliceCreator<T> = StateCreator<StoreState, [], [], T>;
