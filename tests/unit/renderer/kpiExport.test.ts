/**
 * The KPI view's pure parts: the CSV a lead opens in a spreadsheet (numbers stay numbers, so a
 * negative NPS is not escaped as a formula, while a name that looks like one is), and the
 * periods it asks for (a range of whole local days, `to` inclusive; nonsense asks for nothing).
 */
import { describe, expect, it } from 'vitest';
import type { KpiFigures, KpiReport } from '../../../shared/contracts/kpiReport';
import { kpiFigures } from '../../../shared/kpi';
import { kpiReportCsv } from '../../../renderer/src/features/kpi/kpiCsv';
import { kpiRange } from '../../../renderer/src/features/kpi/period';

const figures = (overrides: Partial<KpiFigures> = {}): KpiFigures => ({ ...kpiFigures([]), ...overrides });

const report = (): KpiReport => ({
  from: '2026-11-09T00:00:00.000Z',
  to: '2026-11-10T00:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  teamIds: ['team-presales'],
  agentId: null,
  channel: null,
  tag: null,
  overall: figures({ conversations: 3, nps: { answers: 3, score: -33.3333 } }),
  byTeam: [{ teamId: 'team-presales', ...figures({ conversations: 3 }) }],
  byAgent: [{ agentId: null, ...figures({ conversations: 1 }) }],
  byChannel: [],
  byTag: [],
  byDay: [{ day: '2026-11-09', ...figures({ conversations: 3 }) }],
});

describe('kpiReportCsv', () => {
  it('writes one row per group with numbers as numbers and escapes formula-like names', () => {
    const lines = kpiReportCsv(report(), {
      team: () => '=售前, Pre-sales',
      agent: (id) => (id === null ? 'Nobody' : id),
      channel: (c) => c,
      tag: (t) => t,
    }).split('\r\n');
    expect(lines[0]!.startsWith('dimension,key,name,conversations,')).toBe(true);
    expect(lines[1]!.split(',').slice(0, 4)).toEqual(['overall', '', '', '3']);
    expect(lines[1]).toContain(',-33.3,3');
    expect(lines[2]).toContain(`team,team-presales,"'=售前, Pre-sales",3,`);
    expect(lines[3]!.startsWith('agent,,Nobody,1,')).toBe(true);
    expect(lines[4]!.startsWith('day,2026-11-09,2026-11-09,3,')).toBe(true);
  });
});

describe('kpiRange', () => {
  // Wednesday 11 November 2026, 10:00 in Shanghai.
  const now = Date.parse('2026-11-11T02:00:00.000Z');
  const tz = 'Asia/Shanghai';

  it('cuts today and this week at the centre’s midnight, whatever the workstation’s zone', () => {
    expect(kpiRange('today', now, { from: '', to: '' }, tz)).toEqual({ from: '2026-11-10T16:00:00.000Z', to: '2026-11-11T02:01:00.000Z' });
    expect(kpiRange('week', now, { from: '', to: '' }, tz)?.from).toBe('2026-11-08T16:00:00.000Z'); // Monday 9 November
  });

  it('asks for whole days of a range, the last one included, and for nothing when it is wrong', () => {
    expect(kpiRange('range', now, { from: '2026-11-09', to: '2026-11-10' }, tz)).toEqual({
      from: '2026-11-08T16:00:00.000Z',
      to: '2026-11-10T16:00:00.000Z',
    });
    expect(kpiRange('range', now, { from: '2026-11-10', to: '2026-11-09' }, tz)).toBeNull();
    expect(kpiRange('range', now, { from: '', to: '2026-11-09' }, tz)).toBeNull();
    expect(kpiRange('range', now, { from: '2025-01-01', to: '2026-11-09' }, tz)).toBeNull();
    expect(kpiRange('range', now, { from: '2025-11-10', to: '2026-11-10' }, tz)).not.toBeNull(); // 366 days
  });
});
