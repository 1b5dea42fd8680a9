/** Auto-QA: typed reads and writes of the rules, the conversations due for evaluation and their results. */
import type { AutoQaHit, AutoQaResult, AutoQaRule } from '../../../shared/qa/autoQa';
import type { Db, Trx } from '../database';

const FINISHED = ['resolved', 'closed'];

export async function listAutoQaRules(db: Db | Trx): Promise<AutoQaRule[]> {
  const rows = await db.selectFrom('qa_auto_rules').select('data').orderBy('position').execute();
  return rows.map((row) => JSON.parse(row.data) as AutoQaRule);
}

export async function replaceAutoQaRules(
  trx: Trx,
  rules: readonly AutoQaRule[],
  by: string,
  now: string,
): Promise<void> {
  await trx.deleteFrom('qa_auto_rules').execute();
  if (rules.length === 0) return;
  await trx
    .insertInto('qa_auto_rules')
    .values(
      rules.map((rule, position) => ({
        id: rule.id,
        position,
        data: JSON.stringify(rule),
        updated_by: by,
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * Finished conversations whose last finish fell at or after `since` (index sla_status_events_status_at)
 * and that have no result yet, or one computed on an older version (reopened and finished again).
 */
export async function dueForAutoQa(
  db: Db | Trx,
  since: string,
  limit: number,
): Promise<{ id: string; version: number }[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .leftJoin('qa_auto_results as r', 'r.conversation_id', 'c.id')
    .select(['c.id', 'c.version'])
    .where('c.status', 'in', FINISHED)
    .where('c.id', 'in', (sub) =>
      sub
        .selectFrom('sla_status_events')
        .select('conversation_id')
        .where('status', 'in', FINISHED)
        .where('at', '>=', since),
    )
    .where((eb) =>
      eb.or([eb('r.conversation_id', 'is', null), eb('r.conversation_version', '<', eb.ref('c.version'))]),
    )
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, version: Number(row.version) }));
}

export async function saveAutoQaResult(
  trx: Trx,
  conversationId: string,
  version: number,
  result: AutoQaResult,
): Promise<void> {
  const row = {
    conversation_version: version,
    hit_count: result.hitCount,
    rule_ids: JSON.stringify([...new Set(result.hits.map((hit) => hit.ruleId))]),
    hits: JSON.stringify(result.hits),
    evaluated_at: result.evaluatedAt,
  };
  await trx
    .insertInto('qa_auto_results')
    .values({ conversation_id: conversationId, ...row })
    .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet(row))
    .execute();
}

export async function getAutoQaResult(db: Db | Trx, conversationId: string): Promise<AutoQaResult | null> {
  const row = await db
    .selectFrom('qa_auto_results')
    .select(['hits', 'hit_count', 'evaluated_at'])
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    evaluatedAt: row.evaluated_at,
    hitCount: Number(row.hit_count),
    hits: JSON.parse(row.hits) as AutoQaHit[],
  };
}

/** The rules that hit each of these conversations (sampling's `auto_qa_flag`); absent: not evaluated or no hit. */
export async function autoQaRuleIds(
  db: Db | Trx,
  conversationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (conversationIds.length === 0) return out;
  const rows = await db
    .selectFrom('qa_auto_results')
    .select(['conversation_id', 'rule_ids'])
    .where('conversation_id', 'in', conversationIds)
    .where('hit_count', '>', 0)
    .execute();
  for (const row of rows) out.set(row.conversation_id, JSON.parse(row.rule_ids) as string[]);
  return out;
}
