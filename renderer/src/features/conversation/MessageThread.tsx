import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../../shared/contracts/rpc';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';
import { useLanguage } from '../common/useLanguage';
import { MessageBubble } from './MessageBubble';

/** The thread, oldest first; it follows new messages to the bottom. */
export function MessageThread({ messages }: { messages: MessageView[] }): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useLanguage();
  const retry = useAppStore((s) => s.retryMessage);
  const discard = useAppStore((s) => s.discardMessage);
  const ref = useRef<HTMLDivElement>(null);
  const lastId = messages[messages.length - 1]?.id;

  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId]);

  return (
    <div ref={ref} className="thread" role="log" aria-label={t('conversation.threadLabel')} tabIndex={0} data-testid="message-thread">
      {messages.length === 0 && <p className="muted thread-empty">{t('conversation.emptyThread')}</p>}
      {messages.map((message) => (
        <MessageBubble
          key={message.id}
          message={message}
          now={now}
          language={language}
          onRetry={(id) => void retry(id)}
          onDiscard={(id) => void discard(id)}
        />
      ))}
    </div>
  );
}
