/**
 * Whether an evaluation message is (nearly) one of the training examples. An evaluation set only
 * measures what it claims if the model never saw its sentences, and "Where is my package?" and
 * "where is my package" are the same sentence to a model. Texts are compared on the customer's
 * own words (customerWords.ts), normalised (NFKC, lower case, letters and digits only), and as
 * sets of character trigrams: a Jaccard similarity at or above `NEAR_DUPLICATE` counts.
 */
import { customerWords } from './customerWords';

export const NEAR_DUPLICATE = 0.7;

export function normalisedText(text: string): string {
  return customerWords(text).normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function trigrams(text: string): Set<string> {
  const chars = [...text];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

/** `candidates` that equal or nearly equal one of `reference`, each with its closest match. */
export function nearDuplicates(candidates: readonly string[], reference: readonly string[]): { text: string; match: string; similarity: number }[] {
  const known = reference.map((text) => ({ text, normal: normalisedText(text) }));
  const exact = new Map(known.map((entry) => [entry.normal, entry.text]));
  const indexed = known.map((entry) => ({ ...entry, grams: trigrams(entry.normal) }));
  const found: { text: string; match: string; similarity: number }[] = [];
  for (const text of candidates) {
    const normal = normalisedText(text);
    const same = exact.get(normal);
    if (same !== undefined) {
      found.push({ text, match: same, similarity: 1 });
      continue;
    }
    const grams = trigrams(normal);
    if (grams.size < 3) continue;
    let best = { match: '', similarity: 0 };
    for (const entry of indexed) {
      // Jaccard can only reach the threshold when the sizes are within that ratio.
      const small = Math.min(grams.size, entry.grams.size);
      const large = Math.max(grams.size, entry.grams.size);
      if (small / large < NEAR_DUPLICATE) continue;
      const similarity = jaccard(grams, entry.grams);
      if (similarity > best.similarity) best = { match: entry.text, similarity };
    }
    if (best.similarity >= NEAR_DUPLICATE) found.push({ text, ...best });
  }
  return found;
}
