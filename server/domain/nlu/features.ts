/**
 * Features of a customer message for the linear models (linearModel.ts).
 *
 * Topic (issue type, team): jieba words and stemmed English words, adjacent word pairs,
 * character bigrams of every Chinese run (segmentation may split "没收到" and "没拿到" differently,
 * the bigrams still meet), character trigrams inside English words (so "pls", "thx", "addr" and
 * typos land near their words), and a cue for suggestion phrasing.
 *
 * Sentiment: the same, over negation-marked words (tokenize.ts), with three adjustments a bag of
 * words misses: a contrast ("但是", "but", "however") moves the weight to the clause after it,
 * an intensifier ("太", "非常", "really") strengthens the next word, and "!" / "!!" count.
 *
 * Vectors are L2-normalised so a long email and a short chat line land on the same scale and the
 * models' probabilities mean the same thing for both.
 */
import { customerWords } from './customerWords';
import { markNegation, tokenize, type FeatureVector } from './tokenize';

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
const CONTRAST = new Set(['但是', '但', '可是', '不过', '然而', '只是', 'but', 'howev', 'though', 'although', 'yet']);
const INTENSIFIERS = new Set(['很', '非常', '太', '特别', '超', '真', '十分', '极其', '真的', '实在', '好', 'realli', 'veri', 'so', 'extrem', 'super', 'total', 'absolut', 'incred']);
const SUGGESTION = /建议|希望|要是.{0,20}就好|如果能|能不能(加|增加|出|做|支持)|期待|提个|小想法|suggest|would be (nice|great|good|useful|helpful)|it would help|could (you )?(add|make|include|give|show|offer)|should (make|add|offer)|feature (idea|request)|just an idea|i hope the next|wish (you|it|the)|consider /i;
const EARLIER_WEIGHT = 0.4;
const LATER_WEIGHT = 1.6;
const INTENSIFIED_WEIGHT = 1.5;

function add(features: FeatureVector, key: string, value: number): void {
  features[key] = (features[key] ?? 0) + value;
}

function charBigrams(text: string, features: FeatureVector, weight: number): void {
  for (const run of text.matchAll(HAN_RUN)) {
    const chars = [...run[0]];
    for (let i = 1; i < chars.length; i += 1) add(features, `${chars[i - 1]}${chars[i]}`, weight);
  }
}

const LATIN_WORD = /[a-z]{3,}/g;

/** Trigrams inside English words, with word edges: "refunded" and "refund", "pls" and "please" share some. */
function latinTrigrams(text: string, features: FeatureVector, weight: number): void {
  for (const match of text.toLowerCase().matchAll(LATIN_WORD)) {
    const word = `<${match[0]}>`;
    for (let i = 0; i + 3 <= word.length; i += 1) add(features, `~${word.slice(i, i + 3)}`, weight);
  }
}

function normalised(features: FeatureVector): FeatureVector {
  let norm = 0;
  for (const value of Object.values(features)) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (const key of Object.keys(features)) features[key] = (features[key] ?? 0) / norm;
  return features;
}

function wordFeatures(words: readonly string[], features: FeatureVector, weights: readonly number[]): void {
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] as string;
    const weight = weights[i] ?? 1;
    add(features, word, weight);
    if (word.length > 1 && HAN.test(word) && !word.startsWith('not_')) for (const char of word) add(features, `#${char}`, weight * 0.3);
    if (i > 0) add(features, `${words[i - 1]}_${word}`, weight);
  }
}

export interface MessageFeatures {
  topic: FeatureVector;
  sentiment: FeatureVector;
}

export function messageFeatures(text: string): MessageFeatures {
  const own = customerWords(text);
  const tokens = tokenize(own);
  const suggestion = SUGGESTION.test(own);

  const topic: FeatureVector = {};
  const words = tokens.filter((token) => token !== ',');
  wordFeatures(words, topic, []);
  charBigrams(own.normalize('NFKC'), topic, 0.5);
  latinTrigrams(own.normalize('NFKC'), topic, 0.3);
  if (suggestion) add(topic, '@suggestion', 2);

  const sentiment: FeatureVector = {};
  const marked = markNegation(tokens).filter((token) => token !== ',');
  let lastContrast = -1;
  marked.forEach((token, index) => {
    if (CONTRAST.has(token) && index > 0) lastContrast = index;
  });
  const weights = marked.map((token, index) => {
    const clause = lastContrast < 0 ? 1 : index < lastContrast ? EARLIER_WEIGHT : LATER_WEIGHT;
    const intensified = index > 0 && INTENSIFIERS.has(marked[index - 1] as string) ? INTENSIFIED_WEIGHT : 1;
    return clause * intensified;
  });
  wordFeatures(marked, sentiment, weights);
  charBigrams(own.normalize('NFKC'), sentiment, 0.3);
  latinTrigrams(own.normalize('NFKC'), sentiment, 0.2);
  if (lastContrast >= 0) add(sentiment, '@contrast', 1);
  if (suggestion) add(sentiment, '@suggestion', 2);
  const exclamations = (own.match(/[!！]/g) ?? []).length;
  if (exclamations) add(sentiment, exclamations > 1 ? '@exclaim2' : '@exclaim', 1);
  return { topic: normalised(topic), sentiment: normalised(sentiment) };
}
