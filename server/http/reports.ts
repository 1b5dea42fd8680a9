/**
 * Reports API (Bearer agent token, role lead or admin):
 *   GET /api/v1/reports/sla?from=<ISO>&to=<ISO>[&teamId=]  → SlaReport (shared/contracts/alerts.ts)
 *   GET /api/v1/reports/qa?from=<ISO>&to=<ISO>[&teamId=][&agentId=]  → QaReport (shared/contracts/qaReport.ts)
 *   GET /api/v1/reports/kpi?from=<ISO>&to=<ISO>[&teamId=][&agentId=][&channel=][&tag=]  → KpiReport (shared/contracts/kpiReport.ts)
 * A lead gets their own teams (asking for another team is 403); an admin gets every team or the
 * one asked for. `from` is inclusive, `to` exclusive, at most 366 days apart; bad input is a 400.
 */
import type { FastifyInstance } from 'fastify';
import { SlaReportQuerySchema } from '../../shared/contracts/alerts';
import { KpiReportQuerySchema } from '../../shared/contracts/kpiReport';
import { QaReportQuerySchema } from '../../shared/contracts/qaReport';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import { authenticate } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { buildKpiReport } from '../domain/reports/kpiReport';
import { buildQaReport } from '../domain/reports/qaReport';
import { buildSlaReport } from '../domain/reports/slaReport';
import { bearerToken } from './errors';

export function registerReportRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.get('/api/v1/reports/sla', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
    const { agent } = await authenticate(ctx, token);
    // Role first, so an agent learns nothing about the query's shape.
    if (agent.role !== 'lead' && agent.role !== 'admin')
      throw new SwitchboardError('forbidden', 'only team leads and admins read SLA reports');
    const query = parseOrThrow(SlaReportQuerySchema, request.query, 'sla report query');
    return buildSlaReport(ctx, agent, query);
  });

  app.get('/api/v1/reports/qa', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
    const { agent } = await authenticate(ctx, token);
    if (agent.role !== 'lead' && agent.role !== 'admin')
      throw new SwitchboardError('forbidden', 'only team leads and admins read quality reports');
    const query = parseOrThrow(QaReportQuerySchema, request.query, 'quality report query');
    return buildQaReport(ctx, agent, query);
  });

  app.get('/api/v1/reports/kpi', async (request) => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
    const { agent } = await authenticate(ctx, token);
    if (agent.role !== 'lead' && agent.role !== 'admin')
      throw new SwitchboardError('forbidden', 'only team leads and admins read KPI reports');
    const query = parseOrThrow(KpiReportQuerySchema, request.query, 'KPI report query');
    return buildKpiReport(ctx, agent, query);
  });
}
