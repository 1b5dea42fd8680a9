/** CSV import/export: round trip, an error per bad row, and nothing imported when any row is bad. */
import { describe, expect, it } from 'vitest';
import { parseCannedCsv, serializeCannedCsv } from '../../../shared/canned/csv';
import type { CannedResponse } from '../../../shared/canned/model';

const teams: Record<string, string> = { 'team-aftersales': '售后', 'team-presales': '售前' };
const resolveTeam = (value: string) =>
  Object.entries(teams).find(([id, name]) => id === value || name === value)?.[0] ?? null;

const response = (over: Partial<CannedResponse>): CannedResponse => ({
  id: 'x',
  scope: 'team',
  teamId: 'team-aftersales',
  ownerId: null,
  folder: '退款',
  title: '退款进度',
  shortcut: 'refund',
  body: '{{contact.name | "您好"}}，订单 {{prompt:订单号}} 已退款。',
  language: 'zh-CN',
  tags: ['退款', 'refund'],
  usageCount: 3,
  lastUsedAt: null,
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
  ...over,
});

describe('canned CSV', () => {
  it('round-trips commas, quotes, line breaks, Chinese and formula-like cells', () => {
    const library = [
      response({}),
      response({
        id: 'y',
        scope: 'personal',
        teamId: null,
        ownerId: 'agent-li-na',
        folder: '',
        title: 'Steps, "quoted"',
        shortcut: 'steps',
        body: '=SUM(A1) is not a formula here\n- step one, then\n- "step two"',
        language: 'en',
        tags: [],
      }),
    ];
    const csv = serializeCannedCsv(library, (id) => teams[id]!);
    expect(csv.split('\r\n')[0]).toBe('title,shortcut,body,language,scope,team,folder,tags');
    expect(csv).toContain("\"'=SUM(A1)"); // a spreadsheet will not run it
    const parsed = parseCannedCsv(csv, { resolveTeam });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toEqual(
      library.map(({ scope, teamId, folder, title, shortcut, body, language, tags }) => ({
        scope, teamId, folder, title, shortcut, body, language, tags,
      })),
    );
  });

  it('reports every bad row with its number and reason, and returns no rows', () => {
    const csv = [
      'title,shortcut,body,language,scope,team,folder,tags',
      '问候,hi,您好,zh-CN,team,售前,,',
      ',nobody,body,en,personal,,,', // row 3: no title
      'Bad shortcut,has space,body,en,personal,,,', // row 4
      'Wrong language,lang,body,fr,personal,,,', // row 5
      'Unknown team,t1,body,en,team,Marketing,,', // row 6
      'Again,hi,再次,zh-CN,team,售前,,', // row 7: duplicate shortcut in that library
      'Fine,fine,ok,en,personal,,,',
    ].join('\n');
    const parsed = parseCannedCsv(csv, { resolveTeam });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(parsed.errors[0]!.message).toMatch(/title/);
    expect(parsed.errors[3]!.message).toBe('unknown team "Marketing"');
    expect(parsed.errors[4]!.message).toBe('shortcut /hi already used in row 2');
  });

  it('names missing columns and accepts a leading slash, BOM and tag separators', () => {
    expect(parseCannedCsv('title,body\nA,B', { resolveTeam })).toEqual({
      ok: false,
      errors: [{ row: 1, message: 'missing column(s): shortcut, language' }],
    });
    const parsed = parseCannedCsv('\uFEFFTitle,Shortcut,Body,Language,Tags\nA,/Refund,B,en,a; b；c', { resolveTeam });
    expect(parsed).toMatchObject({ ok: true, rows: [{ shortcut: 'refund', scope: 'personal', tags: ['a', 'b', 'c'] }] });
  });
});

describe('canned CSV, short rows', () => {
  it('reads missing trailing cells as empty', () => {
    expect(parseCannedCsv('title,shortcut,body,language,scope,team,folder,tags\nA,a,Body,en', { resolveTeam })).toMatchObject({
      ok: true,
      rows: [{ title: 'A', scope: 'personal', folder: '', tags: [] }],
    });
  });
});
