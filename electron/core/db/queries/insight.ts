/**
 * Classification and bot columns of the cache (migration 007): written from server snapshots by
 * the apply path, read back into the optional Conversation / Message fields. JSON is parsed with
 * the shared schemas, so a value this build does not understand is dropped, not trusted.
 */
import type { z } from 'zod';
import type { Conversation, Message } from '../../../../shared/domain/model';
import {
  MessageDetailSchema,
  MessageInsightSchema,
  SENTIMENT_LABELS,
  type MessageDetail,
  type MessageInsight,
  type SentimentValue,
} from '../../../../shared/nlu/insight';
import { ISSUE_TYPES, type IssueType } from '../../../../shared/nlu/labels';
import type { Db } from '../database';

export interface ConversationInsightColumns {
  issue_types?: string | null;
  sentiment_label?: string | null;
  sentiment_strength?: number | null;
  sentiment_score?: number | null;
}

export interface MessageInsightColumns {
  insight?: string | null;
  detail?: string | null;
}

function parsed<T>(schema: z.ZodType<T>, json: string | null | undefined): T | undefined {
  if (!json) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(json));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

const ISSUE_TYPE_SET: ReadonlySet<string> = new Set(ISSUE_TYPES);
const SENTIMENT_LABEL_SET: ReadonlySet<string> = new Set(SENTIMENT_LABELS);

/**
 * Read for every inbox row, so it checks membership in the known labels instead of running a
 * schema: a failed parse builds an error object per row, and a 100-row page paid a millisecond
 * and a heap full of garbage for rows without sentiment.
 */
export function conversationInsightOf(row: ConversationInsightColumns): {
  issueTypes?: IssueType[];
  sentiment?: SentimentValue;
} {
  let issueTypes: IssueType[] | undefined;
  if (row.issue_types) {
    try {
      const values: unknown = JSON.parse(row.issue_types);
      if (Array.isArray(values))
        issueTypes = values.filter(
          (value): value is IssueType => typeof value === 'string' && ISSUE_TYPE_SET.has(value),
        );
    } catch {
      issueTypes = undefined;
    }
  }
  const label = row.sentiment_label;
  const sentiment =
    label != null &&
    SENTIMENT_LABEL_SET.has(label) &&
    row.sentiment_strength != null &&
    row.sentiment_score != null
      ? {
          label: label as SentimentValue['label'],
          strength: row.sentiment_strength,
          score: row.sentiment_score,
        }
      : undefined;
  return { ...(issueTypes ? { issueTypes } : {}), ...(sentiment ? { sentiment } : {}) };
}

export function messageInsightOf(row: MessageInsightColumns): {
  insight?: MessageInsight;
  detail?: MessageDetail;
} {
  const insight = parsed(MessageInsightSchema, row.insight);
  const detail = parsed(MessageDetailSchema, row.detail);
  return { ...(insight ? { insight } : {}), ...(detail ? { detail } : {}) };
}

/** Keeps the snapshot's tags and sentiment; snapshots without them (older servers) leave the row as is. */
export function storeConversationInsight(db: Db, conversation: Conversation): void {
  if (conversation.issueTypes === undefined && conversation.sentiment === undefined) return;
  db.prepare(
    `UPDATE conversations SET issue_types = ?, sentiment_label = ?, sentiment_strength = ?, sentiment_score = ?
     WHERE id = ?`,
  ).run(
    conversation.issueTypes ? JSON.stringify(conversation.issueTypes) : null,
    conversation.sentiment?.label ?? null,
    conversation.sentiment?.strength ?? null,
    conversation.sentiment?.score ?? null,
    conversation.id,
  );
}

export function storeMessageInsight(db: Db, message: Message): void {
  if (!message.insight && !message.detail) return;
  db.prepare('UPDATE messages SET insight = ?, detail = ? WHERE id = ?').run(
    message.insight ? JSON.stringify(message.insight) : null,
    message.detail ? JSON.stringify(message.detail) : null,
    message.id,
  );
}
