/**
 * CSV export of a KPI report: one table with a row for the whole period and one per team, agent,
 * channel, issue type and day, `dimension` saying which. Durations in seconds and percentages to
 * one decimal; an empty cell means there is no figure (nothing counted). papaparse does the RFC
 * 4180 quoting; cells a spreadsheet would run as a formula get a leading `'`.
 */
import Papa from 'papaparse';
import type { KpiFigures, KpiReport } from '../../../../shared/contracts/kpiReport';

export const KPI_CSV_COLUMNS = [
  'dimension',
  'key',
  'name',
  'conversations',
  'first_response_median_sec',
  'first_response_p90_sec',
  'next_response_median_sec',
  'next_response_p90_sec',
  'resolution_median_sec',
  'resolution_p90_sec',
  'call_talk_time_median_sec',
  'resolved',
  'first_contact_resolution_percent',
  'reopen_rate_percent',
  'transfer_rate_percent',
  'bot_containment_percent',
  'sla_first_response_met_percent',
  'sla_next_response_met_percent',
  'sla_resolution_met_percent',
  'csat_percent',
  'csat_answers',
  'nps',
  'nps_answers',
] as const;

export interface KpiCsvLabels {
  team(teamId: string): string;
  agent(agentId: string | null): string;
  channel(channel: string): string;
  tag(tag: string): string;
}

/** Numbers stay numbers, so a negative NPS is not taken for a formula and escaped. */
const oneDecimal = (value: number | null): number | '' => (value === null ? '' : Math.round(value * 10) / 10);

function figures(row: KpiFigures): unknown[] {
  return [
    row.conversations,
    oneDecimal(row.firstResponse.medianSec),
    oneDecimal(row.firstResponse.p90Sec),
    oneDecimal(row.nextResponse.medianSec),
    oneDecimal(row.nextResponse.p90Sec),
    oneDecimal(row.resolution.medianSec),
    oneDecimal(row.resolution.p90Sec),
    oneDecimal(row.handleTime.medianSec),
    row.resolved,
    oneDecimal(row.firstContactResolution),
    oneDecimal(row.reopenRate),
    oneDecimal(row.transferRate),
    oneDecimal(row.botContainment),
    oneDecimal(row.sla.firstResponse.hitRate),
    oneDecimal(row.sla.nextResponse.hitRate),
    oneDecimal(row.sla.resolution.hitRate),
    oneDecimal(row.csat.score),
    row.csat.answers,
    oneDecimal(row.nps.score),
    row.nps.answers,
  ];
}

export function kpiReportCsv(report: KpiReport, labels: KpiCsvLabels): string {
  const data: unknown[][] = [
    ['overall', '', '', ...figures(report.overall)],
    ...report.byTeam.map((row) => ['team', row.teamId, labels.team(row.teamId), ...figures(row)]),
    ...report.byAgent.map((row) => ['agent', row.agentId ?? '', labels.agent(row.agentId), ...figures(row)]),
    ...report.byChannel.map((row) => ['channel', row.channel, labels.channel(row.channel), ...figures(row)]),
    ...report.byTag.map((row) => ['tag', row.tag, labels.tag(row.tag), ...figures(row)]),
    ...report.byDay.map((row) => ['day', row.day, row.day, ...figures(row)]),
  ];
  return Papa.unparse({ fields: [...KPI_CSV_COLUMNS], data }, { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' });
}
