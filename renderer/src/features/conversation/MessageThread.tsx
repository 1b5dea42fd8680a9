import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../../shared/contracts/rpc';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';
import { useLanguage } from '../common/useLanguage';
import { MessageBubble } from './MessageBubble';
import './thread.css';

/**
 * How many of the newest messages a thread renders when it opens, and how many more each step
 * back in history adds. Rendering all 500 bubbles of a long conversation before the first paint
 * took seconds; the agent reads from the bottom, so older ones are added when scrolled towards.
 */
export const THREAD_FIRST_RENDER = 30;
const THREAD_STEP = 80;
/** Distance from the top (px) at which the next older step is added while scrolling up. */
const LOAD_EARLIER_AT_PX = 300;

/**
 * The thread, oldest first; it follows new messages to the bottom. Mount it with a key per
 * conversation so a new conversation starts from its newest messages again.
 */
export function MessageThread({ messages }: { messages: MessageView[] }): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useLanguage();
  const retry = useAppStore((s) => s.retryMessage);
  const discard = useAppStore((s) => s.discardMessage);
  const onRetry = useCallback((id: string) => void retry(id), [retry]);
  const onDiscard = useCallback((id: string) => void discard(id), [discard]);
  const ref = useRef<HTMLDivElement>(null);
  // Older messages not rendered yet; messages arriving at the bottom are always rendered.
  const [hidden, setHidden] = useState(() => Math.max(0, messages.length - THREAD_FIRST_RENDER));
  const keepFromBottom = useRef<number | null>(null);
  const lastId = messages[messages.length - 1]?.id;
  const start = Math.min(hidden, messages.length);

  // Before paint: as a passive effect the first frame showed the thread scrolled to its oldest
  // rendered message and a second layout and frame were needed to jump to the newest.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId]);

  // Prepending older bubbles must not move what the agent is looking at.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || keepFromBottom.current === null) return;
    el.scrollTop = el.scrollHeight - keepFromBottom.current;
    keepFromBottom.current = null;
  }, [start]);

  const showEarlier = useCallback(() => {
    const el = ref.current;
    if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
    setHidden((current) => Math.max(0, current - THREAD_STEP));
  }, []);

  return (
    <div
      ref={ref}
      className="thread"
      role="log"
      aria-label={t('conversation.threadLabel')}
      tabIndex={0}
      data-testid="message-thread"
      data-hidden-earlier={start}
      onScroll={(event) => {
        if (
          start > 0 &&
          event.currentTarget.scrollTop < LOAD_EARLIER_AT_PX &&
          keepFromBottom.current === null
        )
          showEarlier();
      }}
    >
      {messages.length === 0 && <p className="muted thread-empty">{t('conversation.emptyThread')}</p>}
      {start > 0 && (
        <button
          type="button"
          className="btn btn-small thread-earlier"
          data-testid="thread-show-earlier"
          onClick={showEarlier}
        >
          {t('thread.showEarlier', { count: Math.min(start, THREAD_STEP) })}
        </button>
      )}
      {messages.slice(start).map((message) => (
        <MessageBubble
          key={message.id}
          message={message}
          now={now}
          language={language}
          onRetry={onRetry}
          onDiscard={onDiscard}
        />
      ))}
    </div>
  );
}
