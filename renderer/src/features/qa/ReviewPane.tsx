/**
 * One review: the transcript (comments anchored to single messages, auto-QA hits above it and on
 * the messages that fired them) beside the scorecard with its live total, the summary and the submit. Keyboard-driven: ↑/↓ category, digits rate,
 * N not applicable, Ctrl+Enter submit, [ / ] previous / next conversation. The draft is saved on
 * this computer as it changes, so a review survives a restart or a day offline.
 */
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RpcOutput } from '../../../../shared/contracts/rpc';
import type { Message } from '../../../../shared/domain/model';
import { autoQaHitKey } from '../../../../shared/qa';
import { formatTimestamp } from '../../lib/time';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';
import { ChannelIcon } from '../common/ChannelIcon';
import { SystemEvent } from '../insight/SystemEvent';
import { AutoQaHits, flaggedCategories } from './AutoQaHits';
import { CallLines, ReviewFacts } from './ReviewFacts';
import { ratingForKey, ScorecardPanel } from './ScorecardPanel';
import { useReviewDraft, type ReviewDraftState } from './useReviewDraft';
import { isComposingKey } from '../common/ime';

type Detail = RpcOutput<'qa.assignment'>;

interface Props {
  detail: Detail;
  onNavigate(step: -1 | 1): void;
}

const SAMPLE_REASONS = new Set([
  'random',
  'replacement',
  'sla_breached',
  'negative_end',
  'reopened',
  'long_handle',
  'vip',
  'channel',
  'csat_low',
  'auto_qa_flag',
]);

/** An assignment's reason as the reviewer reads it: sampling's `sample:<why>` codes in their language. */
function reasonText(reason: string, t: TFunction): string {
  const why = reason.startsWith('sample:') ? reason.slice('sample:'.length) : null;
  return why && SAMPLE_REASONS.has(why) ? t(`qa.sample.${why}`) : reason;
}

