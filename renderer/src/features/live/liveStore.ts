/**
 * The Live screen's view of the core: alerts (from the cache, reloaded when a `data.changed`
 * names an alert) and the per-team queue figures (reloaded when inbox rows change).
 * The rail badge reads the unacknowledged count from here too. Never a second database.
 */
import { create } from 'zustand';
import type { AlertListItem, TeamQueue } from '../../../../shared/contracts/alerts';
import { touchesKind } from '../../../../shared/contracts/records';
import { getApi } from '../../api/client';
import { appStore } from '../../store';

interface LiveState {
  alerts: AlertListItem[];
  unacknowledged: number;
  queues: TeamQueue[];
  alertsLoaded: boolean;
  /** Subscribe to the core's changes (once) and load alerts. */
  start(): void;
  loadAlerts(): Promise<void>;
  loadQueues(): Promise<void>;
}

let connected = false;
let queueReload: ReturnType<typeof setTimeout> | null = null;
const QUEUE_RELOAD_DELAY_MS = 250;

export const useLiveStore = create<LiveState>()((set, get) => ({
  alerts: [],
  unacknowledged: 0,
  queues: [],
  alertsLoaded: false,
  start() {
    if (!connected) {
      connected = true;
      getApi().on('data.changed', (payload) => {
        if (payload.directory || touchesKind(payload.records, 'alert'))
          void get().loadAlerts();
        // A busy sync announces many pages a second: one queue reload per burst is enough.
        if ((payload.inbox || payload.directory) && !queueReload)
          queueReload = setTimeout(() => {
            queueReload = null;
            void get().loadQueues();
          }, QUEUE_RELOAD_DELAY_MS);
      });
      // A VIP waiting or an unhappy customer gets a toast too (breaches already have theirs).
      getApi().on('alert.raised', (payload) => {
        appStore().getState().pushToast({
          key: `live.toast.${payload.kind}`,
          params: { name: payload.contactName },
          tone: 'warning',
          conversationId: payload.conversationId,
          group: `alert.${payload.kind}`,
        });
      });
    }
    void get().loadAlerts();
  },
  async loadAlerts() {
    try {
      const { alerts, unacknowledged } = await getApi().alerts.list({});
      set({ alerts, unacknowledged, alertsLoaded: true });
    } catch {
      // Signed out or not a lead: nothing to show; the next change reloads.
      set({ alerts: [], unacknowledged: 0, alertsLoaded: true });
    }
  },
  async loadQueues() {
    try {
      set({ queues: (await getApi().live.queues({})).teams });
    } catch {
      set({ queues: [] });
    }
  },
}));
