/**
 * The three models behind a message's classification — issue type, team, sentiment — trained
 * together from labelled examples. `trainMessageModel(examples)` is the whole retraining step:
 * a worker that has gathered agents' corrections calls it with the shipped examples plus theirs
 * and gets a model to evaluate against the held-apart set.
 */
import { messageFeatures, type MessageFeatures } from './features';
import { DEFAULT_TEAM_BY_TYPE, ISSUE_TYPES, SENTIMENTS, TEAM_IDS, type IssueType, type SentimentLabel, type TeamId } from './labels';
import type { FeatureVector } from './tokenize';
import { linearModelFrom, trainLinearModel, type LinearModel, type LinearModelSnapshot, type Prediction, type TrainingOptions } from './linearModel';

export interface LabelledExample {
  text: string;
  /** null (with `team` null): the example teaches sentiment only (an agent's mood correction). */
  issueType: IssueType | null;
  team: TeamId | null;
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
  /** Plain data a worker thread can post back; `messageModelFrom` rebuilds the same model. */
  snapshot(): MessageModelSnapshot;
}

type TeamGivenTypeSnapshot = { kind: 'fixed'; team: TeamId } | { kind: 'model'; model: LinearModelSnapshot<TeamId> };

export interface MessageModelSnapshot {
  trainingSize: number;
  issueTypes: LinearModelSnapshot<IssueType>;
  directTeams: LinearModelSnapshot<TeamId>;
  teamsGivenType: [IssueType, TeamGivenTypeSnapshot][];
  sentiments: LinearModelSnapshot<SentimentLabel>;
}

/** Settings per task, chosen by measurement (eval/REPORT.md). */
export const MODEL_SETTINGS: Record<'issueType' | 'team' | 'sentiment', TrainingOptions> = {
  issueType: { balance: 0.3 },
  team: { balance: 0 },
  sentiment: { balance: 0.5 },
};

/**
 * Team given the issue type. Most issue types always belong to one team in the labelled data, so
 * for them the team simply follows; only types with exceptions (a fault under warranty goes to
 * after-sales, a "how do I" product question to technical support) get a small model of their own,
 * trained on that type's examples. The team's probability is then the mixture over the issue-type
 * probabilities, so team routing is never worse than issue type across team boundaries.
 */
type TeamGivenType = { kind: 'fixed'; team: TeamId } | { kind: 'model'; model: LinearModel<TeamId> };

interface TopicExample {
  example: LabelledExample & { issueType: IssueType; team: TeamId };
  features: MessageFeatures;
  /** One of the examples added to the shipped set (see trainMessageModel's `appended`). */
  added: boolean;
}

/** The task's settings, told how many of its rows (always the last ones) were added. */
const withAdded = (options: TrainingOptions, rows: readonly { added: boolean }[]): TrainingOptions => ({
  ...options,
  appended: rows.filter((row) => row.added).length,
});

function teamsGivenType(prepared: readonly TopicExample[], options: TrainingOptions): Map<IssueType, TeamGivenType> {
  const byType = new Map<IssueType, TeamGivenType>();
  for (const type of ISSUE_TYPES) {
    const rows = prepared.filter(({ example }) => example.issueType === type);
    const teams = new Set(rows.map(({ example }) => example.team));
    if (teams.size <= 1) {
      byType.set(type, { kind: 'fixed', team: [...teams][0] ?? DEFAULT_TEAM_BY_TYPE[type] });
      continue;
    }
    const model = trainLinearModel(TEAM_IDS.filter((team) => teams.has(team)), rows.map(({ example, features }) => ({ features: features.topic, label: example.team })), withAdded(options, rows));
    byType.set(type, { kind: 'model', model });
  }
  return byType;
}

function mixTeams(byType: ReadonlyMap<IssueType, TeamGivenType>, issueType: Prediction<IssueType>, topic: FeatureVector): Prediction<TeamId> {
  const scores = Object.fromEntries(TEAM_IDS.map((team) => [team, 0])) as Record<TeamId, number>;
  for (const type of ISSUE_TYPES) {
    const weight = issueType.scores[type];
    const given = byType.get(type);
    if (!weight || !given) continue;
    if (given.kind === 'fixed') scores[given.team] += weight;
    else for (const [team, probability] of Object.entries(given.model.predict(topic).scores) as [TeamId, number][]) scores[team] += weight * probability;
  }
  const label = TEAM_IDS.reduce((best, team) => (scores[team] > scores[best] ? team : best));
  return { label, confidence: scores[label], scores, known: issueType.known };
}

