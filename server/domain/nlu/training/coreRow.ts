import type { IssueType, SentimentLabel, TeamId } from '../labels';

/** `[issue type, sentiment, text, team?]`; the team defaults to DEFAULT_TEAM_BY_TYPE. */
export type CoreRow = readonly [IssueType, SentimentLabel, string, TeamId?];
