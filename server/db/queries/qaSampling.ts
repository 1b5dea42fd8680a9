/** Sampling: typed reads and writes of sampling rules, drawn cycles and the candidates of a cycle. */
import type { SampleCandidate, SamplingRule } from '../../../shared/qa/sampling';
import type { Channel } from '../../../shared/domain/model';
import type { Db, Trx } from '../database';
import { autoQaRuleIds } from './autoQa';

const FINISHED = ['resolved', 'closed'];
/** Bound parameters per IN list (well under SQLite's and PostgreSQL's limits). */
const IN_CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

export async function listSamplingRules(db: Db | Trx): Promise<SamplingRule[]> {
  const rows = await db.selectFrom('qa_sampling_rules').select('data').orderBy('position').execute();
  return rows.map((row) => JSON.parse(row.data) as SamplingRule);
}

export async function replaceSamplingRules(
  trx: Trx,
  rules: readonly SamplingRule[],
  by: string,
  now: string,
): Promise<void> {
  await trx.deleteFrom('qa_sampling_rules').execute();
  if (rules.length === 0) return;
  await trx
    .insertInto('qa_sampling_rules')
    .values(
      rules.map((rule, position) => ({
        id: rule.id,
        position,
        team_id: rule.teamId,
        data: JSON.stringify(rule),
        updated_by: by,
        updated_at: now,
      })),
    )
    .execute();
}

export interface DrawnCycle {
  ruleId: string;
  cycleStart: string;
  windowFrom: string;
  windowTo: string;
  seed: number;
  candidates: number;
  picked: number;
  unassigned: number;
  drawnAt: string;
}

/**
 * Claims a rule's cycle for drawing: true when this call inserted its row, false when it was drawn
 * already (by this node earlier, or by another one). The insert and the assignments share a
 * transaction, so a draw that fails leaves the cycle unclaimed.
 */
