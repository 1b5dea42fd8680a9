/**
 * qa.report: the quality report for leads and admins, proxied to GET /api/v1/reports/qa with the
 * session's token because it is computed over every review of the teams, which the cache does
 * not hold. The answer is validated against the contract before it reaches the window.
 */
import { QaReportSchema } from '../../../shared/contracts/qaReport';
import type { CoreContext } from './context';
import { callServer } from './serverApi';
import type { HandlersOf } from './types';

export function qaReportHandlers(ctx: CoreContext): HandlersOf<'qa.report'> {
  return {
    'qa.report': ({ from, to, teamId, agentId }) => {
      const query = new URLSearchParams({ from, to, ...(teamId ? { teamId } : {}), ...(agentId ? { agentId } : {}) });
      return callServer(ctx, { method: 'GET', path: `/api/v1/reports/qa?${query.toString()}` }, QaReportSchema);
    },
  };
}
