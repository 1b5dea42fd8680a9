/**
 * The bot's knowledge base as admins edit it: GET/PUT /api/v1/admin/knowledge-base
 * `{ entries: KnowledgeEntry[] }`. The same schema validates in the admin screen (field by field),
 * in the core, and on the server, so a mistake is named where it is typed and a hostile body is
 * refused at the edge. Problems are reported as `{ entry, field, code }` so the screen can put a
 * translated sentence next to the field, and as one English sentence per problem for the HTTP 400.
 */
import { z } from 'zod';
import { ISSUE_TYPES, TEAM_IDS } from '../nlu/labels';
import { SwitchboardError } from './errors';

export const KNOWLEDGE_LANGUAGES = ['zh-CN', 'en'] as const;
export type KnowledgeLanguage = (typeof KNOWLEDGE_LANGUAGES)[number];

export const KNOWLEDGE_LIMITS = {
  entries: 500,
  intent: 64,
  variantsPerLanguage: 50,
  variant: 300,
  answer: 2000,
} as const;

/** Lower-case id such as "kb.return_policy": letters, digits, ".", "_" and "-". */
export const INTENT_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

const Variant = z.string().trim().min(1).max(KNOWLEDGE_LIMITS.variant);
const Variants = z.array(Variant).min(1).max(KNOWLEDGE_LIMITS.variantsPerLanguage);
const Answer = z.string().trim().min(1).max(KNOWLEDGE_LIMITS.answer);

export const KnowledgeEntrySchema = z
  .object({
    intent: z.string().trim().min(1).max(KNOWLEDGE_LIMITS.intent).regex(INTENT_PATTERN),
    issueType: z.enum(ISSUE_TYPES),
    team: z.enum(TEAM_IDS),
    variants: z.object({ 'zh-CN': Variants, en: Variants }).strict(),
    answer: z.object({ 'zh-CN': Answer, en: Answer }).strict(),
  })
  .strict();
export type KnowledgeEntryInput = z.infer<typeof KnowledgeEntrySchema>;

/** GET answer and PUT body: the whole list, replaced at once. Intents are unique. */
export const KnowledgeBaseBodySchema = z
  .object({ entries: z.array(KnowledgeEntrySchema).min(1).max(KNOWLEDGE_LIMITS.entries) })
  .superRefine((body, ctx) => {
    const first = new Map<string, number>();
    body.entries.forEach((entry, index) => {
      const earlier = first.get(entry.intent);
      if (earlier === undefined) first.set(entry.intent, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'intent'],
          message: `"${entry.intent}" is already the intent of entry ${earlier + 1}`,
          params: { problem: 'duplicate' },
        });
    });
  });
export type KnowledgeBaseBody = z.infer<typeof KnowledgeBaseBodySchema>;

export const KNOWLEDGE_PROBLEM_CODES = [
  'required',
  'too_long',
  'too_many',
  'format',
  'unknown_value',
  'duplicate',
  'invalid',
] as const;
export type KnowledgeProblemCode = (typeof KNOWLEDGE_PROBLEM_CODES)[number];

/** One thing wrong; `entry` is the 0-based index (null: the list itself), `field` a dotted path in the entry. */
export interface KnowledgeProblem {
  entry: number | null;
  field: string;
  code: KnowledgeProblemCode;
  message: string;
}

function problemCode(issue: z.core.$ZodIssue): KnowledgeProblemCode {
  switch (issue.code) {
    case 'too_small':
      return 'required';
    case 'too_big':
      return issue.origin === 'array' ? 'too_many' : 'too_long';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      return 'unknown_value';
    case 'custom':
      return issue.params?.problem === 'duplicate' ? 'duplicate' : 'invalid';
    default:
      return 'invalid';
  }
}

const SENTENCE: Record<KnowledgeProblemCode, (issue: z.core.$ZodIssue) => string> = {
  required: (issue) =>
    issue.code === 'too_small' && issue.origin === 'array' ? 'give at least one' : 'must not be empty',
  too_long: (issue) =>
    `longer than ${issue.code === 'too_big' ? String(issue.maximum) : 'allowed'} characters`,
  too_many: (issue) => `more than ${issue.code === 'too_big' ? String(issue.maximum) : 'allowed'} items`,
  format: () => 'use lower-case letters, digits, ".", "_" or "-" (e.g. "kb.return_policy")',
  unknown_value: (issue) =>
    issue.code === 'invalid_value'
      ? `must be one of ${issue.values.map(String).join(', ')}`
      : 'unknown value',
  duplicate: (issue) => issue.message,
  invalid: (issue) => issue.message,
};

/** Every problem of a candidate body, in entry order; empty when it can be stored. */
export function knowledgeProblems(body: unknown): KnowledgeProblem[] {
  const result = KnowledgeBaseBodySchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    const entry = head === 'entries' && typeof index === 'number' ? index : null;
    const field = entry === null ? issue.path.map(String).join('.') || 'entries' : rest.map(String).join('.');
    const code = problemCode(issue);
    return { entry, field, code, message: SENTENCE[code](issue) };
  });
}

/** "entry 3 (kb.invoice), answer.en: must not be empty". */
export function describeKnowledgeProblem(problem: KnowledgeProblem, body: unknown): string {
  if (problem.entry === null) return `${problem.field}: ${problem.message}`;
  const entries = (body as { entries?: unknown } | null)?.entries;
  const raw = Array.isArray(entries)
    ? (entries[problem.entry] as { intent?: unknown } | undefined)
    : undefined;
  const intent =
    typeof raw?.intent === 'string' && raw.intent.trim() ? ` (${raw.intent.trim().slice(0, 64)})` : '';
  return `entry ${problem.entry + 1}${intent}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}`;
}

/** The validated body, or SwitchboardError('invalid' | 'too_large') naming each entry and field (first five). */
export function parseKnowledgeBase(body: unknown): KnowledgeBaseBody {
  const result = KnowledgeBaseBodySchema.safeParse(body);
  if (result.success) return result.data;
  const problems = knowledgeProblems(body);
  const tooLarge = problems.some((p) => p.entry === null && p.code === 'too_many');
  const shown = problems.slice(0, 5).map((p) => describeKnowledgeProblem(p, body));
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  throw new SwitchboardError(
    tooLarge ? 'too_large' : 'invalid',
    `knowledge base: ${shown.join('; ')}${more}`,
  );
}
