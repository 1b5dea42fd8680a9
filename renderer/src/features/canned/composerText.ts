/**
 * Pure text helpers of the composer's `/` typeahead. A slash command starts at the beginning of
 * the text or after whitespace and runs to the caret without spaces (`/ref`, `/退款`).
 */
export interface SlashQuery {
  /** Index of the `/`. */
  start: number;
  /** Index of the caret (end of the query). */
  end: number;
  /** What follows the slash. */
  query: string;
}

export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([^\s/]{0,40})$/u.exec(before);
  if (!match) return null;
  const start = caret - match[2]!.length - 1;
  return { start, end: caret, query: match[2]! };
}

/** Replace `slash` (the `/query` being typed) with `insert`; returns the text and the new caret. */
export function insertAt(text: string, slash: Pick<SlashQuery, 'start' | 'end'>, insert: string) {
  const next = text.slice(0, slash.start) + insert + text.slice(slash.end);
  return { text: next, caret: slash.start + insert.length };
}
