import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/domain/model';
import { MAX_MESSAGE_CHARS, MAX_SUBJECT_CHARS } from '../../../../shared/domain/limits';
import { errorMessage } from '../../api/client';
import { smsLength } from '../../lib/sms';
import { useAppStore } from '../../store';
import { CannedMenu, DraftPreview, PromptDialog, SuggestionsRow } from '../canned/ComposerCanned';
import { useCannedComposer } from '../canned/useCannedComposer';
import { StaleDraftWarning } from '../collision/StaleDraftWarning';
import { useCollisionReporting } from '../collision/useCollisionReporting';
import { useStaleDraftGuard } from '../collision/useStaleDraftGuard';
import { isComposingKey } from '../common/ime';
import { useUnsentDraftReport } from './useUnsentDraftReport';

type Mode = 'text' | 'note';

function replySubject(subject: string | null): string {
  if (!subject) return '';
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** Reply / internal-note composer. Mounted per conversation (keyed), so drafts never leak across. */
export function Composer({ conversation }: { conversation: Conversation }): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const reply = useAppStore((s) => s.reply);
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [subject, setSubject] = useState(() => replySubject(conversation.subject));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedComposer({ conversation, text, setText, subject, setSubject, textarea });
  const agentName = useAppStore((s) => s.session?.agent.name ?? '');
  const teamName = useAppStore((s) => (s.detail?.conversation.id === conversation.id ? s.detail.teamName : ''));
  const [withSignature, setWithSignature] = useState(true);
  const presence = useCollisionReporting(conversation.id);
  const staleGuard = useStaleDraftGuard(conversation.id, text);
  useUnsentDraftReport(text);

  const isEmail = conversation.channel === 'email' && mode === 'text';
  const signature = isEmail && withSignature && agentName ? `\n\n--\n${agentName}${teamName ? `\n${teamName}` : ''}` : '';
  // What is sent: the draft with its variables filled (canned responses), plus the email signature.
  const outgoing = (canned.rendered.trim() + signature).trim();
  const sms = conversation.channel === 'sms' && mode === 'text' ? smsLength(outgoing) : null;
  const canSend = text.trim().length > 0 && canned.unresolved.length === 0 && !busy;

  // `anyway`: the agent saw the stale-draft warning and chose to send.
  const send = async (anyway = false) => {
    if (!canSend) return;
    if (mode === 'text' && !anyway && staleGuard.holdBack()) return;
    staleGuard.dismiss();
    setBusy(true);
    setError(null);
    try {
      await reply({ kind: mode, text: outgoing, ...(isEmail && subject.trim() ? { subject: subject.trim() } : {}) });
      setText('');
    } catch (failure) {
      setError(t('composer.sendFailed', { message: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={`composer composer-${mode}`}
      aria-label={t('composer.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-tabs" role="tablist" aria-label={t('composer.modes')}>
        <button type="button" role="tab" aria-selected={mode === 'text'} className="composer-tab" data-testid="composer-mode-reply" onClick={() => setMode('text')}>
          {t('composer.reply')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'note'} className="composer-tab tab-note" data-testid="composer-mode-note" onClick={() => setMode('note')}>
          {t('composer.note')}
        </button>
        {mode === 'note' && <span className="composer-note-banner">{t('composer.noteBanner')}</span>}
      </div>
      <SuggestionsRow canned={canned} />
      <CannedMenu canned={canned} menuId={`${id}-canned`} />
      <PromptDialog canned={canned} />
      {isEmail && (
        <label className="composer-subject">
          <span>{t('composer.subject')}</span>
          <input value={subject} maxLength={MAX_SUBJECT_CHARS} onChange={(e) => setSubject(e.target.value)} data-testid="composer-subject" />
        </label>
      )}
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {t('composer.inputLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textarea}
        role="combobox"
        aria-expanded={canned.slash !== null && canned.items.length > 0}
        aria-controls={canned.slash && canned.items.length > 0 ? `${id}-canned` : undefined}
        aria-autocomplete="list"
        aria-activedescendant={canned.slash && canned.items.length > 0 ? `${id}-canned-${canned.active}` : undefined}
        className="composer-input"
        rows={3}
        maxLength={MAX_MESSAGE_CHARS}
        value={text}
        placeholder={mode === 'note' ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
        data-testid="composer-input"
        aria-describedby={`${id}-hint`}
        onChange={canned.onTextChange}
        onInput={presence.onInput}
        onKeyDown={(e) => {
          if (isComposingKey(e) || canned.onKeyDown(e)) return;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          } else if (e.key === 'Escape') {
            e.currentTarget.blur();
          }
        }}
      />
      <DraftPreview canned={canned} signature={signature} />
      {staleGuard.warning && (
        <StaleDraftWarning
          stale={staleGuard.warning}
          onReview={() => {
            staleGuard.review();
            textarea.current?.focus();
          }}
          onSendAnyway={() => void send(true)}
        />
      )}
      <div className="composer-footer">
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
        <span id={`${id}-hint`} className="muted small">
          {t('composer.sendHint')}
        </span>
        {sms && (
          <span className={`muted small sms-counter${sms.segments > 1 ? ' is-multi' : ''}`} data-testid="sms-counter" aria-live="polite">
            {t('composer.smsCounter', { units: sms.units, limit: sms.singleLimit, segments: sms.segments })}
          </span>
        )}
        {isEmail && (
          <label className="muted small">
            <input type="checkbox" checked={withSignature} onChange={(e) => setWithSignature(e.target.checked)} data-testid="composer-signature" />{' '}
            {t('canned.signature')}
          </label>
        )}
        <span className="row-spacer" />
        <button type="submit" className={`btn ${mode === 'note' ? 'btn-note' : 'btn-primary'}`} disabled={!canSend} data-testid="composer-send">
          {mode === 'note' ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
