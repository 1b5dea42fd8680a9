/**
 * Classification of one inbound message: issue type, owning team and sentiment with strength.
 * Three classifiers trained from TRAINING_MESSAGES at construction (well under a second); build
 * one per process with `getMessageClassifier()` and reuse it.
 */
import { trainClassifier, type TrainedClassifier } from './classifier';
import { DEFAULT_TEAM_BY_TYPE, type IssueType, type SentimentLabel, type TeamId } from './labels';
import { detectLanguage, markNegation, tokenize, toFeatures } from './tokenize';
import { DEFAULT_KNOWLEDGE_BASE } from './training/knowledgeBase';
import { TRAINING_MESSAGES, type TrainingRow } from './training/messages';

/** Knowledge-base question variants are labelled questions too: neutral, with their entry's type and team. */
export const KNOWLEDGE_BASE_ROWS: readonly TrainingRow[] = DEFAULT_KNOWLEDGE_BASE.flatMap((entry) =>
  [...entry.variants['zh-CN'], ...entry.variants.en].map((text): TrainingRow => [entry.issueType, 'neutral', text, entry.team]),
);

export interface Sentiment {
  label: SentimentLabel;
  /** How strongly the message is positive or negative, 0..1; always 0 for neutral. */
  strength: number;
  /** Signed score: > 0 leans positive, < 0 negative (P(positive) − P(negative)). */
  score: number;
}

export interface MessageClassification {
  language: 'zh-CN' | 'en';
  issueType: IssueType;
  issueTypeConfidence: number;
  team: TeamId;
  teamConfidence: number;
  sentiment: Sentiment;
}

export interface MessageClassifier {
  classify(text: string): MessageClassification;
  /** Number of training examples the classifiers learned from. */
  readonly trainingSize: number;
}

/**
 * Sentiment labels are skewed (most messages are neutral questions), which makes the network
 * call nearly everything neutral; repeating the rarer classes' examples up to the largest class's
 * count keeps negative and positive messages from being drowned out.
 */
function balanced<T extends { label: string }>(examples: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const example of examples) groups.set(example.label, [...(groups.get(example.label) ?? []), example]);
  const largest = Math.max(...[...groups.values()].map((group) => group.length));
  return [...groups.values()].flatMap((group) => Array.from({ length: largest }, (_, i) => group[i % group.length] as T));
}

/**
 * `topicRows` train issue type and team (by default the messages plus the knowledge-base
 * variants); `sentimentRows` train sentiment (by default the messages only: the variants are all
 * neutral questions and would only add to the skew).
 */
export function createMessageClassifier(
  topicRows: readonly TrainingRow[] = [...TRAINING_MESSAGES, ...KNOWLEDGE_BASE_ROWS],
  sentimentRows: readonly TrainingRow[] = TRAINING_MESSAGES,
): MessageClassifier {
  const prepared = topicRows.map(([type, , text, team]) => ({ type, team: team ?? DEFAULT_TEAM_BY_TYPE[type], topic: toFeatures(tokenize(text)) }));
  const issueTypes: TrainedClassifier<IssueType> = trainClassifier(prepared.map((row) => ({ features: row.topic, label: row.type })));
  const teams: TrainedClassifier<TeamId> = trainClassifier(prepared.map((row) => ({ features: row.topic, label: row.team })));
  const sentiments: TrainedClassifier<SentimentLabel> = trainClassifier(
    balanced(sentimentRows.map(([, sentiment, text]) => ({ features: toFeatures(markNegation(tokenize(text))), label: sentiment }))),
  );

  return {
    trainingSize: topicRows.length,
    classify(text) {
      const tokens = tokenize(text);
      const topic = toFeatures(tokens);
      const type = issueTypes.classify(topic);
      const issueType = type.label ?? 'other';
      const team = teams.classify(topic);
      const polar = sentiments.classify(toFeatures(markNegation(tokens)));
      const positive = polar.scores.positive ?? 0;
      const negative = polar.scores.negative ?? 0;
      const label = polar.label ?? 'neutral';
      return {
        language: detectLanguage(text),
        issueType,
        issueTypeConfidence: type.confidence,
        // Unknown wording: fall back to the team that owns the detected type.
        team: team.label ?? DEFAULT_TEAM_BY_TYPE[issueType],
        teamConfidence: team.confidence,
        sentiment: {
          label,
          strength: label === 'positive' ? positive : label === 'negative' ? negative : 0,
          score: positive - negative,
        },
      };
    },
  };
}

let shared: MessageClassifier | null = null;

/** The process-wide classifier over the default training data, trained on first use. */
export function getMessageClassifier(): MessageClassifier {
  shared ??= createMessageClassifier();
  return shared;
}
