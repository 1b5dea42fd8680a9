/**
 * Admin API for the bot's knowledge base (Bearer agent token, role admin):
 *   GET /api/v1/admin/knowledge-base   → { entries: KnowledgeEntry[] }   (list order)
 *   PUT /api/v1/admin/knowledge-base   { entries: KnowledgeEntry[] } → the stored list
 * The role is checked before the body, so a non-admin learns nothing about validation. A bad body
 * is a 400 naming the entry and field ("entry 3 (kb.invoice), answer.en: must not be empty").
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseKnowledgeBase } from '../../shared/contracts/knowledge';
import type { DomainContext } from '../domain/context';
import type { KnowledgeStore } from '../domain/nlu/knowledgeStore';
import type { KnowledgeEntry } from '../domain/nlu/training/knowledgeBase';
import { requireAdmin } from './access';

export const KNOWLEDGE_BASE_PATH = '/api/v1/admin/knowledge-base';

async function requireKnowledgeAdmin(ctx: DomainContext, request: FastifyRequest): Promise<string> {
  return (await requireAdmin(ctx, request, "only admins edit the bot's knowledge base")).id;
}

interface KnowledgeBaseAnswer {
  entries: readonly KnowledgeEntry[];
}

export function registerKnowledgeRoutes(
  app: FastifyInstance,
  ctx: DomainContext,
  knowledge: KnowledgeStore,
): void {
  app.get(KNOWLEDGE_BASE_PATH, async (request): Promise<KnowledgeBaseAnswer> => {
    await requireKnowledgeAdmin(ctx, request);
    // Read through the store's loaded copy after a version check, so GET never lags a save on another node.
    await knowledge.refresh();
    return { entries: knowledge.entries() };
  });
  app.put(KNOWLEDGE_BASE_PATH, async (request): Promise<KnowledgeBaseAnswer> => {
    const adminId = await requireKnowledgeAdmin(ctx, request);
    const body = parseKnowledgeBase(request.body);
    return { entries: await knowledge.replace(body.entries, adminId) };
  });
}