/**
 * The team is a product of two experts, normalised: a model over the words alone and the
 * issue-type mixture above. The mixture keeps routing consistent with the issue type; the word
 * model catches team cues the issue type misses; where either is sure of a team the product follows
 * it. The weight was chosen on the evaluation set (eval/REPORT.md).
 */
const DIRECT_TEAM_WEIGHT = 0.3;

function blendTeams(direct: Prediction<TeamId>, mixed: Prediction<TeamId>): Prediction<TeamId> {
  const raw = TEAM_IDS.map((team) => (direct.scores[team] + 1e-6) ** DIRECT_TEAM_WEIGHT * (mixed.scores[team] + 1e-6) ** (1 - DIRECT_TEAM_WEIGHT));
  const total = raw.reduce((sum, value) => sum + value, 0);
  const scores = Object.fromEntries(TEAM_IDS.map((team, i) => [team, (raw[i] as number) / total])) as Record<TeamId, number>;
  const label = TEAM_IDS.reduce((best, team) => (scores[team] > scores[best] ? team : best));
  return { label, confidence: scores[label], scores, known: direct.known };
}

/**
 * `appended`: how many of the last examples were added to the shipped set (agents' corrections).
 * They are slotted into the training order without reshuffling the others, so a retrained model
 * moves only where the new examples teach something.
 */
export function trainMessageModel(examples: readonly LabelledExample[], settings = MODEL_SETTINGS, appended = 0): MessageModel {
  const firstAdded = examples.length - appended;
  const prepared = examples.map((example, i) => ({ example, features: messageFeatures(example.text), added: i >= firstAdded }));
  const topical = prepared.filter((row): row is TopicExample => row.example.issueType !== null && row.example.team !== null);
  const moods = prepared.filter((row) => row.example.sentiment !== null);
  const issueTypes: LinearModel<IssueType> = trainLinearModel(
    ISSUE_TYPES,
    topical.map(({ example, features }) => ({ features: features.topic, label: example.issueType })),
    withAdded(settings.issueType, topical),
  );
  const teams = teamsGivenType(topical, settings.team);
  const directTeams = trainLinearModel(
    TEAM_IDS,
    topical.map(({ example, features }) => ({ features: features.topic, label: example.team })),
    withAdded(settings.team, topical),
  );
  const sentiments: LinearModel<SentimentLabel> = trainLinearModel(
    SENTIMENTS,
    moods.map(({ example, features }) => ({ features: features.sentiment, label: example.sentiment as SentimentLabel })),
    withAdded(settings.sentiment, moods),
  );
  return assemble(examples.length, issueTypes, directTeams, teams, sentiments);
}

/** The model a snapshot describes: predicts exactly as the model that took it. */
export function messageModelFrom(snapshot: MessageModelSnapshot): MessageModel {
  const teams = new Map<IssueType, TeamGivenType>(
    snapshot.teamsGivenType.map(([type, given]) => [type, given.kind === 'fixed' ? given : { kind: 'model', model: linearModelFrom(given.model) }]),
  );
  return assemble(snapshot.trainingSize, linearModelFrom(snapshot.issueTypes), linearModelFrom(snapshot.directTeams), teams, linearModelFrom(snapshot.sentiments));
}

function assemble(
  trainingSize: number,
  issueTypes: LinearModel<IssueType>,
  directTeams: LinearModel<TeamId>,
  teams: ReadonlyMap<IssueType, TeamGivenType>,
  sentiments: LinearModel<SentimentLabel>,
): MessageModel {
  const predictFeatures = (features: MessageFeatures): MessagePrediction => {
    const issueType = issueTypes.predict(features.topic);
    return {
      issueType,
      team: blendTeams(directTeams.predict(features.topic), mixTeams(teams, issueType, features.topic)),
      sentiment: sentiments.predict(features.sentiment),
    };
  };
  return {
    trainingSize,
    predictFeatures,
    predict: (text) => predictFeatures(messageFeatures(text)),
    snapshot: () => ({
      trainingSize,
      issueTypes: issueTypes.snapshot(),
      directTeams: directTeams.snapshot(),
      teamsGivenType: [...teams].map(([type, given]) => [type, given.kind === 'fixed' ? given : { kind: 'model', model: given.model.snapshot() }]),
      sentiments: sentiments.snapshot(),
    }),
  };
}
