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

export interface NluDatabase {
  nlu_corrections: NluCorrectionsTable;
}
