/**
 * The open conversation (detail as the core returns it) and the directory used by Transfer.
 * Every action calls the core and lets `data.changed` bring the result back; nothing here edits
 * the detail optimistically (the core already did, in its own cache).
 */
import type { ConversationDetail, Directory } from '../../../shared/contracts/rpc';
import type { Priority } from '../../../shared/domain/model';
import type { SentimentLabelName } from '../../../shared/nlu/insight';
import type { IssueType } from '../../../shared/nlu/labels';
import { errorMessage, getApi } from '../api/client';
import type { SliceCreator } from './types';

export type DetailStatus = 'idle' | 'loading' | 'ready' | 'notFound' | 'error';

export interface ConversationSlice {
  openId: string | null;
  detail: ConversationDetail | null;
  detailStatus: DetailStatus;
  detailError: string | null;
  directory: Directory | null;

  openConversation(conversationId: string): void;
  closeConversation(): void;
  /** Re-reads the open conversation; `quiet` keeps the current detail on screen meanwhile. */
  reloadConversation(quiet?: boolean): Promise<void>;
  loadDirectory(): Promise<void>;
  /** Rejects with the facade error so the composer can keep the text and show why. */
  reply(input: { kind: 'text' | 'note'; text: string; subject?: string }): Promise<void>;
  assignToMe(): Promise<void>;
  transfer(teamId: string, assigneeId: string | null): Promise<void>;
  setStatus(status: 'open' | 'pending' | 'resolved'): Promise<void>;
  setPriority(priority: Priority): Promise<void>;
  retryMessage(messageId: string): Promise<void>;
  discardMessage(messageId: string): Promise<void>;
  /** Relabel a customer message's issue type or sentiment (needs the server; sync brings it back). */
  correctInsight(messageId: string, correction: { issueType?: IssueType; sentiment?: SentimentLabelName }): Promise<void>;
}

export const createConversationSlice: SliceCreator<ConversationSlice> = (set, get) => {
  /** Runs a mutation; a failure becomes a toast, since the user is looking at the conversation. */
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      get().pushToast({ key: 'conversation.actionFailed', params: { message: errorMessage(error) }, tone: 'error', conversationId: get().openId });
    }
  };
  const openIdOrThrow = () => {
    const id = get().openId;
    if (!id) throw new Error('No conversation is open.');
    return id;
  };

  return {
    openId: null,
    detail: null,
    detailStatus: 'idle',
    detailError: null,
    directory: null,

    openConversation(conversationId) {
      if (get().openId !== conversationId) {
        set({ openId: conversationId, detail: null, detailStatus: 'loading', detailError: null });
      }
      void get().reloadConversation(get().detail !== null);
      void getApi()
        .conversation.markRead({ conversationId })
        .catch(() => undefined); // unread dots are cosmetic: a failed markRead is retried on next open
    },

    closeConversation() {
      set({ openId: null, detail: null, detailStatus: 'idle', detailError: null });
    },

    async reloadConversation(quiet = false) {
      const conversationId = get().openId;
      if (!conversationId) return;
      if (!quiet) set({ detailStatus: 'loading', detailError: null });
      try {
        const detail = await getApi().conversation.get({ conversationId });
        if (get().openId !== conversationId) return;
        set(detail ? { detail, detailStatus: 'ready', detailError: null } : { detail: null, detailStatus: 'notFound' });
      } catch (error) {
        if (get().openId !== conversationId) return;
        // Keep showing what we had if this was a background refresh.
        if (quiet && get().detail) return;
        set({ detailStatus: 'error', detailError: errorMessage(error) });
      }
    },

    async loadDirectory() {
      try {
        set({ directory: await getApi().directory.get({}) });
      } catch {
        // Transfer shows a loading state and retries when opened.
      }
    },

    async reply({ kind, text, subject }) {
      const conversationId = openIdOrThrow();
      await getApi().conversation.reply({ conversationId, kind, text, ...(subject ? { subject } : {}) });
    },

    assignToMe: () =>
      act(async () => {
        const agentId = get().session?.agent.id;
        if (!agentId) throw new Error('Not signed in.');
        await getApi().conversation.assign({ conversationId: openIdOrThrow(), assigneeId: agentId });
      }),
    transfer: (teamId, assigneeId) =>
      act(() => getApi().conversation.transfer({ conversationId: openIdOrThrow(), teamId, assigneeId })),
    setStatus: (status) => act(() => getApi().conversation.setStatus({ conversationId: openIdOrThrow(), status })),
    setPriority: (priority) => act(() => getApi().conversation.setPriority({ conversationId: openIdOrThrow(), priority })),
    retryMessage: (messageId) => act(() => getApi().message.retry({ messageId })),
    discardMessage: (messageId) => act(() => getApi().message.discard({ messageId })),
    correctInsight: (messageId, correction) =>
      act(async () => {
        await getApi().insight.correct({ messageId, ...correction });
        await get().reloadConversation(true);
      }),
  };
};
