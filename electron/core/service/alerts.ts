/**
 * alerts.*: the alerts a lead or admin received, from the cache (works offline), and the
 * acknowledgement, one or several (through the outbox as `alert.acknowledge`, shown at once);
 * mutes (proxied to the server: they need it); the lead's notification choices per kind (kept
 * in this cache, read by core.ts before it raises a toast or a desktop notification).
 * live.agentConversations: what an agent holds, from the cache (the viewer's teams only).
 * live.*: the Live screen's server-side views (team routing, capacity, SLA report), proxied to the
 * HTTP API because they are computed over data the cache does not hold.
 */
import { AlertRpcContract, AT_RISK_WITHIN_MS, SlaReportSchema } from '../../../shared/contracts/alerts';
import { recordKey } from '../../../shared/contracts/records';
import { WaitHistorySchema } from '../../../shared/contracts/live';
import { SwitchboardError } from '../../../shared/contracts/errors';
import { AgentCapacityBodySchema, TeamRoutingViewSchema } from '../../../shared/contracts/routing';
import { countUnacknowledged, listAlerts } from '../db/queries/alerts';
import { listTeams } from '../db/queries/directory';
import { getAlertPreferences, setAlertPreferences } from '../db/queries/meta';
import { agentConversations, teamQueues } from '../db/queries/live';
import { queueAlertAcknowledge } from '../sync/alertSync';
import type { CoreContext } from './context';
import { announceLocalWrite } from './localWrite';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

const DEFAULT_ALERT_LIMIT = 200;

type AlertMethods =
  | 'alerts.list'
  | 'alerts.acknowledge'
  | 'alerts.acknowledgeMany'
  | 'alerts.mutes'
  | 'alerts.mute'
  | 'alerts.unmute'
  | 'alerts.preferences'
  | 'alerts.setPreferences'
  | 'live.queues'
  | 'live.agentConversations'
  | 'live.teamRouting'
  | 'live.setAutoAssign'
  | 'live.setCapacity'
  | 'live.setAgentStatus'
  | 'live.slaReport'
  | 'live.waitHistory';

function requireLead(ctx: CoreContext) {
  const viewer = ctx.viewer();
  if (viewer.role !== 'lead' && viewer.role !== 'admin')
    throw new SwitchboardError('forbidden', 'Only team leads and admins see the Live screen.');
  return viewer;
}

/** The teams whose floor the viewer sees: the ones they lead, every cached team for an admin. */
function ledTeams(ctx: CoreContext): string[] {
  const viewer = requireLead(ctx);
  return viewer.role === 'admin' ? listTeams(ctx.db).map((team) => team.id) : viewer.teamIds;
}

const MUTES = '/api/v1/alerts/mutes';
const mute = (conversationId: string) => `${MUTES}/${encodeURIComponent(conversationId)}`;
const MutesAnswer = AlertRpcContract['alerts.mutes'].output;
const MuteAnswer = AlertRpcContract['alerts.mute'].output;
const UnmuteAnswer = AlertRpcContract['alerts.unmute'].output;

const team = (teamId: string) => `/api/v1/routing/teams/${encodeURIComponent(teamId)}`;

export function alertHandlers(ctx: CoreContext): HandlersOf<AlertMethods> {
  return {
    'alerts.list': async ({ limit }) => {
      requireLead(ctx);
      return {
        alerts: listAlerts(ctx.db, limit ?? DEFAULT_ALERT_LIMIT),
        unacknowledged: countUnacknowledged(ctx.db),
      };
    },
    'alerts.acknowledge': async ({ alertId }) => {
      requireLead(ctx);
      if (queueAlertAcknowledge(ctx.db, alertId)) announceLocalWrite(ctx, [recordKey('alert', alertId)]);
      return { ok: true as const };
    },
    'alerts.acknowledgeMany': async ({ alertIds }) => {
      requireLead(ctx);
      // All or none: an unknown id refuses the whole selection.
      const queued = ctx.db.transaction(() =>
        [...new Set(alertIds)].filter((alertId) => queueAlertAcknowledge(ctx.db, alertId)),
      )();
      if (queued.length > 0) announceLocalWrite(ctx, queued.map((alertId) => recordKey('alert', alertId)));
      return { ok: true as const, queued: queued.length };
    },
    'alerts.mutes': () => {
      requireLead(ctx);
      return callServer(ctx, { method: 'GET', path: MUTES }, MutesAnswer);
    },
    'alerts.mute': ({ conversationId, minutes }) => {
      requireLead(ctx);
      return callServer(ctx, { method: 'PUT', path: mute(conversationId), body: { minutes } }, MuteAnswer);
    },
    'alerts.unmute': ({ conversationId }) => {
      requireLead(ctx);
      return callServer(ctx, { method: 'DELETE', path: mute(conversationId) }, UnmuteAnswer);
    },
    'alerts.preferences': async () => {
      requireLead(ctx);
      return getAlertPreferences(ctx.db);
    },
    'alerts.setPreferences': async (preferences) => {
      requireLead(ctx);
      setAlertPreferences(ctx.db, preferences);
      return preferences;
    },
    'live.queues': async () => {
      const teamIds = ledTeams(ctx);
      const now = Date.now();
      const atRiskBefore = new Date(now + AT_RISK_WITHIN_MS).toISOString();
      return { teams: teamQueues(ctx.db, teamIds, atRiskBefore, new Date(now).toISOString()) };
    },
    'live.agentConversations': async ({ agentId }) => {
      const teamIds = ledTeams(ctx);
      return { conversations: agentConversations(ctx.db, agentId, teamIds) };
    },
    'live.teamRouting': ({ teamId }) =>
      callServer(ctx, { method: 'GET', path: team(teamId) }, TeamRoutingViewSchema),
    'live.setAutoAssign': ({ teamId, autoAssign }) =>
      callServer(ctx, { method: 'PUT', path: team(teamId), body: { autoAssign } }, TeamRoutingViewSchema),
    'live.setCapacity': ({ agentId, capacity }) =>
      callServer(
        ctx,
        {
          method: 'PUT',
          path: `/api/v1/routing/agents/${encodeURIComponent(agentId)}/capacity`,
          body: { capacity },
        },
        AgentCapacityBodySchema,
      ),
    'live.setAgentStatus': ({ agentId, status }) =>
      callServer(
        ctx,
        { method: 'PUT', path: `/api/v1/routing/agents/${encodeURIComponent(agentId)}/status`, body: { status } },
        AlertRpcContract['live.setAgentStatus'].output,
      ),
    'live.waitHistory': ({ teamId }) =>
      callServer(
        ctx,
        { method: 'GET', path: `/api/v1/live/waiting-history?teamId=${encodeURIComponent(teamId)}` },
        WaitHistorySchema,
      ),
    'live.slaReport': ({ from, to, teamId }) => {
      const query = new URLSearchParams({ from, to, ...(teamId ? { teamId } : {}) });
      return callServer(
        ctx,
        { method: 'GET', path: `/api/v1/reports/sla?${query.toString()}` },
        SlaReportSchema,
      );
    },
  };
}
