/**
 * Shown instead of sending when the conversation moved on since the draft began: the new messages
 * in brief, "Review" (keep the draft and read them first; the default) or "Send anyway".
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaleMessage } from './staleDraft';
import './collision.css';

const MAX_LISTED = 3;
const SNIPPET_CHARS = 140;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS - 1)}…` : flat;
}

export function StaleDraftWarning({
  stale,
  onReview,
  onSendAnyway,
}: {
  stale: StaleMessage[];
  onReview(): void;
  onSendAnyway(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const listed = stale.slice(-MAX_LISTED);
  const who = (message: StaleMessage) =>
    message.kind === 'bot'
      ? t('collision.stale.bot')
      : t(message.kind === 'customer' ? 'collision.stale.customer' : 'collision.stale.agent', { name: message.author });
  return (
    <div
      className="stale-draft"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint`}
      data-testid="stale-draft-warning"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onReview();
        }
      }}
    >
      <p id={`${id}-title`} className="stale-draft-title">
        {t('collision.stale.title', { count: stale.length })}
      </p>
      <ul className="stale-draft-list">
        {listed.map((message) => (
          <li key={message.id} data-kind={message.kind} data-testid="stale-draft-message">
            <span className="stale-draft-who">{who(message)}</span>
            <span className="stale-draft-text">{snippet(message.text)}</span>
          </li>
        ))}
      </ul>
      {stale.length > listed.length && <p className="muted small">{t('collision.stale.earlier', { count: stale.length - listed.length })}</p>}
      <div className="stale-draft-actions">
        <span id={`${id}-hint`} className="muted small">
          {t('collision.stale.hint')}
        </span>
        <span className="row-spacer" />
        {/* Review is the safe default: Enter keeps the draft. */}
        <button type="button" className="btn" autoFocus onClick={onReview} data-testid="stale-draft-review">
          {t('collision.stale.review')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onSendAnyway} data-testid="stale-draft-send-anyway">
          {t('collision.stale.sendAnyway')}
        </button>
      </div>
    </div>
  );
}
