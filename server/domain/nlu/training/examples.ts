/**
 * Everything the message model learns from by default: the hand-written rows (messages.ts), the
 * generated channel-styled rows (generate.ts) and the knowledge base's question variants, which
 * teach issue type and team but not sentiment (they are all neutral questions and would only add
 * to the skew toward neutral).
 */
import { DEFAULT_TEAM_BY_TYPE } from '../labels';
import type { LabelledExample } from '../messageModel';
import { generateTrainingMessages } from './generate';
import { DEFAULT_KNOWLEDGE_BASE } from './knowledgeBase';
import { TRAINING_MESSAGES, type TrainingRow } from './messages';

const fromRow = ([issueType, sentiment, text, team]: TrainingRow): LabelledExample => ({
  text,
  issueType,
  team: team ?? DEFAULT_TEAM_BY_TYPE[issueType],
  sentiment,
});

export function defaultTrainingExamples(): LabelledExample[] {
  const knowledge = DEFAULT_KNOWLEDGE_BASE.flatMap((entry) =>
    [...entry.variants['zh-CN'], ...entry.variants.en].map((text): LabelledExample => ({ text, issueType: entry.issueType, team: entry.team, sentiment: null })),
  );
  return [...TRAINING_MESSAGES.map(fromRow), ...generateTrainingMessages().map(fromRow), ...knowledge];
}
