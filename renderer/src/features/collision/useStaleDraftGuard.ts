/**
 * Holds a reply back when the conversation moved on since the draft began (staleDraft.ts). The
 * baseline is taken when the draft goes from empty to non-empty (typed, inserted or restored
 * from the cache: each time the agent is looking at the thread) and dropped when it is emptied.
 */
import { useEffect, useRef, useState } from 'react';
import type { MessageView } from '../../../../shared/contracts/rpc';
import { useAppStore } from '../../store';
import { newSinceDraft, seenBaseline, type StaleMessage } from './staleDraft';

const NO_MESSAGES: MessageView[] = [];

export interface StaleDraftGuard {
  /** What holds the reply back right now (shown as a warning), or null. */
  warning: StaleMessage[] | null;
  /** True (and the warning shows) when the reply should not go out yet. */
  holdBack(): boolean;
  /** "Review": the agent will read the news first; they count as seen from now on. */
  review(): void;
  /** "Send anyway" or a successful send: forget the warning. */
  dismiss(): void;
}

export function useStaleDraftGuard(conversationId: string, text: string): StaleDraftGuard {
  const messages = useAppStore((s) => (s.detail?.conversation.id === conversationId ? s.detail.messages : NO_MESSAGES));
  const customerName = useAppStore((s) => (s.detail?.conversation.id === conversationId ? s.detail.contact.name : ''));
  const selfId = useAppStore((s) => s.session?.agent.id ?? '');
  const seen = useRef<Set<string> | null>(null);
  const [warning, setWarning] = useState<StaleMessage[] | null>(null);
  const drafting = text.trim().length > 0;

  useEffect(() => {
    if (!drafting) {
      seen.current = null;
      setWarning(null);
    } else if (!seen.current) seen.current = seenBaseline(messages);
    // Later messages never move the baseline: only the draft starting over does.
  }, [drafting, messages]);

  return {
    warning,
    holdBack() {
      const stale = newSinceDraft(messages, seen.current ?? seenBaseline(messages), selfId, customerName);
      setWarning(stale.length > 0 ? stale : null);
      return stale.length > 0;
    },
    review() {
      const first = warning?.[0]?.id;
      seen.current = seenBaseline(messages);
      setWarning(null);
      // Bring the first new message into view: that is what the agent chose to read.
      if (first) document.querySelector(`[data-message-id="${CSS.escape(first)}"]`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
    dismiss() {
      seen.current = seenBaseline(messages);
      setWarning(null);
    },
  };
}
