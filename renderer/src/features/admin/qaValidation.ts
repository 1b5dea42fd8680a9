/**
 * Client-side checks of the quality-review drafts with the very schemas the server applies
 * (shared/qa/autoQa.ts `AutoQaRulesBodySchema`, shared/qa/model.ts `ScorecardFieldsSchema`). Each
 * schema issue is placed on its field as an i18n key with the schema's own bounds, so "at most 80
 * characters" comes from the schema, not from a copy of it here.
 *
 * Field keys: `a<i>.<field>` for auto-QA rule i (`name.zh-CN`, `phrases`, `phrases.en`, `seconds`,
 * `id`); `s<i>.<field>` for scorecard i (`name`, `passThreshold`, `categories`,
 * `categories.<j>.<field>` with `rootCauses` for any of its lines); `r<i>.<field>` for sampling
 * rule i (see validateSamplingRules).
 */
import type { z } from 'zod';
import { AutoQaRulesBodySchema, type AutoQaRule } from '../../../../shared/qa/autoQa';
import { ScorecardFieldsSchema, type ScorecardFields } from '../../../../shared/qa/model';
import { SamplingRulesBodySchema, type SamplingRule } from '../../../../shared/qa/sampling';
import type { FieldError, FieldErrors, Validation } from './validation';

type Issue = z.core.$ZodIssue;

/** The message for one schema issue, with the bound the schema states. */
export function issueError(issue: Issue): FieldError {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return { key: 'admin.errors.required' };
      if (issue.origin === 'array') return { key: 'admin.errors.tooFew', params: { min } };
      return issue.inclusive
        ? { key: 'admin.errors.atLeast', params: { min } }
        : { key: 'admin.errors.above', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'admin.errors.tooLong', params: { max } };
      if (issue.origin === 'array') return { key: 'admin.errors.tooMany', params: { max } };
      return { key: 'admin.errors.atMost', params: { max } };
    }
    case 'invalid_type':
      return issue.expected === 'int'
        ? { key: 'admin.errors.wholeNumber' }
        : issue.expected === 'number'
          ? { key: 'admin.errors.numberRequired' }
          : { key: 'admin.errors.invalid' };
    case 'invalid_format':
      return { key: 'admin.errors.idFormat' };
    case 'custom':
      if (issue.message.includes('appears twice')) return { key: 'admin.errors.idTwice' };
      if (issue.message.includes('at least one phrase')) return { key: 'admin.errors.phraseRequired' };
      return { key: 'admin.errors.invalid' };
    default:
      return { key: 'admin.errors.invalid' };
  }
}

/** `['phrases', 'en', 3]` → `phrases.en`: a line of a one-per-line list belongs to the list's field. */
function fieldOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  const at = parts.findIndex((key) => key === 'phrases' || key === 'rootCauses');
  if (at < 0) return parts.join('.');
  const end = parts[at] === 'phrases' ? at + 2 : at + 1;
  return parts.slice(0, end).join('.');
}

function place(fields: FieldErrors, key: string, issue: Issue): void {
  // The first problem of a field is the one to fix first.
  if (!fields[key]) fields[key] = issueError(issue);
}

export function validateAutoQaRules(rules: readonly AutoQaRule[]): Validation {
  const fields: FieldErrors = {};
  const problems: string[] = [];
  const parsed = AutoQaRulesBodySchema.safeParse({ rules });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [root, index, ...rest] = issue.path;
    if (root === 'rules' && typeof index === 'number' && rest.length > 0)
      place(fields, `a${index}.${fieldOf(rest)}`, issue);
    else if (root === 'rules' && typeof index === 'number') place(fields, `a${index}.kind`, issue);
    else problems.push(`${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  // The list refinement is skipped while a rule fails; an id twice is still worth saying at once.
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id) && !fields[`a${i}.id`]) fields[`a${i}.id`] = { key: 'admin.errors.idTwice' };
    seen.add(rule.id);
  });
  return { fields, problems: Object.keys(fields).length > 0 ? [] : problems };
}

/** A scorecard as the admin edits it: the saved fields plus which scorecard and version it is. */
export interface ScorecardDraft extends ScorecardFields {
  id: string;
  /** The newest saved version; 0 until the first save. */
  version: number;
  /** When that version was saved (absent until the first save comes back from the server). */
  updatedAt?: string;
}

export function scorecardFields(card: ScorecardDraft): ScorecardFields {
  return {
    name: card.name,
    passThreshold: card.passThreshold,
    categories: card.categories,
    archived: card.archived,
  };
}

export function validateScorecards(cards: readonly ScorecardDraft[]): Validation {
  const fields: FieldErrors = {};
  cards.forEach((card, i) => {
    const parsed = ScorecardFieldsSchema.safeParse(scorecardFields(card));
    for (const issue of parsed.success ? [] : parsed.error.issues)
      place(fields, `s${i}.${fieldOf(issue.path) || 'name'}`, issue);
  });
  return { fields, problems: [] };
}

/**
 * Sampling rules (shared/qa/sampling.ts `SamplingRulesBodySchema`). Field keys `r<i>.<field>`:
 * `id`, `name`, `teamId`, `agentIds`, `timeZone`, `random.amount`, `conditions`,
 * `condition.<kind>` (the condition's own setting: minutes, channels, rule ids), `reviewers`,
 * `reviewers.<j>.reviewerId|goal`.
 */
export function validateSamplingRules(rules: readonly SamplingRule[]): Validation {
  const fields: FieldErrors = {};
  const problems: string[] = [];
  const parsed = SamplingRulesBodySchema.safeParse({ rules });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [root, index, ...rest] = issue.path;
    if (root !== 'rules' || typeof index !== 'number') {
      problems.push(`${issue.path.join('.') || '(body)'}: ${issue.message}`);
      continue;
    }
    const [field, at, sub] = rest.map(String);
    const key = `r${index}.`;
    if (field === 'conditions' && at !== undefined && sub !== undefined) {
      const kind = rules[index]?.conditions[Number(at)]?.kind;
      place(fields, `${key}condition.${kind ?? at}`, issue);
    } else if (field === 'reviewers' && at !== undefined) {
      const name = `${key}reviewers.${at}.${sub ?? 'reviewerId'}`;
      if (issue.code === 'custom' && issue.message.includes('appears twice'))
        fields[name] ??= { key: 'qa.sampling.errors.reviewerTwice' };
      else place(fields, name, issue);
    } else if (field === 'timeZone' && issue.code === 'custom') {
      fields[`${key}timeZone`] ??= { key: 'qa.sampling.errors.timeZone' };
    } else if (field === 'random') {
      place(fields, `${key}random.amount`, issue);
    } else if (field !== undefined) {
      place(fields, `${key}${field === 'agentIds' ? 'agentIds' : field}`, issue);
    } else place(fields, `${key}name`, issue);
  }
  // The list refinement is skipped while a rule fails; an id twice is still worth saying at once.
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id) && !fields[`r${i}.id`]) fields[`r${i}.id`] = { key: 'admin.errors.idTwice' };
    seen.add(rule.id);
  });
  return { fields, problems: Object.keys(fields).length > 0 ? [] : problems };
}
