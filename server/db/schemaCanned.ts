/** Row types of the canned-response tables (migration 003). */
export interface CannedResponsesTable {
  id: string;
  scope: string;
  team_id: string | null;
  owner_id: string | null;
  folder: string;
  title: string;
  shortcut: string;
  body: string;
  language: string;
  /** JSON array of strings. */
  tags: string;
  usage_count: number;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CannedDatabase {
  canned_responses: CannedResponsesTable;
}
