import type { StateCreator } from 'zustand';
import type { SessionSlice } from './sessionSlice';
import type { SyncSlice } from './syncSlice';
import type { InboxSlice } from './inboxSlice';
import type { ConversationSlice } from './conversationSlice';
import type { UiSlice } from './uiSlice';
import type { AdminSlice } from '../features/admin/adminSlice';
import type { CannedSlice } from '../features/canned/cannedSlice';
import type { CollisionSlice } from '../features/collision/collisionSlice';
import type { LiveSlice } from '../features/live/liveSlice';
import type { PresenceSlice } from '../features/presence/presenceSlice';
import type { QaSlice } from '../features/qa/qaSlice';
import type { QaReportSlice } from '../features/qa/qaReportSlice';
import type { KpiSlice } from '../features/kpi/kpiSlice';

export type StoreState = SessionSlice &
  SyncSlice &
  InboxSlice &
  ConversationSlice &
  UiSlice &
  PresenceSlice &
  CollisionSlice &
  CannedSlice &
  LiveSlice &
  AdminSlice &
  QaSlice &
  QaReportSlice &
  KpiSlice;

/** Every slice sees the whole store (to call sibling actions) but owns only its own fields. */
export type SliceCreator<T> = StateCreator<StoreState, [], [], T>;
