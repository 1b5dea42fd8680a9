/**
 * Auto-QA on the server: the admin's rules (read by leads and reviewers too) and the evaluation
 * of every finished conversation (the rules are pure, shared/qa/autoQa.ts; the leader job that
 * calls `evaluateDue` is server/jobs/autoQa.ts). Evaluation reads outside any transaction and
 * writes its results in one short write per batch, after the fact: never on the ingest path nor
 * inside the resolving agent's transaction.
 */
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Agent } from '../../../shared/domain/model';
import {
  evaluateAutoQa,
  type AutoQaResult,
  type AutoQaRule,
  type AutoQaRulesBody,
} from '../../../shared/qa/autoQa';
import { writeTransaction } from '../../db/database';
import { dueForAutoQa, listAutoQaRules, replaceAutoQaRules, saveAutoQaResult } from '../../db/queries/autoQa';
import { getConversationRow } from '../../db/queries/conversations';
import { messageFromRow } from '../../db/queries/messages';
import { transcriptMessages } from '../../db/queries/qa';
import type { DomainContext } from '../context';

/** The newest messages a conversation is judged on (a longer thread is judged on its end). */
const EVALUATED_MESSAGES = 2_000;
/** Conversations evaluated per run (the next run takes the rest). */
export const AUTO_QA_BATCH = 200;

export async function getAutoQaRules(ctx: DomainContext, actor: Agent): Promise<AutoQaRulesBody> {
  if (actor.role === 'agent') throw new SwitchboardError('forbidden', 'agents do not read the auto-QA rules');
  return { rules: await listAutoQaRules(ctx.store.db) };
}

export async function putAutoQaRules(
  ctx: DomainContext,
  actor: Agent,
  body: AutoQaRulesBody,
): Promise<AutoQaRulesBody> {
  if (actor.role !== 'admin') throw new SwitchboardError('forbidden', 'only admins edit the auto-QA rules');
  await writeTransaction(ctx.store, (trx) =>
    replaceAutoQaRules(trx, body.rules, actor.id, ctx.now().toISOString()),
  );
  return body;
}

/** One conversation's hits on its current messages, with the version they were read at; null if gone. */
export async function evaluateConversation(
  ctx: DomainContext,
  rules: readonly AutoQaRule[],
  conversationId: string,
): Promise<{ version: number; result: AutoQaResult } | null> {
  const row = await getConversationRow(ctx.store.db, conversationId);
  if (!row) return null;
  const { rows } = await transcriptMessages(ctx.store.db, conversationId, EVALUATED_MESSAGES);
  const sentiment = row.sentiment_label;
  const { hits, hitCount } = evaluateAutoQa(rules, {
    messages: rows.map(messageFromRow),
    endSentiment:
      sentiment === 'negative' || sentiment === 'neutral' || sentiment === 'positive' ? sentiment : null,
  });
  return { version: Number(row.version), result: { evaluatedAt: ctx.now().toISOString(), hits, hitCount } };
}

/** Evaluates one conversation now and stores the result (the demo's seeded reviews, before they are assigned). */
export async function evaluateNow(ctx: DomainContext, conversationId: string): Promise<AutoQaResult | null> {
  const evaluated = await evaluateConversation(ctx, await listAutoQaRules(ctx.store.db), conversationId);
  if (!evaluated) return null;
  await writeTransaction(ctx.store, (trx) =>
    saveAutoQaResult(trx, conversationId, evaluated.version, evaluated.result),
  );
  return evaluated.result;
}

export interface AutoQaRun {
  evaluated: number;
  flagged: number;
}

/**
 * Evaluates up to AUTO_QA_BATCH finished conversations (finished since `since`) that have no
 * result on their current version, and stores the results in one write.
 */
export async function evaluateDue(ctx: DomainContext, since: string): Promise<AutoQaRun> {
  const due = await dueForAutoQa(ctx.store.db, since, AUTO_QA_BATCH);
  if (due.length === 0) return { evaluated: 0, flagged: 0 };
  const rules = await listAutoQaRules(ctx.store.db);
  const results: { id: string; version: number; result: AutoQaResult }[] = [];
  for (const { id } of due) {
    const evaluated = await evaluateConversation(ctx, rules, id);
    if (evaluated) results.push({ id, ...evaluated });
  }
  await writeTransaction(ctx.store, async (trx) => {
    for (const { id, version, result } of results) await saveAutoQaResult(trx, id, version, result);
  });
  return { evaluated: results.length, flagged: results.filter(({ result }) => result.hitCount > 0).length };
}
