/**
 * The Live screen's view of the core: alerts (from the cache) and the per-team queue figures,
 * plus the calls the lead's panels make (acknowledge, team routing, capacity, the SLA report).
 * store/coreEvents.ts reloads alerts when a `data.changed` names an alert and the queues when
 * inbox rows change, once the screen (or the rail badge) has loaded them. Never a second database.
 */
import type { AlertListItem, TeamQueue } from '../../../../shared/contracts/alerts';
import type { RpcInput, RpcOutput } from '../../../../shared/contracts/rpc';
import { getApi } from '../../api/client';
import type { SliceCreator } from '../../store/types';

export interface LiveFloor {
  alerts: AlertListItem[];
  unacknowledged: number;
  alertsLoaded: boolean;
  queues: TeamQueue[];
  queuesLoaded: boolean;
  loadAlerts(): Promise<void>;
  loadQueues(): Promise<void>;
  /** Rejects with the core's error (not a lead of the team, offline is queued, not refused). */
  acknowledge(alertId: string): Promise<void>;
  teamRouting(teamId: string): Promise<RpcOutput<'live.teamRouting'>>;
  setAutoAssign(teamId: string, autoAssign: boolean): Promise<RpcOutput<'live.setAutoAssign'>>;
  setCapacity(input: RpcInput<'live.setCapacity'>): Promise<void>;
  slaReport(range: RpcInput<'live.slaReport'>): Promise<RpcOutput<'live.slaReport'>>;
}

export interface LiveSlice {
  live: LiveFloor;
}

export const createLiveSlice: SliceCreator<LiveSlice> = (set) => {
  const patch = (change: Partial<LiveFloor>) => set((state) => ({ live: { ...state.live, ...change } }));
  return {
    live: {
      alerts: [],
      unacknowledged: 0,
      alertsLoaded: false,
      queues: [],
      queuesLoaded: false,
      async loadAlerts() {
        try {
          const { alerts, unacknowledged } = await getApi().alerts.list({});
          patch({ alerts, unacknowledged, alertsLoaded: true });
        } catch {
          // Signed out or not a lead: nothing to show; the next change reloads.
          patch({ alerts: [], unacknowledged: 0, alertsLoaded: true });
        }
      },
      async loadQueues() {
        try {
          patch({ queues: (await getApi().live.queues({})).teams, queuesLoaded: true });
        } catch {
          patch({ queues: [], queuesLoaded: true });
        }
      },
      async acknowledge(alertId) {
        await getApi().alerts.acknowledge({ alertId });
      },
      teamRouting: (teamId) => getApi().live.teamRouting({ teamId }),
      setAutoAssign: (teamId, autoAssign) => getApi().live.setAutoAssign({ teamId, autoAssign }),
      async setCapacity(input) {
        await getApi().live.setCapacity(input);
      },
      slaReport: (range) => getApi().live.slaReport(range),
    },
  };
};
