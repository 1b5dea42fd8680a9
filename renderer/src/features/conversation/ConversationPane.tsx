import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { Composer } from './Composer';
import { ContactPanel } from './ContactPanel';
import { ConversationHeader } from './ConversationHeader';
import { MessageThread } from './MessageThread';

/** Centre and right columns: the open conversation and its customer, or a placeholder. */
export function ConversationPane(): React.JSX.Element {
  const { t } = useTranslation();
  const { openId, detail, status, error, reload } = useAppStore(
    useShallow((s) => ({ openId: s.openId, detail: s.detail, status: s.detailStatus, error: s.detailError, reload: s.reloadConversation })),
  );

  if (!openId) {
    return (
      <section className="conversation-pane pane-state" aria-label={t('conversation.noneSelected')}>
        <svg viewBox="0 0 24 24" width="48" height="48" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.2">
          <path d="M4 5h16v11H9l-5 4z" />
        </svg>
        <p className="pane-state-title">{t('conversation.noneSelected')}</p>
        <p className="muted">{t('conversation.noneSelectedHint')}</p>
      </section>
    );
  }
  if (!detail) {
    return (
      <section className="conversation-pane pane-state" aria-busy={status === 'loading'}>
        {status === 'loading' && <p role="status">{t('conversation.loading')}</p>}
        {status === 'notFound' && <p role="alert">{t('conversation.notFound')}</p>}
        {status === 'error' && (
          <div role="alert">
            <p>{t('conversation.error', { message: error ?? '' })}</p>
            <button type="button" className="btn" onClick={() => void reload()}>
              {t('conversation.retry')}
            </button>
          </div>
        )}
      </section>
    );
  }
  return (
    <>
      <section
        className="conversation-pane conversation-view"
        aria-label={detail.contact.name}
        data-testid="conversation-view"
        data-conversation-id={detail.conversation.id}
        data-status={detail.conversation.status}
      >
        <ConversationHeader detail={detail} />
        {/* Siblings need distinct keys: with one key for both, React kept the previous thread mounted. */}
        <MessageThread key={`thread:${detail.conversation.id}`} messages={detail.messages} />
        <Composer key={`composer:${detail.conversation.id}`} conversation={detail.conversation} />
      </section>
      <ContactPanel detail={detail} />
    </>
  );
}
