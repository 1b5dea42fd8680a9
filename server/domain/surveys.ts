/**
 * Customer surveys on the server.
 *
 * - Sending: when an agent resolves a conversation (a committed `conversation.setStatus` to
 *   resolved, announced after commit), the customer is asked for a rating through the
 *   conversation's own channel, unless the channel is not surveyed or an invitation went out
 *   within the resend window. The invitation is a system line in the thread (worded per reader
 *   from its detail; its text is what the customer received, in their language) and a row in
 *   `survey_requests`, written in one transaction; the connector delivers it after the commit.
 * - Answers (POST /api/v1/ingest/surveys): the answer replaces the current one for its kind
 *   (`surveys`), is appended to `survey_answers`, and shows in the thread as a system line with
 *   the score, the score it replaced and the comment. A low score alerts the team's leads and,
 *   when the admin asked for it, reopens the conversation (`followUpLowScore`).
 *
 * Sending never runs on the ingest path or inside the resolving agent's transaction: a failed
 * send is logged and the resolution stands.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SwitchboardError } from '../../shared/contracts/errors';
import type { IngestSurveyRequest } from '../../shared/contracts/http';
import type { Channel } from '../../shared/domain/model';
import type { MessageDetail } from '../../shared/nlu/insight';
import type { Alert } from '../../shared/contracts/sla';
import {
  customerLanguage,
  DEFAULT_SURVEY_SETTINGS,
  isLowScore,
  surveyInvitation,
  type SurveyKind,
  type SurveySettings,
} from '../../shared/surveys';
import { envNumber, fromEnv } from '../envField';
import type { Trx } from '../db/database';
import { getContact } from '../db/queries/contacts';
import { conversationFromRow, getConversationRow, saveConversation, type ConversationRow } from '../db/queries/conversations';
import { getSurvey, insertMessage, messageFromRow, upsertSurvey } from '../db/queries/messages';
import type { MessagesTable } from '../db/schema';
import {
  insertSurveyAnswer,
  insertSurveyRequest,
  lastCustomerText,
  lastSurveyRequest,
} from '../db/queries/surveys';
import type { NewChange } from '../db/queries/changes';
import type { CommitSubscriber } from './afterCommit';
import { raiseAlert } from './alerts/raise';
import { readAlertSettings } from './alerts/settings';
import { commitWithChanges, type DomainContext } from './context';
import { addressOf, conversationChange, messageChange } from './snapshots';
import { bumpVersion } from './versioning';

const HOUR_MS = 3_600_000;

/** A system line in the thread, one more message on the conversation (a new version for every reader). */
async function writeSystemLine(
  trx: Trx,
  row: ConversationRow,
  line: Pick<MessagesTable, 'text' | 'direction'> & { detail: MessageDetail },
  now: string,
): Promise<{ changes: NewChange[]; message: MessagesTable; after: ConversationRow }> {
  const message: MessagesTable = {
    id: randomUUID(),
    conversation_id: row.id,
    channel: row.channel,
    external_id: null,
    direction: line.direction,
    kind: 'system',
    author_type: 'system',
    author_id: null,
    text: line.text,
    subject: null,
    call_json: null,
    created_at: now,
    detail_json: JSON.stringify(line.detail),
  };
  await insertMessage(trx, message);
  const after: ConversationRow = { ...row, ...bumpVersion(row, null), message_count: row.message_count + 1 };
  await saveConversation(trx, after);
  const conversation = conversationFromRow(after);
  const address = addressOf(conversation, conversationFromRow(row));
  return {
    message,
    after,
    changes: [conversationChange('conversation.updated', conversation, address), messageChange(messageFromRow(message), address)],
  };
}

/**
 * Sends the invitation for a resolved conversation when the settings say so; returns the message
 * id sent, or null (not resolved any more, a channel not surveyed, asked recently).
 */
export async function sendSurvey(
  ctx: DomainContext,
  settings: SurveySettings,
  conversationId: string,
): Promise<string | null> {
  const now = ctx.now();
  const sent = await commitWithChanges(ctx, async (trx, append) => {
    const row = await getConversationRow(trx, conversationId);
    if (!row || row.status !== 'resolved' || !settings.channels.includes(row.channel as Channel)) return null;
    const last = await lastSurveyRequest(trx, conversationId);
    if (last && now.getTime() - Date.parse(last.sent_at) < settings.resendAfterHours * HOUR_MS) return null;
    const contact = await getContact(trx, row.contact_id);
    if (!contact) return null;
    const kinds: SurveyKind[] = settings.nps ? ['csat', 'nps'] : ['csat'];
    const text = surveyInvitation(kinds, customerLanguage(await lastCustomerText(trx, conversationId)));
    const at = now.toISOString();
    const line = await writeSystemLine(trx, row, { text, direction: 'out', detail: { kind: 'survey_sent', surveys: kinds } }, at);
    await insertSurveyRequest(trx, {
      id: randomUUID(),
      conversation_id: conversationId,
      kinds: JSON.stringify(kinds),
      message_id: line.message.id,
      sent_at: at,
    });
    await append(line.changes);
    return { message: messageFromRow(line.message), conversation: conversationFromRow(line.after), contact };
  });
  if (!sent) return null;
  await ctx.connector.deliver(sent.message, sent.conversation, sent.contact);
  return sent.message.id;
}

/**
 * Records a customer's answer (it arrives through the channel the conversation took place on,
 * and only that one): the current answer per kind is replaced, the history keeps every one, and
 * the thread shows it.
 */
