/**
 * Turns a customer message (zh-CN, en, or both mixed in one sentence) into classifier features.
 *
 * Chinese runs are segmented by jieba (`@node-rs/jieba`, bundled dictionary, offline); Latin runs
 * are split on word boundaries and stemmed by the nlp.js English Snowball stemmer, so "refunds" and
 * "refunded" meet. Negation is marked the classic way (Das & Chen): the words after a negator, up
 * to the next punctuation or three words, get a `not_` prefix, so "不太满意" and "not happy" stop
 * looking like praise. Topic classifiers use the plain tokens; the sentiment classifier uses the
 * marked ones.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { StemmerEn } from '@nlpjs/lang-en-min';

let jieba: Jieba | null = null;
const stemmer = new StemmerEn();

/** Loading the dictionary takes ~0.2 s, so it happens once, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const RUNS = /[\p{Script=Han}]+|[a-z0-9]+(?:'[a-z]+)?|[!?]|[.,;:，。；：、~…]/gu;
const CLAUSE_BREAK = /^[.,;:，。；：、~…!?]$/u;

const NEGATORS_ZH = new Set(['不', '没', '没有', '别', '未', '不太', '不是', '并不', '不会', '不能', '无法', '从不', '没法', '不怎么']);
const NEGATORS_EN = new Set(['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't", 'cannot', 'nothing', "haven't", "hasn't", 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'cant', 'wont']);
const NEGATION_SCOPE = 3;

/** Word tokens of a message in reading order, lower-cased; punctuation kept as its own token. */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tokens: string[] = [];
  for (const match of normalized.matchAll(RUNS)) {
    const run = match[0];
    if (HAN.test(run)) {
      for (const word of segmenter().cut(run, true)) if (word.trim()) tokens.push(word);
    } else if (/^[a-z0-9]/.test(run)) {
      tokens.push(NEGATORS_EN.has(run) ? run : (stemmer.stem([run])[0] ?? run));
    } else {
      tokens.push(run === '?' || run === '!' ? run : ',');
    }
  }
  return tokens;
}

function isNegator(token: string): boolean {
  return NEGATORS_ZH.has(token) || NEGATORS_EN.has(token) || (token.length > 1 && token.startsWith('不') && token !== '不错');
}

/** Tokens with negation scope marked; a negator itself stays as a token. */
export function markNegation(tokens: readonly string[]): string[] {
  const marked: string[] = [];
  let scope = 0;
  for (const token of tokens) {
    if (CLAUSE_BREAK.test(token)) {
      scope = 0;
      marked.push(token);
    } else if (isNegator(token)) {
      scope = NEGATION_SCOPE;
      marked.push(token);
    } else if (scope > 0) {
      scope -= 1;
      marked.push(`not_${token}`);
    } else {
      marked.push(token);
    }
  }
  return marked;
}

export type FeatureVector = Record<string, number>;

/**
 * Bag of words, adjacent word pairs (they carry "太好了，又…" style cues) and, for Chinese words,
 * their single characters: with a few hundred examples, "没拿到" must still meet "没收到" on "到".
 */
export function toFeatures(tokens: readonly string[]): FeatureVector {
  const features: FeatureVector = {};
  const words = tokens.filter((token) => token !== ',');
  for (const word of words) {
    features[word] = 1;
    if (word.length > 1 && HAN.test(word)) {
      const negated = word.startsWith('not_');
      for (const char of negated ? word.slice(4) : word) features[`${negated ? 'not_' : ''}#${char}`] = 0.5;
    }
  }
  for (let i = 1; i < words.length; i += 1) features[`${words[i - 1]}_${words[i]}`] = 1;
  return features;
}

/** 'zh' when the message has any Chinese characters; replies and KB answers follow it. */
export function detectLanguage(text: string): 'zh-CN' | 'en' {
  return HAN.test(text) ? 'zh-CN' : 'en';
}
