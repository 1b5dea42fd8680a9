/** Row types of the bot's knowledge-base tables (migration 005). */
export interface KnowledgeEntriesTable {
  intent: string;
  position: number;
  /** JSON KnowledgeEntry. */
  data: string;
  updated_at: string;
}

export interface KnowledgeBaseStateTable {
  /** Always 1: one row per installation. */
  id: number;
  /** Incremented by every write; nodes compare it to the version they loaded. */
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface KnowledgeDatabase {
  knowledge_entries: KnowledgeEntriesTable;
  knowledge_base_state: KnowledgeBaseStateTable;
}
