/**
 * alerts.*: the alerts a lead or admin received, from the cache (works offline), and the
 * acknowledgement (through the outbox as `alert.acknowledge`, shown at once).
 * live.*: the Live screen's server-side views (team routing, capacity, SLA report), proxied to the
 * HTTP API because they are computed over data the cache does not hold.
 */
import { AT_RISK_WITHIN_MS, SlaReportSchema } from '../../../shared/contracts/alerts';
import { recordKey } from '../../../shared/contracts/records';
import { SwitchboardError } from '../../../shared/contracts/errors';
import { AgentCapacityBodySchema, TeamRoutingViewSchema } from '../../../shared/contracts/routing';
import { countUnacknowledged, listAlerts } from '../db/queries/alerts';
import { listTeams } from '../db/queries/directory';
import { teamQueues } from '../db/queries/live';
import { queueAlertAcknowledge } from '../sync/alertSync';
import type { CoreContext } from './context';
import { announceLocalWrite } from './localWrite';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

const DEFAULT_ALERT_LIMIT = 200;

type AlertMethods =
  | 'alerts.list'
  | 'alerts.acknowledge'
  | 'live.queues'
  | 'live.teamRouting'
  | 'live.setAutoAssign'
  | 'live.setCapacity'
  | 'live.slaReport';

function requireLead(ctx: CoreContext) {
  const viewer = ctx.viewer();
  if (viewer.role !== 'lead' && viewer.role !== 'admin')
    throw new SwitchboardError('forbidden', 'Only team leads and admins see the Live screen.');
  return viewer;
}

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
    'live.queues': async () => {
      const viewer = requireLead(ctx);
      const teamIds = viewer.role === 'admin' ? listTeams(ctx.db).map((team) => team.id) : viewer.teamIds;
      const now = Date.now();
      const atRiskBefore = new Date(now + AT_RISK_WITHIN_MS).toISOString();
      return { teams: teamQueues(ctx.db, teamIds, atRiskBefore, new Date(now).toISOString()) };
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
