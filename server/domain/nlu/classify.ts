/**
 * Classification of one inbound message: issue type, owning team and sentiment with strength,
 * each with the model's probability. Below a minimum probability the answer for issue type and
 * sentiment is `'unsure'`: a wrong tag or a false negative-sentiment alert costs an agent more
 * than no tag. Team always answers (routing needs a queue); callers route unsure issue types by
 * channel rules instead of the team guess.
 *
 * The model is trained at construction from the default examples (training/examples.ts, about a
 * second); build one per process with `getMessageClassifier()` and reuse it.
 */
import { intensity } from './intensity';
import { DEFAULT_TEAM_BY_TYPE, type IssueType, type SentimentLabel, type TeamId } from './labels';
import { trainMessageModel, type LabelledExample, type MessageModel } from './messageModel';
import { detectLanguage } from './tokenize';
import { defaultTrainingExamples } from './training/examples';

export const UNSURE = 'unsure';
export type Unsure = typeof UNSURE;

/**
 * Minimum probabilities, chosen on the evaluation set's coverage curve (eval/REPORT.md): the
 * points where about nine in ten messages are answered and the answered ones are ~90 % right.
 */
export const DEFAULT_THRESHOLDS = { issueType: 0.38, sentiment: 0.55, known: 0.3 } as const;
/**
 * `known`: the minimum share of a message's features seen in training. Below it ("asdf", "1", a
 * language we do not train on) the probabilities are only the priors, however high they look.
 */
export type ConfidenceThresholds = { issueType: number; sentiment: number; known: number };

export interface Sentiment {
  label: SentimentLabel | Unsure;
  /** The most likely label even when `label` is unsure. */
  guess: SentimentLabel;
  /** The model's probability for `guess`, 0..1. */
  confidence: number;
  /** How strongly the message is positive or negative, 0..1 (probability × intensity.ts); 0 for neutral and unsure. */
  strength: number;
  /** Signed: > 0 positive, < 0 negative ((P(positive) − P(negative)) × intensity). */
  score: number;
}

export interface MessageClassification {
  language: 'zh-CN' | 'en';
  issueType: IssueType | Unsure;
  /** The most likely issue type even when `issueType` is unsure. */
  issueTypeGuess: IssueType;
  issueTypeConfidence: number;
  team: TeamId;
  teamConfidence: number;
  sentiment: Sentiment;
}

export interface MessageClassifier {
  classify(text: string): MessageClassification;
  /** Number of training examples the models learned from. */
  readonly trainingSize: number;
  /** Milliseconds spent training at construction. */
  readonly trainingMs: number;
  readonly thresholds: ConfidenceThresholds;
}

export interface ClassifierOptions {
  examples?: readonly LabelledExample[];
  /** A model trained elsewhere (a retraining worker); `examples` is then ignored. */
  model?: MessageModel;
  thresholds?: ConfidenceThresholds;
}

export function createMessageClassifier(options: ClassifierOptions = {}): MessageClassifier {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const started = performance.now();
  const model = options.model ?? trainMessageModel(options.examples ?? defaultTrainingExamples());
  const trainingMs = performance.now() - started;

  return {
    trainingSize: model.trainingSize,
    trainingMs,
    thresholds,
    classify(text) {
      const predicted = model.predict(text);
      const type = predicted.issueType;
      const polar = predicted.sentiment;
      const sureOfSentiment = polar.confidence >= thresholds.sentiment && polar.known >= thresholds.known;
      const sureOfType = type.confidence >= thresholds.issueType && type.known >= thresholds.known;
      const label = sureOfSentiment ? polar.label : UNSURE;
      const strongness = intensity(text);
      return {
        language: detectLanguage(text),
        issueType: sureOfType ? type.label : UNSURE,
        issueTypeGuess: type.label,
        issueTypeConfidence: type.confidence,
        team: predicted.team.label ?? DEFAULT_TEAM_BY_TYPE[type.label],
        teamConfidence: predicted.team.confidence,
        sentiment: {
          label,
          guess: polar.label,
          confidence: polar.confidence,
          strength: label === 'positive' || label === 'negative' ? polar.scores[label] * strongness : 0,
          score: (polar.scores.positive - polar.scores.negative) * strongness,
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
