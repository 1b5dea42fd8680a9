/**
 * Suggestions: the responses that best answer the customer's last message, by shared keywords and
 * intents, in Chinese and English. Pure, so it runs in the core and in the UI alike.
 *
 * Tokens: English words (lower-cased, stop words dropped, a light suffix strip) and, for Chinese,
 * overlapping character bigrams. Bigrams need no dictionary and no native module (word segmenters
 * such as jieba are Node-only native addons); the labelled set in tests/unit/canned measures how
 * well this does. Intents (intents.ts) add one strong token per detected intent.
 *
 * Score = Σ over tokens shared with the response of idf(token) × field weight (tags > title >
 * body), × 0.5 when the response is in the other language. Placeholders never count as words.
 */
import { intentsOf } from './intents';
import type { CannedLanguage, CannedResponse } from './model';

export type Suggestible = Pick<CannedResponse, 'id' | 'title' | 'body' | 'tags' | 'language' | 'usageCount'>;

const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at for with from by is are was were be been am i me my we our you your it its ' +
    'this that these those do does did have has had can could would should will please hi hello hey there what when ' +
    'where why how which who not no yes just so as about any some get got still'
  ).split(' '),
);
const STOP_BIGRAMS = new Set(['你好', '您好', '请问', '我们', '你们', '一下', '可以', '什么', '怎么', '这个', '那个', '是不', '不是', '的话', '我的', '了吗', '吗？']);
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function tokenize(text: string, withIntents = true): Set<string> {
  const tokens = new Set<string>();
  const clean = text.replace(PLACEHOLDER, ' ').toLowerCase();
  for (const word of clean.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    tokens.add(stem(word));
  }
  for (const run of clean.match(/[\u3400-\u9fff\uf900-\ufaff]+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) continue;
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = chars[i]! + chars[i + 1]!;
      if (!STOP_BIGRAMS.has(bigram)) tokens.add(bigram);
    }
  }
  if (withIntents) for (const intent of intentsOf(clean)) tokens.add(`#${intent}`);
  return tokens;
}

export function detectLanguage(text: string): CannedLanguage {
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch));
  const cjk = letters.filter((ch) => CJK.test(ch)).length;
  return letters.length > 0 && cjk / letters.length >= 0.2 ? 'zh-CN' : 'en';
}

const WEIGHT = { tags: 3, title: 2, body: 1 } as const;
const INTENT_BOOST = 2.5;

export interface Suggestion<T> {
  response: T;
  score: number;
}

/** Top `limit` responses for a customer's message; empty when nothing relates. */
export function suggestCanned<T extends Suggestible>(
  responses: readonly T[],
  customerMessage: string,
  limit = 3,
  /** Off only to measure what the intent lexicon adds (tests/unit/canned/suggest.test.ts). */
  withIntents = true,
): Suggestion<T>[] {
  const query = tokenize(customerMessage, withIntents);
  if (query.size === 0) return [];
  const language = detectLanguage(customerMessage);
  const docs = responses.map((response) => {
    const fields = {
      tags: tokenize(response.tags.join(' '), withIntents),
      title: tokenize(response.title, withIntents),
      body: tokenize(response.body, withIntents),
    };
    return { response, fields, all: new Set([...fields.tags, ...fields.title, ...fields.body]) };
  });
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) for (const token of doc.all) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const idf = (token: string) => Math.log(1 + docs.length / (documentFrequency.get(token) ?? docs.length));

  const scored: Suggestion<T>[] = [];
  for (const doc of docs) {
    let score = 0;
    for (const token of query) {
      if (!doc.all.has(token)) continue;
      const weight = doc.fields.tags.has(token) ? WEIGHT.tags : doc.fields.title.has(token) ? WEIGHT.title : WEIGHT.body;
      score += idf(token) * weight * (token.startsWith('#') ? INTENT_BOOST : 1);
    }
    if (score <= 0) continue;
    if (doc.response.language !== language) score *= 0.5;
    scored.push({ response: doc.response, score });
  }
  scored.sort(
    (a, b) => b.score - a.score || b.response.usageCount - a.response.usageCount || a.response.id.localeCompare(b.response.id),
  );
  return scored.slice(0, limit);
}
