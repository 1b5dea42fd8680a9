/**
 * Where the bot reads its knowledge base from. `entries()` returns the current list; the array is
 * replaced (never mutated in place) when the knowledge base changes, so a consumer may cache
 * whatever it trains from it by array identity.
 */
import { DEFAULT_KNOWLEDGE_BASE, type KnowledgeEntry } from './training/knowledgeBase';

export interface KnowledgeSource {
  entries(): readonly KnowledgeEntry[];
}

/** A fixed list (tests, and a server that has not loaded its stored knowledge base). */
export function staticKnowledge(entries: readonly KnowledgeEntry[] = DEFAULT_KNOWLEDGE_BASE): KnowledgeSource {
  return { entries: () => entries };
}
