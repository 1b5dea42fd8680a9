import { PREVIEW_CHARS } from './limits';

/** The one-line preview an inbox row shows: whitespace folded, cut at a fixed length. */
export function messagePreview(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length <= PREVIEW_CHARS ? folded : `${folded.slice(0, PREVIEW_CHARS - 1)}…`;
}
