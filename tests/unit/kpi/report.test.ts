/**
 * The KPI report's grouping (shared/kpi/report.ts) as a lead reads it: figures of a row from its
 * conversations' facts, a conversation with two tags in both tag rows, and the days of a period
 * in the centre's time zone, quiet days and daylight-saving days included.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayIn,
  daysOfPeriod,
  kpiByDay,
  kpiFigures,
  kpiGroups,
  startOfDayIn,
  weekdayOf,
  type ConversationFacts,
} from '../../../shared/kpi';

const fact = (overrides: Partial<ConversationFacts>): ConversationFacts => ({
  teamId: 'team-presales',
  agentId: 'agent-li-na',
  channel: 'chat',
  tags: [],
  day: '2026-11-10',
  firstResponseSec: null,
  nextResponseSecs: [],
  resolutionSec: null,
  handleTimeSec: null,
  reopened: false,
  agents: 0,
  startedWithBot: false,
  containedByBot: false,
  slaOutcomes: [],
  csatScore: null,
  npsScore: null,
  ...overrides,
});

describe('kpiFigures', () => {
  it('has no figure, never 0 %, for a row without conversations', () => {
    const figures = kpiFigures([]);
    expect(figures.conversations).toBe(0);
    expect(figures.firstResponse).toEqual({ count: 0, medianSec: null, p90Sec: null });
    expect([figures.firstContactResolution, figures.reopenRate, figures.transferRate, figures.botContainment]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(figures.sla.firstResponse).toEqual({ met: 0, breached: 0, hitRate: null });
    expect(figures.csat).toEqual({ answers: 0, score: null });
  });

  it('takes each rate of its own whole', () => {
    const figures = kpiFigures([
      fact({ firstResponseSec: 60, resolutionSec: 600, agents: 1, csatScore: 5, slaOutcomes: [{ target: 'firstResponse', met: true }] }),
      fact({ firstResponseSec: 300, resolutionSec: 1200, agents: 1, reopened: true, csatScore: 2 }),
      fact({ firstResponseSec: 120, agents: 2, slaOutcomes: [{ target: 'firstResponse', met: false }] }),
      fact({ startedWithBot: true, containedByBot: true, npsScore: 10 }),
      fact({ startedWithBot: true }),
    ]);
    expect(figures.conversations).toBe(5);
    expect(figures.firstResponse).toEqual({ count: 3, medianSec: 120, p90Sec: 300 });
    expect(figures.resolution).toEqual({ count: 2, medianSec: 900, p90Sec: 1200 });
    expect(figures.firstContactResolution).toBe(50); // of the two resolved, one reopened
    expect(figures.reopenRate).toBe(50);
    expect(figures.transferRate).toBeCloseTo(100 / 3, 9); // one of three handled had two agents
    expect(figures.botContainment).toBe(50);
    expect(figures.sla.firstResponse).toEqual({ met: 1, breached: 1, hitRate: 50 });
    expect(figures.csat).toEqual({ answers: 2, score: 50 });
    expect(figures.nps).toEqual({ answers: 1, score: 100 });
  });
});

describe('kpiGroups', () => {
  it('counts a conversation with two tags in both, busiest first, and one without tags in none', () => {
    const rows = kpiGroups([fact({ tags: ['refund', 'shipping'] }), fact({ tags: ['shipping'] }), fact({})], (f) => f.tags);
    expect(rows.map((row) => [row.key, row.figures.conversations])).toEqual([
      ['shipping', 2],
      ['refund', 1],
    ]);
  });
});

describe('daysOfPeriod and kpiByDay', () => {
  it('cuts a period at midnight in the centre’s time zone and keeps quiet days', () => {
    const days = daysOfPeriod('Asia/Shanghai', new Date('2026-11-08T16:00:00Z'), new Date('2026-11-11T16:00:00Z'));
    expect(days).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
    const rows = kpiByDay([fact({ day: '2026-11-10' }), fact({ day: '2026-11-10' })], days);
    expect(rows.map((row) => [row.day, row.figures.conversations])).toEqual([
      ['2026-11-09', 0],
      ['2026-11-10', 2],
      ['2026-11-11', 0],
    ]);
  });

  it('keeps a 23-hour day when the clocks go forward', () => {
    // Europe/Berlin skips 02:00–03:00 on 29 March 2026.
    const days = daysOfPeriod('Europe/Berlin', new Date('2026-03-28T23:00:00Z'), new Date('2026-03-30T22:00:00Z'));
    expect(days).toEqual(['2026-03-29', '2026-03-30']);
  });
});

describe('calendar days in a time zone', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-10', '2026-11-09T16:00:00.000Z'],
    ['UTC', '2026-11-10', '2026-11-10T00:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z'], // the clocks go forward at 02:00
    ['America/New_York', '2026-03-09', '2026-03-09T04:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '2026-10-24T22:00:00.000Z'], // the clocks go back at 03:00
  ])('%s: %s starts at %s', (zone, day, start) => {
    expect(startOfDayIn(zone, day).toISOString()).toBe(start);
    expect(dayIn(zone, new Date(start))).toBe(day);
    expect(dayIn(zone, new Date(Date.parse(start) - 1))).toBe(addDays(day, -1));
  });

  it('counts days across months and years, Monday first', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-09')).toBe(0);
    expect(weekdayOf('2026-11-15')).toBe(6);
  });
});
