/**
 * The versioned conversation writes: assign, transfer, set status, set priority. Each bumps the
 * version once and records the full snapshot; assign and transfer also leave a system message
 * in the thread: its structured detail, which each window words in its own language, and a
 * short English text with names for exports and older windows.
 */
import { randomUUID } from 'node:crypto';
import type { MutationArgs } from '../../../shared/contracts/sync';
import type { MessageDetail } from '../../../shared/nlu/insight';
import type { ConversationChange } from '../../../shared/contracts/sync';
import { conversationFromRow, saveConversation, type ConversationRow } from '../../db/queries/conversations';
import { getTeam } from '../../db/queries/directory';
import { insertMessage, messageFromRow } from '../../db/queries/messages';
import type { NewChange } from '../../db/queries/changes';
import { addressOf, conversationChange, messageChange } from '../snapshots';
import { bumpVersion } from '../versioning';
import {
  assertFresh,
  loadActionableConversation,
  MutationRejected,
  resolveAssignee,
  type MutationContext,
  type MutationOutcome,
} from './common';

interface SystemLine {
  text: string;
  detail: MessageDetail;
}

async function writeConversation(
  ctx: MutationContext,
  before: ConversationRow,
  patch: Partial<ConversationRow>,
  type: ConversationChange['type'],
  line: SystemLine | null,
): Promise<MutationOutcome> {
  const after: ConversationRow = {
    ...before,
    ...patch,
    ...bumpVersion(before, ctx.clientId),
    updated_at: ctx.now,
    message_count: before.message_count + (line ? 1 : 0),
  };
  await saveConversation(ctx.trx, after);
  const conversation = conversationFromRow(after);
  const address = addressOf(conversation, conversationFromRow(before));
  const changes: NewChange[] = [conversationChange(type, conversation, address)];
  if (line) {
    const row = {
      id: randomUUID(),
      conversation_id: after.id,
      channel: after.channel,
      external_id: null,
      direction: 'out',
      kind: 'system',
      author_type: 'system',
      author_id: ctx.actor.id,
      text: line.text,
      detail_json: JSON.stringify(line.detail),
      subject: null,
      call_json: null,
      created_at: ctx.now,
    };
    await insertMessage(ctx.trx, row);
    changes.push(messageChange(messageFromRow(row), address));
  }
  return { changes };
}

export async function assignConversation(
  ctx: MutationContext,
  args: MutationArgs<'conversation.assign'>,
): Promise<MutationOutcome> {
  const row = await loadActionableConversation(ctx, args.conversationId);
  assertFresh(ctx, row, args.baseVersion);
  const assignee = await resolveAssignee(ctx, args.assigneeId);
  const by = ctx.actor.name;
  const action = assignee === null ? 'unassigned' : assignee.id === ctx.actor.id ? 'took' : 'assigned';
  const text =
    action === 'unassigned'
      ? `${by} unassigned the conversation`
      : action === 'took'
        ? `${by} took the conversation`
        : `${by} assigned the conversation to ${assignee!.name}`;
  const line: SystemLine | null =
    row.assignee_id === args.assigneeId ? null : { text, detail: { kind: 'assigned', action, by, to: assignee?.name ?? null } };
  return writeConversation(ctx, row, { assignee_id: args.assigneeId, ...takenFromBot(row, args.assigneeId) }, 'conversation.assigned', line);
}

/** A person assigned to a conversation the bot still holds takes it over: it is open from then on. */
function takenFromBot(row: ConversationRow, assigneeId: string | null): Partial<ConversationRow> {
  return row.status === 'bot' && assigneeId !== null ? { status: 'open' } : {};
}

export async function transferConversation(
  ctx: MutationContext,
  args: MutationArgs<'conversation.transfer'>,
): Promise<MutationOutcome> {
  const row = await loadActionableConversation(ctx, args.conversationId);
  assertFresh(ctx, row, args.baseVersion);
  const team = await getTeam(ctx.trx, args.teamId);
  if (!team) throw new MutationRejected('not_found', `team ${args.teamId} does not exist`);
  const assignee = await resolveAssignee(ctx, args.assigneeId);
  const to = assignee ? ` (${assignee.name})` : '';
  const line: SystemLine = {
    text: `${ctx.actor.name} transferred the conversation to ${team.name} / ${team.name_en}${to}`,
    detail: { kind: 'transferred', by: ctx.actor.name, teamId: team.id, to: assignee?.name ?? null },
  };
  return writeConversation(
    ctx,
    row,
    { team_id: team.id, assignee_id: args.assigneeId, ...takenFromBot(row, args.assigneeId) },
    'conversation.transferred',
    row.team_id === team.id && row.assignee_id === args.assigneeId ? null : line,
  );
}

export async function setConversationStatus(
  ctx: MutationContext,
  args: MutationArgs<'conversation.setStatus'>,
): Promise<MutationOutcome> {
  const row = await loadActionableConversation(ctx, args.conversationId);
  assertFresh(ctx, row, args.baseVersion);
  // Nobody waits on a resolved conversation; a customer message reopens it and restarts the wait.
  const waiting = args.status === 'resolved' ? { waiting_since: null } : {};
  return writeConversation(
    ctx,
    row,
    { status: args.status, ...waiting },
    'conversation.status_changed',
    null,
  );
}

export async function setConversationPriority(
  ctx: MutationContext,
  args: MutationArgs<'conversation.setPriority'>,
): Promise<MutationOutcome> {
  const row = await loadActionableConversation(ctx, args.conversationId);
  assertFresh(ctx, row, args.baseVersion);
  return writeConversation(ctx, row, { priority: args.priority }, 'conversation.priority_changed', null);
}