export async function claimCycle(trx: Trx, cycle: DrawnCycle): Promise<boolean> {
  const result = await trx
    .insertInto('qa_sample_cycles')
    .values({
      rule_id: cycle.ruleId,
      cycle_start: cycle.cycleStart,
      window_from: cycle.windowFrom,
      window_to: cycle.windowTo,
      seed: cycle.seed,
      candidates: cycle.candidates,
      picked: cycle.picked,
      unassigned: cycle.unassigned,
      drawn_at: cycle.drawnAt,
    })
    .onConflict((conflict) => conflict.columns(['rule_id', 'cycle_start']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function cycleCounts(
  trx: Trx,
  ruleId: string,
  cycleStart: string,
  counts: Pick<DrawnCycle, 'candidates' | 'picked' | 'unassigned'>,
): Promise<void> {
  await trx
    .updateTable('qa_sample_cycles')
    .set(counts)
    .where('rule_id', '=', ruleId)
    .where('cycle_start', '=', cycleStart)
    .execute();
}

export async function getCycle(db: Db | Trx, ruleId: string, cycleStart: string): Promise<DrawnCycle | null> {
  const row = await db
    .selectFrom('qa_sample_cycles')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .where('cycle_start', '=', cycleStart)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ruleId: row.rule_id,
    cycleStart: row.cycle_start,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    seed: Number(row.seed),
    candidates: Number(row.candidates),
    picked: Number(row.picked),
    unassigned: Number(row.unassigned),
    drawnAt: row.drawn_at,
  };
}

/**
 * The conversations a rule samples from: its team's (or agents') conversations resolved or closed
 * now whose resolution fell in [from, to), that nobody has been asked to review yet, with what the
 * conditions and the no-participant rule need.
 */
export async function sampleCandidates(
  db: Db | Trx,
  rule: Pick<SamplingRule, 'teamId' | 'agentIds'>,
  from: string,
  to: string,
): Promise<SampleCandidate[]> {
  let query = db
    .selectFrom('conversations as c')
    .innerJoin('contacts as ct', 'ct.id', 'c.contact_id')
    .select(['c.id', 'c.assignee_id', 'c.channel', 'c.created_at', 'c.sentiment_label', 'ct.tier'])
    .where('c.team_id', '=', rule.teamId)
    .where('c.status', 'in', FINISHED)
    .where('c.id', 'in', (sub) =>
      sub
        .selectFrom('sla_status_events')
        .select('conversation_id')
        .where('status', 'in', FINISHED)
        .where('at', '>=', from)
        .where('at', '<', to),
    )
    .where('c.id', 'not in', (sub) => sub.selectFrom('qa_assignments').select('conversation_id'))
    .orderBy('c.id');
  if (rule.agentIds.length > 0) query = query.where('c.assignee_id', 'in', rule.agentIds);
  const rows = await query.execute();

  const writers = new Map<string, Set<string>>();
  const events = new Map<string, { status: string; at: string }[]>();
  const breached = new Set<string>();
  const csat = new Map<string, number>();
  const flaggedBy = new Map<string, string[]>();
  for (const ids of chunks(rows.map((row) => row.id))) {
    const [authors, statuses, outcomes, surveys, flags] = await Promise.all([
      db
        .selectFrom('messages')
        .select(['conversation_id', 'author_id'])
        .distinct()
        .where('conversation_id', 'in', ids)
        .where('author_type', '=', 'agent')
        .execute(),
      db
        .selectFrom('sla_status_events')
        .select(['conversation_id', 'status', 'at'])
        .where('conversation_id', 'in', ids)
        .orderBy('conversation_id')
        .orderBy('ordinal')
        .execute(),
      db
        .selectFrom('sla_outcomes')
        .select('conversation_id')
        .distinct()
        .where('conversation_id', 'in', ids)
        .where('outcome', '=', 'breached')
        .execute(),
      db
        .selectFrom('surveys')
        .select(['conversation_id', 'score'])
        .where('conversation_id', 'in', ids)
        .where('kind', '=', 'csat')
        .execute(),
      autoQaRuleIds(db, ids),
    ]);
    for (const row of surveys) csat.set(row.conversation_id, Number(row.score));
    for (const [id, ruleIds] of flags) flaggedBy.set(id, ruleIds);
    for (const row of authors) {
      if (!row.author_id) continue;
      const set = writers.get(row.conversation_id) ?? new Set<string>();
      set.add(row.author_id);
      writers.set(row.conversation_id, set);
    }
    for (const row of statuses) {
      const list = events.get(row.conversation_id) ?? [];
      list.push({ status: row.status, at: row.at });
      events.set(row.conversation_id, list);
    }
    for (const row of outcomes) breached.add(row.conversation_id);
  }

  return rows.map((row) => {
    const history = events.get(row.id) ?? [];
    const finishedAt = history.filter((event) => FINISHED.includes(event.status)).at(-1)?.at ?? row.created_at;
    let wasFinished = false;
    let reopened = false;
    for (const event of history) {
      if (FINISHED.includes(event.status)) wasFinished = true;
      else if (wasFinished) reopened = true;
    }
    const participants = new Set(writers.get(row.id));
    if (row.assignee_id) participants.add(row.assignee_id);
    return {
      conversationId: row.id,
      agentId: row.assignee_id,
      channel: row.channel as Channel,
      participants: [...participants],
      slaBreached: breached.has(row.id),
      negativeEnd: row.sentiment_label === 'negative',
      reopened,
      handleMinutes: Math.max(0, (Date.parse(finishedAt) - Date.parse(row.created_at)) / 60_000),
      vip: row.tier === 'vip',
      csat: csat.get(row.id) ?? null,
      autoQaRuleIds: flaggedBy.get(row.id) ?? [],
    };
  });
}

/** The sampling rule and cycle a sampled assignment came from; null for a manual one. */
export async function sampleOfAssignment(
  db: Db | Trx,
  assignmentId: string,
): Promise<{ ruleId: string; cycleStart: string } | null> {
  const row = await db
    .selectFrom('qa_assignments')
    .select(['sample_rule_id', 'sample_cycle_start'])
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  return row?.sample_rule_id && row.sample_cycle_start
    ? { ruleId: row.sample_rule_id, cycleStart: row.sample_cycle_start }
    : null;
}