const typing = (target: EventTarget) =>
  target instanceof HTMLElement && ['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName);

export function ReviewPane({ detail, onNavigate }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const submit = useAppStore((s) => s.qa.submit);
  const skip = useAppStore((s) => s.qa.skip);
  const { row, transcript, scorecard, review } = detail;
  const readOnly = row.status !== 'open';
  const state = useReviewDraft(row.assignment.id, scorecard, review ? { ...review.review } : detail.draft);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipping, setSkipping] = useState<string | null>(null);
  const [replace, setReplace] = useState(true);
  const sampled = row.assignment.source === 'sample';
  const root = useRef<HTMLElement>(null);
  useEffect(() => root.current?.focus(), [row.assignment.id]);

  const send = async () => {
    if (!state.draft || readOnly || busy) return;
    setBusy(true);
    setError(null);
    try {
      await submit(row.assignment.id, state.draft);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (isComposingKey(event)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
      return;
    }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const categories = scorecard?.categories ?? [];
    if (event.key === '[' || event.key === ']') {
      event.preventDefault();
      onNavigate(event.key === '[' ? -1 : 1);
    } else if (event.key === 'p' || event.key === 'P') {
      // The call's recording: load it, then play and pause it, without leaving the scorecard.
      const pane = event.currentTarget as HTMLElement;
      const audio = pane.querySelector<HTMLAudioElement>('audio.qa-recording-audio');
      const load = pane.querySelector<HTMLButtonElement>('button.qa-recording-play');
      if (!audio && !load) return;
      event.preventDefault();
      if (audio) void (audio.paused ? audio.play().catch(() => undefined) : audio.pause());
      else load?.click();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.min(Math.max(index + step, 0), Math.max(categories.length - 1, 0)));
    } else if (!readOnly && categories[active]) {
      const rating = ratingForKey(categories[active], event.key);
      if (rating === null) return;
      event.preventDefault();
      state.rate(categories[active].id, rating);
      if (active < categories.length - 1) setActive(active + 1);
    }
  };

  const now = useNow();
  const autoQa = transcript?.autoQa;
  const overruled = new Set(state.draft?.overruledHits ?? []);
  const hitsByMessage = new Map<string, string[]>();
  for (const hit of autoQa?.hits ?? []) {
    if (!hit.messageId || overruled.has(autoQaHitKey(hit))) continue;
    hitsByMessage.set(hit.messageId, [...(hitsByMessage.get(hit.messageId) ?? []), hit.ruleName[language]]);
  }
  const contact = transcript?.contact?.name ?? row.contactName ?? t('qa.list.unknownContact');
  return (
    <section
      className="qa-pane"
      ref={root}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-label={contact}
      data-testid="qa-pane"
    >
      <div className="qa-transcript">
        <header className="qa-pane-header">
          {transcript && <ChannelIcon channel={transcript.conversation.channel} />}
          <h2>{contact}</h2>
          <span className="qa-muted">
            {row.agentName ? t('qa.list.agent', { name: row.agentName }) : t('qa.list.noAgent')}
          </span>
          {row.assignment.source === 'calibration' ? (
            <span className="qa-reason" data-testid="qa-calibration-reason">
              {t('qa.calibration.assignment')}
            </span>
          ) : (
            row.assignment.reason && (
              <span className="qa-reason">{t('qa.pane.reason', { reason: reasonText(row.assignment.reason, t) })}</span>
            )
          )}
        </header>
        <ReviewFacts transcript={transcript} />
        <AutoQaHits result={autoQa} overruled={overruled} readOnly={readOnly} onToggle={state.toggleOverrule} />
        {transcript?.truncated && <p className="qa-muted">{t('qa.pane.truncated')}</p>}
        <ol className="qa-messages" aria-label={t('qa.pane.transcript')}>
          {(transcript?.messages ?? []).map((message) => (
            <TranscriptMessage
              key={message.id}
              message={message}
              when={formatTimestamp(message.createdAt, now, language)}
              state={state}
              readOnly={readOnly}
              flags={hitsByMessage.get(message.id) ?? []}
            />
          ))}
        </ol>
      </div>
      <aside className="qa-card" aria-label={t('qa.card.label')}>
        {!scorecard || !state.draft ? (
          <p className="qa-empty">{t('qa.card.none')}</p>
        ) : (
          <>
            <div className="qa-total" data-testid="qa-total">
              <span className="qa-total-label">{t('qa.card.total')}</span>
              <strong
                className={state.score?.passed === false ? 'is-fail' : state.score?.passed ? 'is-pass' : ''}
              >
                {state.score?.score === null || state.score === null
                  ? t('qa.card.noScore')
                  : Math.round(state.score.score * 10) / 10}
              </strong>
              {state.score?.passed !== null && state.score && (
                <span className={`qa-verdict ${state.score.passed ? 'is-pass' : 'is-fail'}`}>
                  {t(state.score.passed ? 'qa.card.pass' : 'qa.card.fail', {
                    threshold: scorecard.passThreshold,
                  })}
                </span>
              )}
              <span className="qa-muted">
                {scorecard.name} · {t('qa.card.version', { version: scorecard.version })}
              </span>
            </div>
            {state.score?.criticalFailed && <p className="qa-warning">{t('qa.card.criticalFailed')}</p>}
            <ScorecardPanel
              card={scorecard}
              state={state}
              active={active}
              onActivate={setActive}
              readOnly={readOnly}
              flags={flaggedCategories(autoQa, overruled, language)}
            />
            <label className="qa-summary">
              <span>{t('qa.card.summary')}</span>
              <textarea
                value={state.draft.summary}
                maxLength={2000}
                rows={3}
                disabled={readOnly}
                onChange={(event) => state.setSummary(event.target.value)}
              />
            </label>
            {error && (
              <p className="qa-error" role="alert">
                {error}
              </p>
            )}
            <footer className="qa-actions">
              {readOnly ? (
                <span className="qa-muted" data-testid="qa-submitted">
                  {review?.pending
                    ? t('qa.card.submittedPending')
                    : review
                      ? t('qa.card.submitted', {
                          when: formatTimestamp(review.review.submittedAt, now, language),
                        })
                      : t(`qa.filter.${row.status}`)}
                </span>
              ) : skipping === null ? (
                <>
                  <span className="qa-muted">
                    {state.score && state.score.unrated.length > 0
                      ? t('qa.card.unrated', { count: state.score.unrated.length })
                      : state.savedAt
                        ? t('qa.card.saved')
                        : ''}
                  </span>
                  <button type="button" className="btn" onClick={() => setSkipping('')}>
                    {t('qa.card.skip')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={busy}
                    onClick={() => void send()}
                    data-testid="qa-submit"
                  >
                    {busy ? t('qa.card.submitting') : t('qa.card.submit')}
                  </button>
                </>
              ) : (
                <form
                  className="qa-skip"
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (skipping.trim())
                      void skip(row.assignment.id, skipping.trim(), sampled && replace).catch((e: Error) => setError(e.message));
                  }}
                >
                  <input
                    autoFocus
                    aria-label={t('qa.card.skipReason')}
                    placeholder={t('qa.card.skipReason')}
                    value={skipping}
                    maxLength={500}
                    onChange={(event) => setSkipping(event.target.value)}
                  />
                  {sampled && (
                    <label className="qa-skip-replace">
                      <input
                        type="checkbox"
                        checked={replace}
                        onChange={(event) => setReplace(event.target.checked)}
                        data-testid="qa-skip-replace"
                      />
                      {t('qa.card.skipReplace')}
                    </label>
                  )}
                  <button type="button" className="btn" onClick={() => setSkipping(null)}>
                    {t('qa.card.cancel')}
                  </button>
                  <button type="submit" className="btn btn-primary" disabled={!skipping.trim()}>
                    {t('qa.card.skipConfirm')}
                  </button>
                </form>
              )}
            </footer>
          </>
        )}
      </aside>
    </section>
  );
}

