/**
 * The Live screen's view of the core: alerts (from the cache) and the per-team queue figures,
 * plus the calls the lead's panels make (acknowledge, team routing, capacity, the SLA report).
 * store/coreEvents.ts reloads alerts when a `data.changed` names an alert and the queues when
 * inbox rows change, once the screen (or the rail badge) has loaded them. Never a second database.
 */
import type { AlertMute } from '../../../../shared/alerts';
import {
  DEFAULT_ALERT_PREFERENCES,
  type AgentConversation,
  type AlertListItem,
  type AlertPreferences,
  type TeamQueue,
} from '../../../../shared/contracts/alerts';
import type { RpcInput, RpcOutput } from '../../../../shared/contracts/rpc';
import { getApi } from '../../api/client';
import type { SliceCreator } from '../../store/types';
import { mergeHistory, withSample, type WaitSample } from './waitHistory';

export interface LiveFloor {
  alerts: AlertListItem[];
  unacknowledged: number;
  alertsLoaded: boolean;
  queues: TeamQueue[];
  queuesLoaded: boolean;
  /** Each team's waiting count over the last hour, sampled at every queue load in this window. */
  waitHistory: Record<string, WaitSample[]>;
  loadAlerts(): Promise<void>;
  loadQueues(): Promise<void>;
  /** Rejects with the core's error (not a lead of the team, offline is queued, not refused). */
  acknowledge(alertId: string): Promise<void>;
  /** Several at once (a selection, a conversation's group, all shown), queued like one. */
  acknowledgeMany(alertIds: readonly string[]): Promise<void>;
  /** Muted conversations (from the server; empty with `mutesError` when it cannot be reached). */
  mutes: AlertMute[];
  mutesError: string | null;
  loadMutes(): Promise<void>;
  /** Mute for `minutes` (null: until unmuted); the conversation's open alerts are acknowledged. */
  mute(conversationId: string, minutes: number | null): Promise<void>;
  unmute(conversationId: string): Promise<void>;
  /** The signed-in lead takes the conversation (from its alert card). */
  assignToMe(conversationId: string): Promise<void>;
  /** What an agent holds now (from the cache). */
  agentConversations(agentId: string): Promise<AgentConversation[]>;
  /** Hand a conversation to another agent (queued like any assignment; the server decides). */
  reassign(conversationId: string, agentId: string): Promise<void>;
  /** An internal note on a conversation: the agents see it, the customer never does. */
  leaveNote(conversationId: string, text: string): Promise<void>;
  /** The lead's toast / desktop notification and sound choice per kind (kept on this workstation). */
  preferences: AlertPreferences;
  loadPreferences(): Promise<void>;
  setPreferences(preferences: AlertPreferences): Promise<void>;
  teamRouting(teamId: string): Promise<RpcOutput<'live.teamRouting'>>;
  setAutoAssign(teamId: string, autoAssign: boolean): Promise<RpcOutput<'live.setAutoAssign'>>;
  setCapacity(input: RpcInput<'live.setCapacity'>): Promise<void>;
  /** A lead sets an agent's status (needs the server; rejects with its error). */
  setAgentStatus(input: RpcInput<'live.setAgentStatus'>): Promise<void>;
  slaReport(range: RpcInput<'live.slaReport'>): Promise<RpcOutput<'live.slaReport'>>;
}

export interface LiveSlice {
  live: LiveFloor;
}

export const createLiveSlice: SliceCreator<LiveSlice> = (set, get) => {
  const patch = (change: Partial<LiveFloor>) => set((state) => ({ live: { ...state.live, ...change } }));
  // Teams whose server-kept hour is in waitHistory already (fetched once; offline: tried again).
  const serverHistory = new Set<string>();
  const fetchServerHistory = async (teamId: string) => {
    if (serverHistory.has(teamId)) return;
    serverHistory.add(teamId);
    try {
      const { samples } = await getApi().live.waitHistory({ teamId });
      const fromServer = samples.map((sample) => ({ at: Date.parse(sample.at), waiting: sample.waiting }));
      set((state) => ({
        live: {
          ...state.live,
          waitHistory: {
            ...state.live.waitHistory,
            [teamId]: mergeHistory(state.live.waitHistory[teamId] ?? [], fromServer, Date.now()),
          },
        },
      }));
    } catch {
      serverHistory.delete(teamId);
    }
  };
  return {
    live: {
      alerts: [],
      unacknowledged: 0,
      alertsLoaded: false,
      queues: [],
      queuesLoaded: false,
      waitHistory: {},
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
          const { teams } = await getApi().live.queues({});
          const now = Date.now();
          set((state) => {
            const waitHistory: Record<string, WaitSample[]> = {};
            for (const team of teams)
              waitHistory[team.teamId] = withSample(state.live.waitHistory[team.teamId] ?? [], now, team.waiting);
            return { live: { ...state.live, queues: teams, queuesLoaded: true, waitHistory } };
          });
          for (const team of teams) void fetchServerHistory(team.teamId);
        } catch {
          patch({ queues: [], queuesLoaded: true });
        }
      },
      async acknowledge(alertId) {
        await getApi().alerts.acknowledge({ alertId });
      },
      async acknowledgeMany(alertIds) {
        if (alertIds.length === 0) return;
        await getApi().alerts.acknowledgeMany({ alertIds: [...alertIds] });
      },
      mutes: [],
      mutesError: null,
      async loadMutes() {
        try {
          patch({ mutes: (await getApi().alerts.mutes({})).mutes, mutesError: null });
        } catch (error) {
          patch({ mutes: [], mutesError: error instanceof Error ? error.message : String(error) });
        }
      },
      async mute(conversationId, minutes) {
        await getApi().alerts.mute({ conversationId, minutes });
        await get().live.loadMutes();
      },
      async unmute(conversationId) {
        await getApi().alerts.unmute({ conversationId });
        await get().live.loadMutes();
      },
      async assignToMe(conversationId) {
        const me = get().session?.agent.id;
        if (!me) return;
        await getApi().conversation.assign({ conversationId, assigneeId: me });
      },
      async agentConversations(agentId) {
        return (await getApi().live.agentConversations({ agentId })).conversations;
      },
      async reassign(conversationId, agentId) {
        await getApi().conversation.assign({ conversationId, assigneeId: agentId });
      },
      async leaveNote(conversationId, text) {
        await getApi().conversation.reply({ conversationId, kind: 'note', text });
      },
      preferences: DEFAULT_ALERT_PREFERENCES,
      async loadPreferences() {
        try {
          patch({ preferences: await getApi().alerts.preferences({}) });
        } catch {
          // Not a lead: the defaults stand and nothing is raised anyway.
        }
      },
      async setPreferences(preferences) {
        patch({ preferences: await getApi().alerts.setPreferences(preferences) });
      },
      teamRouting: (teamId) => getApi().live.teamRouting({ teamId }),
      setAutoAssign: (teamId, autoAssign) => getApi().live.setAutoAssign({ teamId, autoAssign }),
      async setCapacity(input) {
        await getApi().live.setCapacity(input);
      },
      async setAgentStatus(input) {
        await getApi().live.setAgentStatus(input);
      },
      slaReport: (range) => getApi().live.slaReport(range),
    },
  };
};
