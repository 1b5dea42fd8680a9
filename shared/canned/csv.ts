/**
 * CSV import and export of a canned-response library (papaparse does the RFC 4180 quoting, so
 * bodies may hold commas, quotes and line breaks).
 *
 * Columns: title, shortcut, body, language, scope, team, folder, tags (tags separated by `;`).
 * Import is all or nothing: every bad row is reported with its row number and reason, and no row
 * is returned unless all of them are valid. Export escapes cells a spreadsheet would run as a
 * formula (leading = + - @) with a leading `'`, and import strips that mark again, so a file
 * round-trips unchanged.
 */
import Papa from 'papaparse';
import { describeIssues } from '../contracts/errors';
import { CannedFieldsSchema, MAX_CANNED_IMPORT_ROWS, type CannedFields, type CannedResponse } from './model';

export const CANNED_CSV_COLUMNS = ['title', 'shortcut', 'body', 'language', 'scope', 'team', 'folder', 'tags'] as const;
const REQUIRED = ['title', 'shortcut', 'body', 'language'] as const;

export interface CsvRowError {
  /** 1-based record number in the file, the header being record 1. */
  row: number;
  message: string;
}

export type CsvImportResult = { ok: true; rows: CannedFields[] } | { ok: false; errors: CsvRowError[] };

export interface CsvImportOptions {
  /** Team id for a `team` cell (an id or a name, zh-CN or en); null when unknown. */
  resolveTeam(value: string): string | null;
}

const FORMULA_MARK = /^'(?=[=+\-@\t\r])/;

function cell(record: Record<string, string | undefined>, column: string): string {
  return (record[column] ?? '').replace(FORMULA_MARK, '').trim();
}

export function parseCannedCsv(text: string, options: CsvImportOptions): CsvImportResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const header = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length > 0) return { ok: false, errors: [{ row: 1, message: `missing column(s): ${missing.join(', ')}` }] };
  if (parsed.data.length > MAX_CANNED_IMPORT_ROWS) {
    return { ok: false, errors: [{ row: 1, message: `at most ${MAX_CANNED_IMPORT_ROWS} rows per import` }] };
  }

  const errors: CsvRowError[] = [];
  for (const error of parsed.errors) {
    // A row that leaves out trailing empty cells is fine: missing cells read as empty.
    if (error.code === 'TooFewFields') continue;
    if (error.row !== undefined) errors.push({ row: error.row + 2, message: error.message });
  }
  const rows: CannedFields[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((record, index) => {
    const row = index + 2;
    if (errors.some((error) => error.row === row)) return;
    const scope = cell(record, 'scope') || 'personal';
    const teamCell = cell(record, 'team');
    let teamId: string | null = null;
    if (scope === 'team') {
      teamId = teamCell ? options.resolveTeam(teamCell) : null;
      if (teamId === null) {
        errors.push({ row, message: teamCell ? `unknown team "${teamCell}"` : 'team responses need a team' });
        return;
      }
    }
    const candidate = {
      scope,
      teamId,
      folder: cell(record, 'folder'),
      title: cell(record, 'title'),
      shortcut: cell(record, 'shortcut'),
      body: (record.body ?? '').replace(FORMULA_MARK, ''),
      language: cell(record, 'language'),
      tags: cell(record, 'tags')
        .split(/[;；]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    };
    const result = CannedFieldsSchema.safeParse(candidate);
    if (!result.success) {
      errors.push({ row, message: describeIssues(result.error) });
      return;
    }
    const key = `${result.data.scope}|${result.data.teamId ?? ''}|${result.data.shortcut}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, message: `shortcut /${result.data.shortcut} already used in row ${first}` });
      return;
    }
    seen.set(key, row);
    rows.push(result.data);
  });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, rows };
}

export function serializeCannedCsv(
  responses: readonly CannedResponse[],
  teamLabel: (teamId: string) => string,
): string {
  const data = responses.map((response) => [
    response.title,
    response.shortcut,
    response.body,
    response.language,
    response.scope,
    response.teamId ? teamLabel(response.teamId) : '',
    response.folder,
    response.tags.join('; '),
  ]);
  return Papa.unparse({ fields: [...CANNED_CSV_COLUMNS], data }, { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' });
}
