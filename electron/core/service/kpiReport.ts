/**
 * kpi.report: the KPI report for leads and admins, proxied to GET /api/v1/reports/kpi with the
 * session's token because it is computed over every conversation of the teams, which the cache
 * does not hold. The answer is validated against the contract before it reaches the window.
 */
import { KpiReportSchema } from '../../../shared/contracts/kpiReport';
import type { CoreContext } from './context';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

export function kpiReportHandlers(ctx: CoreContext): HandlersOf<'kpi.report'> {
  return {
    'kpi.report': ({ from, to, teamId, agentId, channel, tag }) => {
      const query = new URLSearchParams({ from, to });
      if (teamId) query.set('teamId', teamId);
      if (agentId) query.set('agentId', agentId);
      if (channel) query.set('channel', channel);
      if (tag) query.set('tag', tag);
      return callServer(ctx, { method: 'GET', path: `/api/v1/reports/kpi?${query.toString()}` }, KpiReportSchema);
    },
  };
}
