/**
 * The quality report's CSV (shared/qa/reportCsv.ts): what a lead opens in a spreadsheet. Names
 * with commas, quotes and line breaks survive the quoting, formula-like names stay text, scores
 * and pass rates read as numbers to one decimal, unscored cells stay empty.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { QaReport } from '../../../shared/contracts/qaReport';
import { QA_REPORT_CSV_COLUMNS, qaReportCsv, qaReviewsCsv } from '../../../shared/qa/reportCsv';

const report: QaReport = {
  from: '2026-11-30T00:00:00.000Z',
  to: '2026-12-14T00:00:00.000Z',
  teamIds: ['team-presales'],
  agentId: null,
  overall: { reviews: 3, averageScore: 60.41666, passRate: 2 / 3 },
  byAgent: [
    { agentId: 'agent-li-na', reviews: 2, averageScore: 40.625, passRate: 0.5 },
    { agentId: null, reviews: 1, averageScore: null, passRate: null },
  ],
  byTeam: [{ teamId: 'team-presales', reviews: 3, averageScore: 60.41666, passRate: 2 / 3 }],
  byCategory: [
    {
      scorecardId: 'card-chat',
      scorecardName: 'Chat, "quality"',
      categoryId: 'empathy',
      name: '同理心\nEmpathy',
      reviews: 3,
      averageScore: 50,
      naCount: 1,
    },
  ],
  byWeek: [{ weekStart: '2026-11-30', reviews: 3, averageScore: 60.41666, passRate: 2 / 3 }],
  reviews: [
    {
      id: 'r1',
      conversationId: 'c1',
      teamId: 'team-presales',
      agentId: 'agent-li-na',
      reviewerId: 'agent-zhou-min',
      scorecardId: 'card-chat',
      score: 81.25,
      passed: true,
      status: 'resolved',
      submittedAt: '2026-11-30T09:00:00.000Z',
      categoryScores: {},
    },
  ],
  reviewsTruncated: false,
};

const labels = {
  team: (id: string) => ({ 'team-presales': '售前, Pre-sales' })[id] ?? id,
  agent: (id: string | null) => (id === null ? '(unassigned)' : id === 'agent-li-na' ? '=李娜' : id),
  reviewer: (id: string) => (id === 'agent-zhou-min' ? '周敏' : id),
};

describe('qaReportCsv', () => {
  const csv = qaReportCsv(report, labels);
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

  it('has a header and one record per group row, CRLF between them', () => {
    expect(rows[0]).toEqual([...QA_REPORT_CSV_COLUMNS]);
    expect(rows.map((row) => row[0])).toEqual(['group', 'overall', 'agent', 'agent', 'team', 'category', 'week']);
    // Header + six records, no line break after the last.
    expect(csv.split('\r\n')).toHaveLength(7);
  });

  it('rounds scores and pass rates to one decimal and leaves unscored cells empty', () => {
    expect(rows[1]).toEqual(['overall', '', '', '3', '60.4', '66.7', '']);
    expect(rows[2]).toEqual(['agent', 'agent-li-na', "'=李娜", '2', '40.6', '50', '']);
    expect(rows[3]).toEqual(['agent', '', '(unassigned)', '1', '', '', '']);
  });

  it('quotes commas, quotes and line breaks so they come back intact', () => {
    expect(rows[4]![2]).toBe('售前, Pre-sales');
    expect(rows[5]).toEqual(['category', 'card-chat/empathy', 'Chat, "quality" · 同理心\nEmpathy', '3', '50', '', '1']);
    expect(csv).toContain('"Chat, ""quality"" · 同理心\nEmpathy"');
  });
});

describe('qaReviewsCsv', () => {
  it('lists each review with names, its score and verdict', () => {
    const rows = Papa.parse<string[]>(qaReviewsCsv(report.reviews, labels), { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual([
      'r1',
      '2026-11-30T09:00:00.000Z',
      'c1',
      '售前, Pre-sales',
      "'=李娜",
      '周敏',
      '81.3',
      'yes',
      'resolved',
    ]);
  });
});
