/**
 * Typeahead ranking for the composer's `/` menu. Tiers, best first:
 *   0 shortcut equals the query   1 shortcut starts with it   2 title starts with / contains it
 *   3 fuzzy: the query's characters appear in order in the title, then in the body
 * Within a tier: the conversation's language first, then tighter fuzzy matches, then the most used.
 * Pure and allocation-light: the library is a few hundred rows and this runs on every keystroke.
 */
import type { CannedLanguage, CannedResponse } from './model';

export type Rankable = Pick<CannedResponse, 'id' | 'title' | 'shortcut' | 'body' | 'language' | 'usageCount'> &
  Partial<Pick<CannedResponse, 'tags' | 'lastUsedAt'>>;

export interface RankOptions {
  /** Prefer responses in this language (the conversation's). */
  language?: CannedLanguage | undefined;
  limit?: number;
}

/** Gaps between matched characters (lower is tighter), or null when not a subsequence. */
export function fuzzyGaps(haystack: string, needle: string): number | null {
  let from = 0;
  let gaps = 0;
  let previous = -1;
  for (const ch of needle) {
    const at = haystack.indexOf(ch, from);
    if (at === -1) return null;
    if (previous !== -1) gaps += at - previous - 1;
    previous = at;
    from = at + ch.length;
  }
  return gaps;
}

interface Scored<T> {
  item: T;
  tier: number;
  gaps: number;
}

function score<T extends Rankable>(item: T, query: string): Scored<T> | null {
  const shortcut = item.shortcut.toLowerCase();
  const title = item.title.toLowerCase();
  if (shortcut === query) return { item, tier: 0, gaps: 0 };
  if (shortcut.startsWith(query)) return { item, tier: 1, gaps: shortcut.length - query.length };
  const inTitle = title.indexOf(query);
  if (inTitle !== -1) return { item, tier: 2, gaps: inTitle };
  const tags = (item.tags ?? []).map((tag) => tag.toLowerCase());
  if (tags.some((tag) => tag.startsWith(query))) return { item, tier: 2, gaps: 50 };
  const titleGaps = fuzzyGaps(title, query);
  if (titleGaps !== null) return { item, tier: 3, gaps: titleGaps };
  const bodyGaps = fuzzyGaps(item.body.toLowerCase(), query);
  // A body subsequence that spreads over a whole paragraph is noise, not a match.
  if (bodyGaps !== null && bodyGaps <= query.length * 8) return { item, tier: 4, gaps: bodyGaps };
  return null;
}

export function rankCanned<T extends Rankable>(items: readonly T[], rawQuery: string, options: RankOptions = {}): T[] {
  const query = rawQuery.trim().replace(/^\//, '').toLowerCase();
  const scored: Scored<T>[] = [];
  for (const item of items) {
    const hit = query === '' ? { item, tier: 0, gaps: 0 } : score(item, query);
    if (hit) scored.push(hit);
  }
  const languageRank = (item: T) => (options.language && item.language !== options.language ? 1 : 0);
  scored.sort(
    (a, b) =>
      a.tier - b.tier ||
      languageRank(a.item) - languageRank(b.item) ||
      a.gaps - b.gaps ||
      b.item.usageCount - a.item.usageCount ||
      (b.item.lastUsedAt ?? '').localeCompare(a.item.lastUsedAt ?? '') ||
      a.item.shortcut.localeCompare(b.item.shortcut),
  );
  const ranked = scored.map((s) => s.item);
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}
