/**
 * conversation.* and message.*: reads from the cache; every write goes through the outbox
 * (optimistic, durable before the network) and then nudges the sync client to send.
 */
import { randomUUID } from 'node:crypto';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Conversation } from '../../../shared/domain/model';
import { canActOnConversation } from '../../../shared/domain/visibility';
import { getConversation, isConversationUnread, markConversationRead } from '../db/queries/conversations';
import { getAgent, getContact, listTeams } from '../db/queries/directory';
import { contactConversations } from '../db/queries/inbox';
import { listThread } from '../db/queries/messages';
import {
  discardMessage,
  queueConversationMutation,
  queueMessageSend,
  retryMessage,
  type ConversationMutationInput,
  type ConversationMutationName,
} from '../sync/outbox';
import { slaClockFor } from '../sync/sla';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

const PAST_CONVERSATIONS = 20;
const OK = { ok: true as const };

type Methods =
  | 'conversation.get'
  | 'conversation.markRead'
  | 'conversation.reply'
  | 'conversation.assign'
  | 'conversation.transfer'
  | 'conversation.setStatus'
  | 'conversation.setPriority'
  | 'message.retry'
  | 'message.discard';

export function conversationHandlers(ctx: CoreContext): HandlersOf<Methods> {
  const actionable = (conversationId: string): Conversation => {
    const viewer = ctx.viewer();
    const conversation = getConversation(ctx.db, conversationId);
    if (!conversation) throw new SwitchboardError('not_found', 'Conversation not found.');
    if (!canActOnConversation(viewer, conversation)) {
      throw new SwitchboardError('forbidden', 'You cannot change this conversation.');
    }
    return conversation;
  };

  const written = (conversationId: string) => {
    ctx.announce({ conversationIds: [conversationId], inbox: true, directory: false, onlyListed: true });
    const sync = ctx.sync();
    sync?.emitStatus();
    void sync?.drain();
  };

  const mutate = async <N extends ConversationMutationName>(name: N, input: ConversationMutationInput<N>) => {
    actionable(input.conversationId);
    queueConversationMutation(ctx.db, name, input);
    written(input.conversationId);
    return OK;
  };

  return {
    'conversation.get': async ({ conversationId }) => {
      ctx.viewer();
      const conversation = getConversation(ctx.db, conversationId);
      if (!conversation) return null;
      const contact = getContact(ctx.db, conversation.contactId) ?? {
        id: conversation.contactId,
        name: '',
        email: null,
        phone: null,
        tier: 'standard' as const,
        identities: [],
        createdAt: conversation.createdAt,
      };
      return {
        conversation,
        contact,
        teamName: listTeams(ctx.db).find((team) => team.id === conversation.teamId)?.name ?? '',
        assigneeName: conversation.assigneeId
          ? (getAgent(ctx.db, conversation.assigneeId)?.name ?? null)
          : null,
        messages: listThread(ctx.db, conversationId),
        pastConversations: contactConversations(
          ctx.db,
          conversation.contactId,
          conversationId,
          PAST_CONVERSATIONS,
        ),
        sla: slaClockFor(ctx.db, conversationId),
      };
    },

    'conversation.markRead': async ({ conversationId }) => {
      ctx.viewer();
      const wasUnread = isConversationUnread(ctx.db, conversationId);
      if (wasUnread === null || !markConversationRead(ctx.db, conversationId, new Date().toISOString())) {
        throw new SwitchboardError('not_found', 'Conversation not found.');
      }
      // Every open marks read; only a row whose unread dot goes out changes what a window shows.
      // Announcing the others made each re-open reload the inbox page and the open conversation.
      if (wasUnread)
        ctx.announce({ conversationIds: [conversationId], inbox: true, directory: false, onlyListed: true });
      return OK;
    },

    'conversation.reply': async ({ conversationId, kind, text, subject }) => {
      const author = ctx.viewer();
      actionable(conversationId);
      const messageId = randomUUID();
      queueMessageSend(
        ctx.db,
        { conversationId, messageId, kind, text, ...(subject !== undefined ? { subject } : {}) },
        author,
      );
      written(conversationId);
      return { messageId };
    },

    'conversation.assign': async (input) => mutate('conversation.assign', input),
    'conversation.transfer': async (input) => mutate('conversation.transfer', input),
    'conversation.setStatus': async (input) => mutate('conversation.setStatus', input),
    'conversation.setPriority': async (input) => mutate('conversation.setPriority', input),

    'message.retry': async ({ messageId }) => {
      ctx.viewer();
      written(retryMessage(ctx.db, messageId));
      return OK;
    },

    'message.discard': async ({ messageId }) => {
      ctx.viewer();
      const conversationId = discardMessage(ctx.db, messageId);
      ctx.announce({ conversationIds: [conversationId], inbox: true, directory: false, onlyListed: true });
      return OK;
    },
  };
}
