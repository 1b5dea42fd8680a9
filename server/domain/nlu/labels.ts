/**
 * The label sets the classifiers speak, and the schema of a labelled message (training example or
 * evaluation item). Team ids are the seeded skill groups; VIP is decided by contact tier, never
 * by text, so it is not a label here.
 */
import { z } from 'zod';

export const ISSUE_TYPES = [
  'after_sales_fault',
  'product_suggestion',
  'service_complaint',
  'logistics',
  'refund',
  'billing',
  'account',
  'product_question',
  'other',
] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

export const TEAM_IDS = ['team-presales', 'team-aftersales', 'team-techsupport'] as const;
export type TeamId = (typeof TEAM_IDS)[number];

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
