/** Row types of the quality-review tables (migration 009). */
export interface QaScorecardsTable {
  id: string;
  version: number;
  name: string;
  pass_threshold: number;
  /** JSON ScorecardCategory[]. */
  categories: string;
  archived: number;
  updated_by: string;
  updated_at: string;
}

export interface QaAssignmentsTable {
  id: string;
  conversation_id: string;
  team_id: string;
  agent_id: string | null;
  reviewer_id: string;
  assigned_by: string;
  source: string;
  status: string;
  reason: string | null;
  created_at: string;
  updated_at: string;
  /** Migration 011: the sampling rule and cycle a sampled assignment came from. */
  sample_rule_id?: string | null;
  sample_cycle_start?: string | null;
  /** Migration 019: the calibration session it belongs to. */
  calibration_id?: string | null;
}

export interface QaReviewsTable {
  id: string;
  conversation_id: string;
  team_id: string;
  agent_id: string | null;
  reviewer_id: string;
  assignment_id: string | null;
  scorecard_id: string;
  scorecard_version: number;
  /** JSON Ratings. */
  ratings: string;
  /** JSON Record<categoryId, rootCause>. */
  root_causes: string;
  /** JSON ReviewComment[]. */
  comments: string;
  summary: string;
  score: number | null;
  passed: number | null;
  status: string;
  submitted_at: string;
  /** Migration 010: JSON ReviewEvent[]. */
  history: string;
  /** Migration 018: JSON string[], the auto-QA hits the reviewer overruled. */
  overruled_hits?: string | null;
  /** Migration 019: the calibration session it was scored in. */
  calibration_id?: string | null;
}

/** Migration 019: a calibration session. */
export interface QaCalibrationsTable {
  id: string;
  conversation_id: string;
  team_id: string;
  agent_id: string | null;
  scorecard_id: string;
  /** JSON string[]. */
  reviewer_ids: string;
  created_by: string;
  created_at: string;
}

/** Migration 011. */
export interface QaSamplingRulesTable {
  id: string;
  position: number;
  team_id: string;
  /** JSON SamplingRule. */
  data: string;
  updated_by: string;
  updated_at: string;
}

/** Migration 011: one row per drawn cycle of a rule. */
export interface QaSampleCyclesTable {
  rule_id: string;
  cycle_start: string;
  window_from: string;
  window_to: string;
  seed: number;
  candidates: number;
  picked: number;
  unassigned: number;
  drawn_at: string;
}

/** Migration 018: the admin's auto-QA rules, in order. */
export interface QaAutoRulesTable {
  id: string;
  position: number;
  /** JSON AutoQaRule. */
  data: string;
  updated_by: string;
  updated_at: string;
}

/** Migration 018: one evaluated conversation. */
export interface QaAutoResultsTable {
  conversation_id: string;
  conversation_version: number;
  hit_count: number;
  /** JSON string[]: the rules that hit. */
  rule_ids: string;
  /** JSON AutoQaHit[]. */
  hits: string;
  evaluated_at: string;
}

export interface QaDatabase {
  qa_sampling_rules: QaSamplingRulesTable;
  qa_sample_cycles: QaSampleCyclesTable;
  qa_scorecards: QaScorecardsTable;
  qa_assignments: QaAssignmentsTable;
  qa_reviews: QaReviewsTable;
  qa_auto_rules: QaAutoRulesTable;
  qa_auto_results: QaAutoResultsTable;
  qa_calibrations: QaCalibrationsTable;
}
