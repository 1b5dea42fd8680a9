/**
 * The label sets the classifiers speak, and the schema of a labelled message (training example or
 * evaluation item). Team ids are the seeded skill groups; VIP is decided by contact tier, never
 * by text, so it is not a label here.
 */
import { z } from 'zod';
import { ISSUE_TYPES, TEAM_IDS, type IssueType, type TeamId } from '../../../shared/nlu/labels';

// The label lists are shared with the admin contract (shared/contracts/knowledge.ts).
export { ISSUE_TYPES, TEAM_IDS, type IssueType, type TeamId };

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof SENTIMENTS)[number];

/** The team that usually owns an issue type; a labelled message may say otherwise. */
export const DEFAULT_TEAM_BY_TYPE: Readonly<Record<IssueType, TeamId>> = {
  after_sales_fault: 'team-techsupport',
  product_suggestion: 'team-presales',
  service_complaint: 'team-aftersales',
  logistics: 'team-aftersales',
  refund: 'team-aftersales',
  billing: 'team-aftersales',
  account: 'team-techsupport',
  product_question: 'team-presales',
  other: 'team-presales',
};

export const labelledMessageSchema = z.object({
  text: z.string().min(1).max(2000),
  lang: z.enum(['zh-CN', 'en', 'mixed']),
  type: z.enum(ISSUE_TYPES),
  team: z.enum(TEAM_IDS),
  sentiment: z.enum(SENTIMENTS),
  /** e.g. 'sarcasm', 'negation', 'mixed': lets the evaluation report hard cases separately. */
  tags: z.array(z.string()).default([]),
});
export type LabelledMessage = z.infer<typeof labelledMessageSchema>;
