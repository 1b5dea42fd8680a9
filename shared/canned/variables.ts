/**
 * Variables in canned-response bodies, rendered by one pure function so the composer, its preview
 * and the tests agree.
 *
 *   {{contact.name}}  {{contact.email}}  {{agent.name}}  {{team.name}}  {{conversation.id}}
 *   {{contact.attributes.order_id}}      custom contact attributes
 *   {{contact.name | "您好"}}             fallback when the value is missing or empty
 *   {{prompt:订单号}}                     asks the agent when the response is inserted
 *
 * Invariants:
 * - Values are inserted as text. Nothing a customer controls is ever parsed again as a template
 *   or as markup: `renderTemplate` scans the body once, and `segmentsToHtml` escapes everything.
 * - A placeholder that cannot be filled (unknown name, missing value without fallback, unanswered
 *   prompt) stays a `missing` / `prompt` segment; `isComplete` is false until none is left, and
 *   the composer refuses to send before that.
 */

export interface VariableContext {
  contact?: {
    name?: string | null;
    email?: string | null;
    attributes?: Readonly<Record<string, string | number | boolean | null | undefined>> | null;
  } | null;
  agent?: { name?: string | null } | null;
  team?: { name?: string | null } | null;
  conversation?: { id?: string | null } | null;
}

export type Segment =
  | { kind: 'text'; text: string }
  /** A resolved variable, prompt answer or fallback; `text` is exactly what gets sent. */
  | { kind: 'value'; variable: string; text: string; fromFallback: boolean }
  /** `known` is false for names Switchboard does not know (a typo such as `{{contact.nmae}}`). */
  | { kind: 'missing'; variable: string; raw: string; known: boolean }
  | { kind: 'prompt'; label: string; raw: string };

export const KNOWN_VARIABLES = [
  'contact.name',
  'contact.email',
  'agent.name',
  'team.name',
  'conversation.id',
] as const;

const TOKEN = /\{\{([^{}]{1,200})\}\}/g;
const ATTRIBUTE = /^contact\.attributes\.([\p{L}\p{N}_-]{1,64})$/u;
const PATH = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['「', '」'],
];

type Parsed =
  | { kind: 'prompt'; label: string }
  | { kind: 'variable'; path: string; fallback: string | null }
  | null;

function unquote(text: string): string {
  for (const [open, close] of QUOTES) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) return text.slice(1, -1);
  }
  return text;
}

function parseInner(inner: string): Parsed {
  const trimmed = inner.trim();
  const prompt = /^prompt\s*[:：]\s*(.+)$/u.exec(trimmed);
  if (prompt) return { kind: 'prompt', label: prompt[1]!.trim() };
  const bar = trimmed.indexOf('|');
  const path = (bar === -1 ? trimmed : trimmed.slice(0, bar)).trim();
  if (!PATH.test(path)) return null;
  const fallback = bar === -1 ? null : unquote(trimmed.slice(bar + 1).trim());
  return { kind: 'variable', path, fallback };
}

function lookup(path: string, context: VariableContext): { known: boolean; value: string | null } {
  const present = (value: unknown) =>
    value === null || value === undefined || String(value).trim() === '' ? null : String(value);
  switch (path) {
    case 'contact.name':
      return { known: true, value: present(context.contact?.name) };
    case 'contact.email':
      return { known: true, value: present(context.contact?.email) };
    case 'agent.name':
      return { known: true, value: present(context.agent?.name) };
    case 'team.name':
      return { known: true, value: present(context.team?.name) };
    case 'conversation.id':
      return { known: true, value: present(context.conversation?.id) };
  }
  const attribute = ATTRIBUTE.exec(path);
  if (attribute) {
    const attributes = context.contact?.attributes ?? {};
    const key = attribute[1]!;
    return { known: true, value: Object.hasOwn(attributes, key) ? present(attributes[key]) : null };
  }
  return { known: false, value: null };
}

/**
 * Split `body` into segments. `answers` fills prompts by label (an empty answer counts as none).
 * Text that merely looks like braces but is not a placeholder stays text.
 */
export function renderTemplate(
  body: string,
  context: VariableContext,
  answers: Readonly<Record<string, string>> = {},
): Segment[] {
  const segments: Segment[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text += text;
    else segments.push({ kind: 'text', text });
  };
  let at = 0;
  for (const match of body.matchAll(TOKEN)) {
    const raw = match[0];
    const parsed = parseInner(match[1]!);
    pushText(body.slice(at, match.index));
    at = match.index + raw.length;
    if (parsed === null) {
      pushText(raw);
    } else if (parsed.kind === 'prompt') {
      const answer = Object.hasOwn(answers, parsed.label) ? answers[parsed.label]!.trim() : '';
      segments.push(
        answer
          ? { kind: 'value', variable: `prompt:${parsed.label}`, text: answer, fromFallback: false }
          : { kind: 'prompt', label: parsed.label, raw },
      );
    } else {
      const { known, value } = lookup(parsed.path, context);
      if (value !== null) segments.push({ kind: 'value', variable: parsed.path, text: value, fromFallback: false });
      else if (known && parsed.fallback !== null && parsed.fallback.trim() !== '')
        segments.push({ kind: 'value', variable: parsed.path, text: parsed.fallback, fromFallback: true });
      else segments.push({ kind: 'missing', variable: parsed.path, raw, known });
    }
  }
  pushText(body.slice(at));
  return segments;
}

/** Prompt labels in order of first appearance, each once. */
export function promptLabels(body: string): string[] {
  const labels: string[] = [];
  for (const segment of renderTemplate(body, {})) {
    if (segment.kind === 'prompt' && !labels.includes(segment.label)) labels.push(segment.label);
  }
  return labels;
}

export type Unresolved = Extract<Segment, { kind: 'missing' | 'prompt' }>;

export function unresolvedOf(segments: readonly Segment[]): Unresolved[] {
  return segments.filter((s): s is Unresolved => s.kind === 'missing' || s.kind === 'prompt');
}

export function isComplete(segments: readonly Segment[]): boolean {
  return unresolvedOf(segments).length === 0;
}

/** Plain text: values as they are, unresolved placeholders kept verbatim so they stay visible. */
export function segmentsToText(segments: readonly Segment[]): string {
  return segments
    .map((s) => (s.kind === 'text' || s.kind === 'value' ? s.text : s.raw))
    .join('');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * An HTML body for email: every segment is escaped (template text too: a library author cannot
 * inject markup either), and line breaks become `<br>`.
 */
export function segmentsToHtml(segments: readonly Segment[]): string {
  return escapeHtml(segmentsToText(segments)).replace(/\r?\n/g, '<br>\n');
}

/**
 * The body with its prompts replaced by the agent's answers and every other placeholder kept
 * as written: what the composer inserts. Contact, agent and team values are filled once, at
 * send time (`renderTemplate` over the whole draft), so customer data is never scanned twice.
 */
export function fillPrompts(body: string, answers: Readonly<Record<string, string>>): string {
  return body.replace(TOKEN, (raw, inner: string) => {
    const parsed = parseInner(inner);
    if (parsed?.kind !== 'prompt') return raw;
    const answer = Object.hasOwn(answers, parsed.label) ? answers[parsed.label]!.trim() : '';
    return answer || raw;
  });
}
