/**
 * The issue types and team ids the message classifier and the bot speak. They live here (not in
 * server/) because the admin contract for the bot's knowledge base validates against them, in the
 * core and in the admin screen as well as on the server. Team ids are the seeded skill groups.
 */
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
