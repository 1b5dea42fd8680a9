/**
 * Client-side checks of the admin screen's drafts, with the shared rules the server applies
 * (shared/sla, shared/contracts/knowledge.ts). Each problem is keyed by the field it belongs to, as
 * an i18n key plus parameters, so the message shows next to the input in the UI language. Whatever
 * the shared schemas still refuse after the field checks is returned as `problems` (the server's
 * own English sentences), so a draft is never called valid when the server would refuse it.
 *
 * Field keys: `p<i>.<field>` (policy i), `c<i>.<field>` / `c<i>.<day>.<j>.start|end|range`
 * (calendar i, interval j of a day) / `c<i>.holiday.<j>`, `k<i>.<field>` (knowledge entry i).
 */
import { describeIssues } from '../../../../shared/contracts/errors';
import { knowledgeProblems, type KnowledgeEntryInput } from '../../../../shared/contracts/knowledge';
import { BusinessCalendarsBodySchema, SlaPoliciesBodySchema } from '../../../../shared/contracts/sla';
import {
  calendarListProblems,
  isCatchAll,
  policyListProblems,
  type BusinessCalendarRecord,
  type SlaPolicyRecord,
} from '../../../../shared/sla/policies';
import { MAX_TARGET_MIN, parseLocalDate, parseTimeOfDay, WEEKDAYS } from '../../../../shared/sla/types';
import { isKnownTimeZone } from '../../../../shared/sla/zone';

export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;
export interface Validation {
  fields: FieldErrors;
  /** Problems the field checks did not place (server wording). */
  problems: string[];
}

export const TARGET_FIELDS = ['firstResponseMin', 'nextResponseMin', 'resolutionMin'] as const;
const NAME_MAX = 120;

const done = (fields: FieldErrors, problems: string[]): Validation => ({
  fields,
  problems: Object.keys(fields).length > 0 ? [] : problems,
});

export function isValid(validation: Validation): boolean {
  return Object.keys(validation.fields).length === 0 && validation.problems.length === 0;
}

function checkName(fields: FieldErrors, key: string, name: string): void {
  if (!name.trim()) fields[key] = { key: 'admin.errors.nameRequired' };
  else if (name.trim().length > NAME_MAX)
    fields[key] = { key: 'admin.errors.tooLong', params: { max: NAME_MAX } };
}

export function validatePolicies(
  policies: readonly SlaPolicyRecord[],
  calendarIds: ReadonlySet<string>,
): Validation {
  const fields: FieldErrors = {};
  policies.forEach((policy, i) => {
    checkName(fields, `p${i}.name`, policy.name);
    for (const target of [...TARGET_FIELDS, 'warnBeforeMin'] as const) {
      const value = policy[target];
      if (value === undefined) continue;
      const lowest = target === 'warnBeforeMin' ? 0 : Number.MIN_VALUE;
      if (!Number.isFinite(value) || value < lowest || value > MAX_TARGET_MIN) {
        fields[`p${i}.${target}`] = {
          key: target === 'warnBeforeMin' ? 'admin.errors.warnRange' : 'admin.errors.targetRange',
          params: { max: MAX_TARGET_MIN },
        };
      }
    }
    if (TARGET_FIELDS.every((target) => policy[target] === undefined))
      fields[`p${i}.targets`] = { key: 'admin.errors.targetRequired' };
    if (!calendarIds.has(policy.calendarId))
      fields[`p${i}.calendarId`] = { key: 'admin.errors.calendarUnknown' };
  });
  const last = policies[policies.length - 1];
  if (last && !isCatchAll(last.match))
    fields[`p${policies.length - 1}.match`] = { key: 'admin.errors.catchAllLast' };
  const parsed = SlaPoliciesBodySchema.safeParse({ policies });
  const problems = parsed.success
    ? policyListProblems(parsed.data.policies, calendarIds)
    : [describeIssues(parsed.error)];
  return done(fields, problems);
}

/** A policy before the last that matches everything: every policy below it is never used. */
export function shadowsOthers(policies: readonly SlaPolicyRecord[], index: number): boolean {
  return index < policies.length - 1 && isCatchAll(policies[index]!.match);
}

