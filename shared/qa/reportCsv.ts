/**
 * CSV export of a quality report (papaparse does the RFC 4180 quoting; cells a spreadsheet would
 * run as a formula get a leading `'`, as in the canned-response export).
 *
 * `qaReportCsv`: one table of every group row, `group` saying which (overall, agent, team,
 * category, week). `qaReviewsCsv`: the reviews listed for drill-down. Scores are 0–100 and pass
 * rates percentages, both to one decimal; an empty cell means nothing was scored.
 */
import Papa from 'papaparse';
import type { QaReport, QaReportReview, QaReportTotals } from '../contracts/qaReport';

export const QA_REPORT_CSV_COLUMNS = [
  'group',
  'id',
  'name',
  'reviews',
  'average_score',
  'pass_rate_percent',
  'na_count',
] as const;

export const QA_REVIEWS_CSV_COLUMNS = [
  'review_id',
  'submitted_at',
  'conversation_id',
  'team',
  'agent',
  'reviewer',
  'score',
  'passed',
  'status',
] as const;

export interface QaReportCsvLabels {
  team(teamId: string): string;
  /** `null`: the conversation had no assignee. */
  agent(agentId: string | null): string;
}

const oneDecimal = (value: number | null) => (value === null ? '' : (Math.round(value * 10) / 10).toString());
const percent = (rate: number | null) => oneDecimal(rate === null ? null : rate * 100);

function unparse(fields: readonly string[], data: unknown[][]): string {
  return Papa.unparse({ fields: [...fields], data }, { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' });
}

export function qaReportCsv(report: QaReport, labels: QaReportCsvLabels): string {
  const totals = (row: QaReportTotals) => [row.reviews, oneDecimal(row.averageScore), percent(row.passRate)];
  const data: unknown[][] = [
    ['overall', '', '', ...totals(report.overall), ''],
    ...report.byAgent.map((row) => ['agent', row.agentId ?? '', labels.agent(row.agentId), ...totals(row), '']),
    ...report.byTeam.map((row) => ['team', row.teamId, labels.team(row.teamId), ...totals(row), '']),
    ...report.byCategory.map((row) => [
      'category',
      `${row.scorecardId}/${row.categoryId}`,
      `${row.scorecardName} · ${row.name}`,
      row.reviews,
      oneDecimal(row.averageScore),
      '',
      row.naCount,
    ]),
    ...report.byWeek.map((row) => ['week', row.weekStart, row.weekStart, ...totals(row), '']),
  ];
  return unparse(QA_REPORT_CSV_COLUMNS, data);
}

export function qaReviewsCsv(reviews: readonly QaReportReview[], labels: QaReportCsvLabels & { reviewer(id: string): string }): string {
  return unparse(
    QA_REVIEWS_CSV_COLUMNS,
    reviews.map((review) => [
      review.id,
      review.submittedAt,
      review.conversationId,
      labels.team(review.teamId),
      labels.agent(review.agentId),
      labels.reviewer(review.reviewerId),
      oneDecimal(review.score),
      review.passed === null ? '' : review.passed ? 'yes' : 'no',
      review.status,
    ]),
  );
}
