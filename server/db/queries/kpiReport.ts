/**
 * The KPI report's reads. The period's conversations come from conversations_team_created /
 * conversations_created (migration 017); the agent and channel filters are applied to those rows
 * here rather than in SQL, so a planner never trades the period's range for an index on channel
 * or assignee that would walk their whole history. Everything else is read by conversation id
 * in chunks, through keys that lead with it (messages_conversation, sla_status_events_pk,
 * sla_outcomes_pk, surveys_pk). Instants are ISO UTC text, so the period is a plain string range
 * on both dialects.
 */
import type { Db } from '../database';

/** Bound parameters per IN list (well under SQLite's and PostgreSQL's limits). */
const IN_CHUNK = 500;

export interface KpiScope {
  /** null: every team (an admin without a team filter). */
  teamIds: readonly string[] | null;
  agentId: string | null;
  channel: string | null;
  /** Inclusive, ISO UTC. */
  from: string;
  /** Exclusive, ISO UTC. */
  to: string;
}

export interface KpiConversationRow {
  id: string;
  channel: string;
  teamId: string;
  assigneeId: string | null;
  createdAt: string;
  /** JSON array of issue types, newest first; null when never classified. */
  issueTypes: string | null;
}

/** The query behind conversationsStarted (its plan is tested: tests/unit/server/kpiQueries.test.ts). */
export function conversationsStartedQuery(db: Db, scope: KpiScope) {
  let query = db
    .selectFrom('conversations')
    .select(['id', 'channel', 'team_id', 'assignee_id', 'created_at', 'issue_types'])
    .where('created_at', '>=', scope.from)
    .where('created_at', '<', scope.to);
  if (scope.teamIds !== null) query = query.where('team_id', 'in', [...scope.teamIds]);
  return query.orderBy('created_at').orderBy('id');
}

/** The conversations that started in the period, in scope. */
export async function conversationsStarted(db: Db, scope: KpiScope): Promise<KpiConversationRow[]> {
  if (scope.teamIds?.length === 0) return [];
  const rows = (await conversationsStartedQuery(db, scope).execute()).filter(
    (row) =>
      (scope.agentId === null || row.assignee_id === scope.agentId) && (scope.channel === null || row.channel === scope.channel),
  );
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    createdAt: row.created_at,
    issueTypes: row.issue_types ?? null,
  }));
}

export interface AgentReplyRow {
  conversationId: string;
  agentId: string;
  /** The agent's first reply to the customer (notes are not replies). */
  firstAt: string;
}

/** A customer message, or an agent's reply to the customer, for next response time. */
export interface TurnRow {
  conversationId: string;
  by: 'customer' | 'agent';
  at: string;
}

export interface StatusRow {
  conversationId: string;
  status: string;
  at: string;
}

export interface OutcomeRow {
  conversationId: string;
  target: string;
  outcome: string;
}

export interface SurveyRow {
  conversationId: string;
  kind: string;
  score: number;
}

export interface CallRow {
  conversationId: string;
  callJson: string;
}

export interface KpiDetailRows {
  replies: AgentReplyRow[];
  turns: TurnRow[];
  botAnswers: Set<string>;
  statuses: StatusRow[];
  outcomes: OutcomeRow[];
  surveys: SurveyRow[];
  calls: CallRow[];
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

/** Replies, bot answers, status history, SLA outcomes, current survey answers and calls of `ids`. */
export async function kpiDetails(db: Db, ids: readonly string[]): Promise<KpiDetailRows> {
  const details: KpiDetailRows = {
    replies: [],
    turns: [],
    botAnswers: new Set(),
    statuses: [],
    outcomes: [],
    surveys: [],
    calls: [],
  };
  for (const chunk of chunks(ids)) {
    const [replies, turns, bot, statuses, outcomes, surveys, calls] = await Promise.all([
      db
        .selectFrom('messages')
        .select((eb) => ['conversation_id', 'author_id', eb.fn.min('created_at').as('first_at')])
        .where('conversation_id', 'in', chunk)
        .where('author_type', '=', 'agent')
        .where('direction', '=', 'out')
        .where('kind', '<>', 'note')
        .groupBy(['conversation_id', 'author_id'])
        .execute(),
      db
        .selectFrom('messages')
        .select(['conversation_id', 'author_type', 'created_at'])
        .where('conversation_id', 'in', chunk)
        .where((eb) =>
          eb.or([
            eb.and([eb('author_type', '=', 'contact'), eb('direction', '=', 'in')]),
            eb.and([eb('author_type', '=', 'agent'), eb('direction', '=', 'out'), eb('kind', '<>', 'note')]),
          ]),
        )
        .execute(),
      db
        .selectFrom('messages')
        .select('conversation_id')
        .distinct()
        .where('conversation_id', 'in', chunk)
        .where('author_type', '=', 'bot')
        .execute(),
      db
        .selectFrom('sla_status_events')
        .select(['conversation_id', 'status', 'at'])
        .where('conversation_id', 'in', chunk)
        .orderBy('conversation_id')
        .orderBy('ordinal')
        .execute(),
      db
        .selectFrom('sla_outcomes')
        .select(['conversation_id', 'target', 'outcome'])
        .where('conversation_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('surveys')
        .select(['conversation_id', 'kind', 'score'])
        .where('conversation_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('messages')
        .select(['conversation_id', 'call_json'])
        .where('conversation_id', 'in', chunk)
        .where('kind', '=', 'call')
        .where('call_json', 'is not', null)
        .execute(),
    ]);
    for (const row of replies)
      if (row.author_id) details.replies.push({ conversationId: row.conversation_id, agentId: row.author_id, firstAt: String(row.first_at) });
    for (const row of turns)
      details.turns.push({
        conversationId: row.conversation_id,
        by: row.author_type === 'agent' ? 'agent' : 'customer',
        at: String(row.created_at),
      });
    for (const row of bot) details.botAnswers.add(row.conversation_id);
    for (const row of statuses) details.statuses.push({ conversationId: row.conversation_id, status: row.status, at: row.at });
    for (const row of outcomes)
      details.outcomes.push({ conversationId: row.conversation_id, target: row.target, outcome: row.outcome });
    for (const row of surveys)
      details.surveys.push({ conversationId: row.conversation_id, kind: row.kind, score: Number(row.score) });
    for (const row of calls) details.calls.push({ conversationId: row.conversation_id, callJson: row.call_json! });
  }
  return details;
}