export function validateCalendars(calendars: readonly BusinessCalendarRecord[]): Validation {
  const fields: FieldErrors = {};
  calendars.forEach((record, i) => {
    const at = `c${i}`;
    checkName(fields, `${at}.name`, record.name);
    const { calendar } = record;
    if (!isKnownTimeZone(calendar.timeZone.trim())) {
      fields[`${at}.timeZone`] = { key: 'admin.errors.zoneUnknown', params: { zone: calendar.timeZone } };
    }
    let open = 0;
    for (const day of WEEKDAYS) {
      const intervals: Array<{ j: number; start: number; end: number; text: string }> = [];
      (calendar.weekly[day] ?? []).forEach(([startText, endText], j) => {
        const start = parseTimeOfDay(startText);
        const end = parseTimeOfDay(endText);
        const key = `${at}.${day}.${j}`;
        if (start === null || start === 24 * 60) fields[`${key}.start`] = { key: 'admin.errors.timeFormat' };
        if (end === null || end === 0) fields[`${key}.end`] = { key: 'admin.errors.timeFormat' };
        if (start === null || end === null || start === 24 * 60 || end === 0) return;
        if (end < start) fields[`${key}.range`] = { key: 'admin.errors.endsBeforeStart' };
        else if (end === start) fields[`${key}.range`] = { key: 'admin.errors.emptyInterval' };
        else intervals.push({ j, start, end, text: `${startText}–${endText}` });
      });
      intervals.sort((a, b) => a.start - b.start);
      for (let n = 1; n < intervals.length; n++) {
        const previous = intervals[n - 1]!;
        const current = intervals[n]!;
        if (current.start < previous.end) {
          fields[`${at}.${day}.${current.j}.range`] = {
            key: 'admin.errors.overlaps',
            params: { other: previous.text },
          };
        }
      }
      open += intervals.reduce((sum, interval) => sum + interval.end - interval.start, 0);
    }
    if (!calendar.alwaysOpen && open === 0) fields[`${at}.hours`] = { key: 'admin.errors.noOpenHours' };
    const seen = new Set<string>();
    (calendar.holidays ?? []).forEach((holiday, j) => {
      if (parseLocalDate(holiday) === null) fields[`${at}.holiday.${j}`] = { key: 'admin.errors.dateFormat' };
      else if (seen.has(holiday)) fields[`${at}.holiday.${j}`] = { key: 'admin.errors.dateTwice' };
      seen.add(holiday);
    });
  });
  const parsed = BusinessCalendarsBodySchema.safeParse({ calendars });
  const problems = parsed.success
    ? calendarListProblems(parsed.data.calendars)
    : [describeIssues(parsed.error)];
  return done(fields, problems);
}

const KNOWLEDGE_KEYS = {
  required: 'admin.errors.required',
  too_long: 'admin.errors.tooLong',
  too_many: 'admin.errors.tooMany',
  format: 'admin.errors.intentFormat',
  unknown_value: 'admin.errors.unknownValue',
  duplicate: 'admin.errors.intentTwice',
  invalid: 'admin.errors.invalid',
} as const;

export function validateKnowledge(entries: readonly KnowledgeEntryInput[]): Validation {
  const fields: FieldErrors = {};
  const problems: string[] = [];
  for (const problem of knowledgeProblems({ entries })) {
    if (problem.entry === null) {
      if (problem.code === 'required') fields.list = { key: 'admin.errors.kbEmpty' };
      else problems.push(problem.message);
      continue;
    }
    const key = `k${problem.entry}.${problem.field}`;
    if (fields[key]) continue;
    const counted = problem.code === 'too_long' || problem.code === 'too_many';
    const max = counted ? /(\d+)/.exec(problem.message)?.[1] : undefined;
    const twin = problem.code === 'duplicate' ? /entry (\d+)$/.exec(problem.message)?.[1] : undefined;
    fields[key] = {
      key: KNOWLEDGE_KEYS[problem.code],
      params: { ...(max ? { max } : {}), ...(twin ? { other: twin } : {}) },
    };
  }
  return { fields, problems };
}

/** Field errors of one record, re-keyed without its prefix (`p3.name` → `name`). */
export function fieldsOf(fields: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, error] of Object.entries(fields))
    if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = error;
  return out;
}

/** Indexes of records with at least one field error (`a`: auto-QA rules, `s`: scorecards, `r`: sampling rules; see qaValidation.ts). */
export function recordsWithErrors(fields: FieldErrors, letter: 'p' | 'c' | 'k' | 'a' | 's' | 'r'): Set<number> {
  const out = new Set<number>();
  for (const key of Object.keys(fields)) {
    const match = new RegExp(`^${letter}(\\d+)\\.`).exec(key);
    if (match) out.add(Number(match[1]));
  }
  return out;
}
