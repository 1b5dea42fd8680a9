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
  it('asks for whole local days, the last one included, and for nothing when the range is wrong', () => {
    const now = Date.now();
    const span = kpiRange('range', now, { from: '2026-11-09', to: '2026-11-10' })!;
    expect(Date.parse(span.to) - Date.parse(span.from)).toBeGreaterThanOrEqual(47 * 3_600_000);
    expect(new Date(span.from).getHours()).toBe(0);
    expect(kpiRange('range', now, { from: '2026-11-10', to: '2026-11-09' })).toBeNull();
    expect(kpiRange('range', now, { from: '', to: '2026-11-09' })).toBeNull();
    expect(kpiRange('range', now, { from: '2025-01-01', to: '2026-11-09' })).toBeNull();
    const week = kpiRange('week', now, { from: '', to: '' })!;
    expect(new Date(week.from).getDay()).toBe(1);
  });
});