function TranscriptMessage({
  message,
  when,
  state,
  readOnly,
  flags,
}: {
  message: Message;
  when: string;
  state: ReviewDraftState;
  readOnly: boolean;
  /** Names of the auto-QA rules this message fired (not overruled). */
  flags: readonly string[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const [writing, setWriting] = useState<string | null>(null);
  const comments = state.draft?.comments.filter((comment) => comment.messageId === message.id) ?? [];
  const backToCard = (element: HTMLElement) => element.closest<HTMLElement>('.qa-pane')?.focus();
  if (message.kind === 'system' || message.authorType === 'system')
    return (
      <li className="qa-message is-system" data-testid="qa-message" data-message-id={message.id}>
        {message.detail ? <SystemEvent detail={message.detail} /> : message.text}{' '}
        <time dateTime={message.createdAt}>{when}</time>
      </li>
    );
  const who =
    message.kind === 'note'
      ? t('qa.pane.note')
      : message.authorType === 'bot'
        ? t('qa.pane.bot')
        : message.direction === 'in'
          ? t('qa.pane.customer')
          : t('qa.pane.agentFallback');
  const side =
    message.kind === 'note'
      ? 'note'
      : message.authorType === 'bot'
        ? 'bot'
        : message.direction === 'in'
          ? 'customer'
          : 'agent';
  return (
    <li
      className={`qa-message is-${side}${flags.length > 0 ? ' has-auto-hit' : ''}`}
      data-testid="qa-message"
      data-message-id={message.id}
    >
      <div className="qa-message-meta">
        <span>{who}</span>
        <time dateTime={message.createdAt}>{when}</time>
        {flags.map((name) => (
          <span key={name} className="qa-auto-flag" data-testid="qa-message-flag">
            {name}
          </span>
        ))}
        {!readOnly && writing === null && (
          <button
            type="button"
            className="qa-link"
            onClick={() => setWriting('')}
            data-testid="qa-comment-open"
          >
            {t('qa.pane.comment')}
          </button>
        )}
      </div>
      <p className="qa-message-text">{message.text}</p>
      {message.call && <CallLines call={message.call} messageId={message.id} />}
      {comments.map((comment) => (
        <div key={comment.id} className="qa-comment" data-testid="qa-comment">
          <span>{comment.body}</span>
          {!readOnly && (
            <button
              type="button"
              className="qa-link"
              aria-label={t('qa.pane.removeComment')}
              onClick={() => state.removeComment(comment.id)}
            >
              ×
            </button>
          )}
        </div>
      ))}
      {writing !== null && (
        <form
          className="qa-comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!writing.trim()) return;
            state.addComment(message.id, writing.trim());
            setWriting(null);
            backToCard(event.currentTarget);
          }}
        >
          <input
            autoFocus
            value={writing}
            maxLength={2000}
            placeholder={t('qa.pane.commentPlaceholder')}
            aria-label={t('qa.pane.commentPlaceholder')}
            onChange={(event) => setWriting(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.stopPropagation();
              backToCard(event.currentTarget);
              setWriting(null);
            }}
            data-testid="qa-comment-input"
          />
          <button type="submit" className="btn btn-primary">
            {t('qa.pane.addComment')}
          </button>
        </form>
      )}
    </li>
  );
}
