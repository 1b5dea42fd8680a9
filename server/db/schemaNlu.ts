/** Row types of what agents teach the classifier (migration 028). */
export interface NluCorrectionsTable {
  id: string;
  message_id: string;
  conversation_id: string;
  /** 'issueType' | 'sentiment' */
  field: string;
  /** What the classifier had said ('unsure' when it declined). */
  previous: string;
  label: string;
  /** The customer's words, kept with the label: a training example. */
  text: string;
  corrected_by: string;
  corrected_at: string;
}

/** One version of the message classifier (migration 029). */
export interface NluModelsTable {
  version: number;
  /** 'queued' | 'training' | 'active' | 'retired' | 'rejected' | 'failed' */
  status: string;
  /** JSON array of the nlu_corrections ids trained on, beside the shipped data. */
  correction_ids: string;
  corrections: number;
  training_size: number | null;
  training_ms: number | null;
  /** JSON ModelFigures on the evaluation set; null until trained. */
  figures: string | null;
  /** The active version it was measured against. */
  compared_with: number | null;
  /** Why it was promoted, rejected or failed. */
  decision: string | null;
  /** The admin who asked; null: the schedule. */
  requested_by: string | null;
  requested_at: string;
  trained_at: string | null;
  activated_at: string | null;
  /** null: promoted by the retraining job; an admin's id: made active by hand (a rollback). */
  activated_by: string | null;
}

export interface NluDatabase {
  nlu_corrections: NluCorrectionsTable;
  nlu_models: NluModelsTable;
}
