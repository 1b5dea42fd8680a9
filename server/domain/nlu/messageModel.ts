/**
 * The three models behind a message's classification — issue type, team, sentiment — trained
 * together from labelled examples. `trainMessageModel(examples)` is the whole retraining step:
 * a worker that has gathered agents' corrections calls it with the shipped examples plus theirs
 * and gets a model to evaluate against the held-apart set.
 */
import { messageFeatures, type MessageFeatures } from './features';
import { ISSUE_TYPES, SENTIMENTS, TEAM_IDS, type IssueType, type SentimentLabel, type TeamId } from './labels';
import { trainLinearModel, type LinearModel, type Prediction, type TrainingOptions } from './linearModel';

export interface LabelledExample {
  text: string;
  issueType: IssueType;
  team: TeamId;
  /** null: the example teaches topic only (e.g. knowledge-base question variants). */
  sentiment: SentimentLabel | null;
}

export interface MessagePrediction {
  issueType: Prediction<IssueType>;
  team: Prediction<TeamId>;
  sentiment: Prediction<SentimentLabel>;
}

export interface MessageModel {
  readonly trainingSize: number;
  predict(text: string): MessagePrediction;
  predictFeatures(features: MessageFeatures): MessagePrediction;
}

/** Settings per task, chosen by measurement (eval/REPORT.md). */
export const MODEL_SETTINGS: Record<'issueType' | 'team' | 'sentiment', TrainingOptions> = {
  issueType: { balance: 0.3 },
  team: { balance: 0.3 },
  sentiment: { balance: 0.5 },
};

export function trainMessageModel(examples: readonly LabelledExample[], settings = MODEL_SETTINGS): MessageModel {
  const prepared = examples.map((example) => ({ example, features: messageFeatures(example.text) }));
  const issueTypes: LinearModel<IssueType> = trainLinearModel(
    ISSUE_TYPES,
    prepared.map(({ example, features }) => ({ features: features.topic, label: example.issueType })),
    settings.issueType,
  );
  const teams: LinearModel<TeamId> = trainLinearModel(
    TEAM_IDS,
    prepared.map(({ example, features }) => ({ features: features.topic, label: example.team })),
    settings.team,
  );
  const sentiments: LinearModel<SentimentLabel> = trainLinearModel(
    SENTIMENTS,
    prepared.flatMap(({ example, features }) => (example.sentiment ? [{ features: features.sentiment, label: example.sentiment }] : [])),
    settings.sentiment,
  );
  const predictFeatures = (features: MessageFeatures): MessagePrediction => ({
    issueType: issueTypes.predict(features.topic),
    team: teams.predict(features.topic),
    sentiment: sentiments.predict(features.sentiment),
  });
  return {
    trainingSize: examples.length,
    predictFeatures,
    predict: (text) => predictFeatures(messageFeatures(text)),
  };
}
