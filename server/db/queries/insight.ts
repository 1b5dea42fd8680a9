/**
 * Classification and bot columns (migration 006): their row ↔ model mapping, spread into
 * conversationFromRow / messageFromRow, and the reads the bot needs (a conversation's customer
 * messages still waiting for a bot decision, and the sweep over conversations with the bot).
 */
import { sql } from 'kysely';
import {
  IssueTypeSchema,
  MessageDetailSchema,
  type MessageDetail,
  type MessageInsight,
  type SentimentLabelName,
  type SentimentValue,
} from '../../../shared/nlu/insight';
import type { IssueType } from '../../../shared/nlu/labels';
import type { Db, Trx } from '../database';
import type { ConversationsTable, MessagesTable } from '../schema';

type ConversationInsightColumns = Pick<
  ConversationsTable,
  'issue_types' | 'sentiment_label' | 'sentiment_strength' | 'sentiment_score'
>;
type MessageInsightColumns = Pick<
  MessagesTable,
  | 'issue_type'
  | 'suggested_team_id'
  | 'sentiment_label'
  | 'sentiment_strength'
  | 'sentiment_score'
  | 'insight_unsure'
  | 'detail_json'
>;

function sentimentOf(
  label: string | null | undefined,
  strength: number | string | null | undefined,
  score: number | string | null | undefined,
): SentimentValue | null {
  if (!label || strength === null || strength === undefined || score === null || score === undefined)
    return null;
  return { label: label as SentimentLabelName, strength: Number(strength), score: Number(score) };
}

/** Parsed leniently: a tag this build does not know is left out rather than failing the row. */
export function issueTypesOf(json: string | null | undefined): IssueType[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((value) => {
    const type = IssueTypeSchema.safeParse(value);
    return type.success ? [type.data] : [];
  });
}

/** The optional Conversation fields; absent (not null) on rows never classified. */
export function conversationInsightFromRow(row: ConversationInsightColumns): {
  issueTypes?: IssueType[];
  sentiment?: SentimentValue | null;
} {
  const sentiment = sentimentOf(row.sentiment_label, row.sentiment_strength, row.sentiment_score);
  return {
    ...(row.issue_types ? { issueTypes: issueTypesOf(row.issue_types) } : {}),
    ...(sentiment ? { sentiment } : {}),
  };
}

/** The optional Message fields; absent on messages without classification or detail. */
export function messageInsightFromRow(row: MessageInsightColumns): {
  insight?: MessageInsight;
  detail?: MessageDetail;
} {
  const sentiment = sentimentOf(row.sentiment_label, row.sentiment_strength, row.sentiment_score);
  const detail = row.detail_json ? MessageDetailSchema.safeParse(JSON.parse(row.detail_json)) : null;
  const issueType = IssueTypeSchema.safeParse(row.issue_type);
  const unsure = unsureOf(row.insight_unsure);
  return {
    ...(sentiment && issueType.success && row.suggested_team_id
      ? { insight: { issueType: issueType.data, suggestedTeamId: row.suggested_team_id, sentiment, ...(unsure ? { unsure } : {}) } }
      : {}),
    ...(detail?.success ? { detail: detail.data } : {}),
  };
}

const UNSURE_FIELDS: ReadonlySet<string> = new Set(['issueType', 'sentiment']);

/** The stored unsure list, leniently: unknown entries are dropped, an empty list is none. */
function unsureOf(json: string | null | undefined): MessageInsight['unsure'] {
  if (!json) return undefined;
  try {
    const values: unknown = JSON.parse(json);
    if (!Array.isArray(values)) return undefined;
    const known = values.filter((value): value is 'issueType' | 'sentiment' => typeof value === 'string' && UNSURE_FIELDS.has(value));
    return known.length > 0 ? [...new Set(known)] : undefined;
  } catch {
    return undefined;
  }
}

/** Columns that store a message's classification. */
export function messageInsightColumns(insight: MessageInsight): MessageInsightColumns {
  return {
    insight_unsure: insight.unsure?.length ? JSON.stringify(insight.unsure) : null,
    issue_type: insight.issueType,
    suggested_team_id: insight.suggestedTeamId,
    sentiment_label: insight.sentiment.label,
    sentiment_strength: insight.sentiment.strength,
    sentiment_score: insight.sentiment.score,
  };
}

export interface PendingCustomerMessage {
  id: string;
  text: string;
  createdAt: string;
  /** 1-based number of this customer message in the conversation: the bot's turn. */
  turn: number;
}

/**
 * The conversation's customer messages no bot answer or handoff has named yet, oldest first,
 * each with its turn number.
 */
export async function pendingCustomerMessages(
  db: Db | Trx,
  conversationId: string,
): Promise<PendingCustomerMessage[]> {
  const rows = await db
    .selectFrom('messages as m')
    .select(['m.id', 'm.text', 'm.created_at'])
    .select((eb) =>
      eb
        .exists(
          eb.selectFrom('messages as r').select(sql.lit(1).as('one')).whereRef('r.in_reply_to', '=', 'm.id'),
        )
        .as('decided'),
    )
    .where('m.conversation_id', '=', conversationId)
    .where('m.direction', '=', 'in')
    .where('m.author_type', '=', 'contact')
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return rows.flatMap((row, index) =>
    isTrue(row.decided) ? [] : [{ id: row.id, text: row.text, createdAt: row.created_at, turn: index + 1 }],
  );
}

/** Whether a bot answer or handoff already names this customer message. */
export async function hasBotDecision(db: Db | Trx, messageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('messages')
    .select('id')
    .where('in_reply_to', '=', messageId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Conversations with the bot that hold a customer message older than `before` with no decision:
 * work a node took on and did not finish (it stopped), found again by any node's sweep.
 */
export async function botConversationsWithPendingWork(
  db: Db,
  before: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('messages as m', 'm.conversation_id', 'c.id')
    .select('c.id')
    .distinct()
    .where('c.status', '=', 'bot')
    .where('c.assignee_id', 'is', null)
    .where('m.direction', '=', 'in')
    .where('m.author_type', '=', 'contact')
    .where('m.created_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('messages as r').select(sql.lit(1).as('one')).whereRef('r.in_reply_to', '=', 'm.id'),
        ),
      ),
    )
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** SQLite answers EXISTS with 0/1, PostgreSQL with a boolean. */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
