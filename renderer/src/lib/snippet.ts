/**
 * Search snippets arrive as plain text with each hit wrapped in \u0002 … \u0003 (never HTML).
 * This splits them into segments the UI renders as text and <mark> React elements.
 * Tolerant of broken input: an unmatched start marks the rest as a hit, a stray end is dropped,
 * and empty segments are never produced.
 */
export interface SnippetSegment {
  text: string;
  hit: boolean;
}

const START = '\u0002';
const END = '\u0003';

export function parseSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let inHit = false;
  let buffer = '';
  const flush = () => {
    if (buffer.length === 0) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === inHit) last.text += buffer;
    else segments.push({ text: buffer, hit: inHit });
    buffer = '';
  };
  for (const ch of snippet) {
    if (ch === START) {
      flush();
      inHit = true;
    } else if (ch === END) {
      flush();
      inHit = false;
    } else {
      buffer += ch;
    }
  }
  flush();
  return segments;
}
