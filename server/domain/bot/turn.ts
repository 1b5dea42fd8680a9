/**
 * One bot decision on one customer message, recorded in one write transaction: either the bot's
 * answer (an outbound message by author type `bot`, delivered through the connector after commit)
 * or the handoff (status `open`, the team chosen by the detected intent — VIP contacts to the VIP
 * team, as routing.ts decides for new conversations — and a system message with the reason, the
 * intent and the confidence). Both name the customer message in `in_reply_to`, whose unique index
 * is the guarantee that a message is decided once, whichever node or retry gets there first.
 */
import { randomUUID } from 'node:crypto';
import type { Channel, ContactTier } from '../../../shared/domain/model';
import type { MessageDetail } from '../../../shared/nlu/insight';
import { messagePreview } from '../../../shared/domain/preview';
import { getContact, getContactRow } from '../../db/queries/contacts';
import { conversationFromRow, getConversationRow, saveConversation, type ConversationRow } from '../../db/queries/conversations';
import { listTeams } from '../../db/queries/directory';
import { hasBotDecision, type PendingCustomerMessage } from '../../db/queries/insight';
import { insertMessage, messageFromRow } from '../../db/queries/messages';
import { commitWithChanges, type DomainContext } from '../context';
import type { BotReply } from '../nlu/bot';
import { chooseTeam, VIP_TEAM, type RoutableTeam } from '../routing';
import { triggerDispatch } from '../routing/scheduler';
import { addressOf, conversationChange, messageChange } from '../snapshots';
import { bumpVersion } from '../versioning';

export type TurnOutcome = 'answered' | 'handed_off' | 'skipped';

type Handoff = Extract<BotReply, { kind: 'handoff' }>;

/**
 * VIP contacts go to the VIP team when there is one; everyone else to the intent's team, or by
 * channel rules when the classifier was unsure of the intent (`intentTeamId` null).
 */
export function handoffTeam(
  teams: readonly RoutableTeam[],
  tier: ContactTier,
  channel: Channel,
  intentTeamId: string | null,
): string | null {
  if (tier === 'vip') {
    const vip = teams.find((team) => team.nameEn.toLowerCase() === VIP_TEAM.toLowerCase());
    if (vip) return vip.id;
  }
  if (intentTeamId && teams.some((team) => team.id === intentTeamId)) return intentTeamId;
  return chooseTeam(teams, channel, tier);
}

const REASON_TEXT: Record<Handoff['reason'], string> = {
  asked_for_human: 'the customer asked for a person',
  low_confidence: 'the bot was not confident enough to answer',
  max_turns: 'the bot reached its turn limit',
};

/**
 * Records the bot's `reply` (computed before, outside the transaction) to `message` for a
 * conversation still with the bot. `laterCustomerAt` is when the next undecided customer message
 * arrived (the customer is still waiting for that one).
 */
export async function decideTurn(
  ctx: DomainContext,
  reply: BotReply,
  conversationId: string,
  message: PendingCustomerMessage,
  laterCustomerAt: string | null,
): Promise<TurnOutcome> {
  const outcome = await commitWithChanges(ctx, async (trx, append) => {
    const row = await getConversationRow(trx, conversationId);
    // Someone took it from the bot (a lead assigned it or changed its status), or another node decided.
    if (!row || row.status !== 'bot' || row.assignee_id !== null) return null;
    if (await hasBotDecision(trx, message.id)) return null;
    const now = ctx.now().toISOString();
    const base = {
      id: randomUUID(),
      conversation_id: row.id,
      channel: row.channel,
      external_id: null,
      direction: 'out',
      subject: null,
      call_json: null,
      created_at: now,
      in_reply_to: message.id,
    };

    if (reply.kind === 'answer') {
      const detail: MessageDetail = { kind: 'bot_answer', intent: reply.intent, confidence: reply.confidence };
      const messageRow = { ...base, kind: 'text', author_type: 'bot', author_id: null, text: reply.answer, detail_json: JSON.stringify(detail) };
      await insertMessage(trx, messageRow);
      const next: ConversationRow = {
        ...row,
        updated_at: now,
        message_count: row.message_count + 1,
        last_message_at: now > row.last_message_at ? now : row.last_message_at,
        last_message_preview: messagePreview(reply.answer),
        last_message_direction: 'out',
        waiting_since: laterCustomerAt,
      };
      await saveConversation(trx, next);
      const conversation = conversationFromRow(next);
      const address = addressOf(conversation);
      const delivered = messageFromRow(messageRow);
      await append([conversationChange('conversation.updated', conversation, address), messageChange(delivered, address)]);
      const contact = await getContact(trx, row.contact_id);
      return { kind: 'answered' as const, deliver: contact ? { message: delivered, conversation, contact } : null };
    }

    const teams = (await listTeams(trx)).map((team) => ({ id: team.id, nameEn: team.name_en }));
    const tier = ((await getContactRow(trx, row.contact_id))?.tier ?? 'standard') as ContactTier;
    const teamId = handoffTeam(teams, tier, row.channel as Channel, reply.team) ?? row.team_id;
    const teamName = teams.find((team) => team.id === teamId)?.nameEn ?? teamId;
    const detail: MessageDetail = {
      kind: 'bot_handoff',
      reason: reply.reason,
      intent: reply.intent,
      intentConfidence: reply.intentConfidence,
      teamId,
      knowledgeIntent: reply.knowledgeIntent,
      confidence: reply.confidence,
    };
    const text = `Handed to ${teamName}: ${REASON_TEXT[reply.reason]}. Detected intent: ${reply.intent} (${Math.round(reply.intentConfidence * 100)}%); best knowledge-base match ${Math.round(reply.confidence * 100)}%`;
    const messageRow = { ...base, kind: 'system', author_type: 'system', author_id: null, text, detail_json: JSON.stringify(detail) };
    await insertMessage(trx, messageRow);
    const next: ConversationRow = {
      ...row,
      ...bumpVersion(row, null),
      status: 'open',
      team_id: teamId,
      updated_at: now,
      message_count: row.message_count + 1,
      waiting_since: row.waiting_since ?? message.createdAt,
    };
    await saveConversation(trx, next);
    const conversation = conversationFromRow(next);
    const address = addressOf(conversation, conversationFromRow(row));
    const type = teamId === row.team_id ? 'conversation.status_changed' : 'conversation.transferred';
    await append([conversationChange(type, conversation, address), messageChange(messageFromRow(messageRow), address)]);
    return { kind: 'handed_off' as const, teamId };
  });

  if (!outcome) return 'skipped';
  if (outcome.kind === 'handed_off') {
    triggerDispatch(ctx, [outcome.teamId]);
    return 'handed_off';
  }
  // After commit, like an agent's reply: a crash between commit and delivery loses the delivery,
  // never the record (the transcript shows the answer; the channel can be asked to resend).
  if (outcome.deliver) await ctx.connector.deliver(outcome.deliver.message, outcome.deliver.conversation, outcome.deliver.contact);
  return 'answered';
}