export async function recordSurveyAnswer(
  ctx: DomainContext,
  request: IngestSurveyRequest,
  tokenChannel: Channel,
): Promise<void> {
  await commitWithChanges(ctx, async (trx, append) => {
    const row = await getConversationRow(trx, request.conversationId);
    if (!row) throw new SwitchboardError('not_found', `conversationId: no conversation ${request.conversationId}`);
    if (row.channel !== tokenChannel)
      throw new SwitchboardError('forbidden', `this ${tokenChannel} channel token cannot rate a ${row.channel} conversation`);
    const now = ctx.now().toISOString();
    const previous = await getSurvey(trx, request.conversationId, request.kind);
    const comment = request.comment?.trim() || null;
    await upsertSurvey(trx, {
      conversation_id: request.conversationId,
      kind: request.kind,
      score: request.score,
      comment,
      created_at: now,
      updated_at: now,
    });
    await insertSurveyAnswer(trx, {
      id: randomUUID(),
      conversation_id: request.conversationId,
      kind: request.kind,
      score: request.score,
      comment,
      answered_at: now,
    });
    const scale = request.kind === 'csat' ? '5' : '10';
    const replaced = previous ? ` (was ${previous.score})` : '';
    const line = await writeSystemLine(
      trx,
      row,
      {
        text: `Customer rated ${request.kind.toUpperCase()} ${request.score}/${scale}${replaced}${comment ? `: ${comment}` : ''}`,
        direction: 'in',
        detail: {
          kind: 'survey_answered',
          survey: request.kind,
          score: request.score,
          previousScore: previous ? Number(previous.score) : null,
          comment: comment === null ? null : comment.slice(0, 2_000),
        },
      },
      now,
    );
    await append(line.changes);
    if (isLowScore(request.kind, request.score)) {
      const followUp = await followUpLowScore(trx, line.after, request, comment, now);
      if (followUp.length > 0) await append(followUp);
    }
  });
}

/**
 * A low score (shared/surveys `isLowScore`): a `low_survey` alert for the team's leads (through
 * the triage gate), and, when the admin turned "reopen on low score" on, the resolved
 * conversation reopens for follow-up with a system line saying why. Same transaction as the answer.
 */
async function followUpLowScore(
  trx: Trx,
  row: ConversationRow,
  request: IngestSurveyRequest,
  comment: string | null,
  now: string,
): Promise<NewChange[]> {
  const alert: Alert = {
    id: randomUUID(),
    kind: 'low_survey',
    conversationId: row.id,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    survey: request.kind,
    score: request.score,
    comment: comment === null ? null : comment.slice(0, 280),
    createdAt: now,
  };
  const changes = await raiseAlert(trx, alert);
  const settings = await readAlertSettings(trx);
  if (!settings.reopenOnLowSurvey || (row.status !== 'resolved' && row.status !== 'closed')) return changes;
  const scale = request.kind === 'csat' ? '5' : '10';
  const reopened = await writeSystemLine(
    trx,
    { ...row, status: 'open', updated_at: now },
    {
      text: `Reopened for follow-up: the customer rated ${request.kind.toUpperCase()} ${request.score}/${scale}`,
      direction: 'out',
      detail: { kind: 'reopened_low_survey', survey: request.kind, score: request.score },
    },
    now,
  );
  return [...changes, ...reopened.changes];
}

export interface SurveySender extends CommitSubscriber {
  /** Resolves when no invitation is being sent. */
  idle(): Promise<void>;
}

/** The after-commit subscriber that sends an invitation for each conversation an agent resolves. */
export function createSurveySender(
  ctx: DomainContext,
  settings: SurveySettings,
  log: (message: string, error: unknown) => void = (message, error) => console.error(`[server] ${message}`, error),
): SurveySender {
  const running = new Set<Promise<unknown>>();
  return {
    mutated({ mutation, result }) {
      if (!result.ok || mutation.name !== 'conversation.setStatus') return;
      const args = mutation.args as { conversationId?: unknown; status?: unknown };
      if (args.status !== 'resolved' || typeof args.conversationId !== 'string') return;
      const sending = sendSurvey(ctx, settings, args.conversationId)
        .catch((error: unknown) => log(`survey for ${String(args.conversationId)} failed`, error))
        .finally(() => running.delete(sending));
      running.add(sending);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

const CHANNELS = ['chat', 'email', 'voice', 'sms', 'social'] as const;
const surveyChannelList = z.string().transform((value, context): Channel[] => {
  if (value === 'none') return [];
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(CHANNELS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    context.addIssue({ code: 'custom', message: `not a channel: ${unknown.join(', ')} (use chat, email, voice, sms, social or none)` });
    return z.NEVER;
  }
  return [...new Set(names)] as Channel[];
});

/** This module's part of the server configuration (server/config.ts). */
export const SURVEY_ENV = {
  SWITCHBOARD_SURVEY_CHANNELS: fromEnv(surveyChannelList.default([...DEFAULT_SURVEY_SETTINGS.channels])),
  SWITCHBOARD_SURVEY_NPS: fromEnv(z.enum(['0', '1', 'true', 'false'], { error: 'must be 0, 1, true or false' }).default('0')),
  SWITCHBOARD_SURVEY_RESEND_HOURS: fromEnv(
    envNumber({ min: 0, max: 24 * 90, unit: 'hours' }).default(DEFAULT_SURVEY_SETTINGS.resendAfterHours),
  ),
};

export function surveySettingsOf(e: z.infer<z.ZodObject<typeof SURVEY_ENV>>): SurveySettings {
  return {
    channels: e.SWITCHBOARD_SURVEY_CHANNELS,
    nps: e.SWITCHBOARD_SURVEY_NPS === '1' || e.SWITCHBOARD_SURVEY_NPS === 'true',
    resendAfterHours: e.SWITCHBOARD_SURVEY_RESEND_HOURS,
  };
}
