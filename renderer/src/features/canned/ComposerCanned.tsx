/** The composer's canned-response pieces: typeahead menu, prompt dialog, suggestions row, preview. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedListItem } from '../../../../shared/contracts/canned';
import type { Segment, Unresolved } from '../../../../shared/canned/variables';
import type { CannedComposer } from './useCannedComposer';
import './canned.css';
import { isComposingKey } from '../common/ime';

const placeholderName = (u: Unresolved) => (u.kind === 'prompt' ? u.label : u.variable);

export function CannedMenu({ canned, menuId }: { canned: CannedComposer; menuId: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!canned.slash) return null;
  return (
    <div className="canned-menu" data-testid="canned-menu">
      {canned.items.length === 0 ? (
        <p className="muted small canned-menu-empty">{t('canned.menuEmpty', { query: canned.slash.query })}</p>
      ) : (
        <ul id={menuId} role="listbox" aria-label={t('canned.menuLabel')}>
          {canned.items.map((item, index) => (
            <li
              key={item.id}
              id={`${menuId}-${index}`}
              role="option"
              aria-selected={index === canned.active}
              className={`canned-option${index === canned.active ? ' is-active' : ''}`}
              data-testid="canned-option"
              onMouseEnter={() => canned.setActive(index)}
              onMouseDown={(event) => {
                event.preventDefault(); // keep the caret in the textarea
                canned.choose(item, canned.slash!);
              }}
            >
              <span className="canned-shortcut">/{item.shortcut}</span>
              <span className="canned-title">{item.title}</span>
              <span className="canned-lang">{item.language}</span>
              <span className="canned-body muted small">{item.body}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small canned-menu-hint">{t('canned.menuHint')}</p>
    </div>
  );
}

export function PromptDialog({ canned }: { canned: CannedComposer }): React.JSX.Element | null {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const pending = canned.pending;

  useEffect(() => {
    const dialog = ref.current;
    if (pending && dialog && !dialog.open) {
      setAnswers({});
      dialog.showModal();
    }
    if (!pending && dialog?.open) dialog.close();
  }, [pending]);

  if (!pending) return null;
  const complete = pending.labels.every((label) => (answers[label] ?? '').trim() !== '');
  return (
    <dialog
      ref={ref}
      className="canned-prompt"
      aria-labelledby={`${id}-title`}
      data-testid="canned-prompt"
      onCancel={(event) => {
        event.preventDefault();
        canned.cancelPending();
      }}
    >
      <div
        onKeyDown={(event) => {
          // Enter in a field inserts once everything is filled; the dialog never closes on its own.
          if (event.key !== 'Enter' || isComposingKey(event)) return;
          event.preventDefault();
          if (complete) canned.answerPending(answers);
        }}
      >
        <h2 id={`${id}-title`}>{t('canned.promptTitle')}</h2>
        <p className="muted small">{pending.response.title}</p>
        {pending.labels.map((label, index) => (
          <label key={label} className="canned-prompt-field">
            <span>{label}</span>
            <input
              autoFocus={index === 0}
              value={answers[label] ?? ''}
              maxLength={500}
              data-testid="canned-prompt-input"
              onChange={(event) => setAnswers((prev) => ({ ...prev, [label]: event.target.value }))}
            />
          </label>
        ))}
        <div className="canned-prompt-actions">
          <button type="button" className="btn" onClick={canned.cancelPending}>
            {t('canned.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!complete}
            data-testid="canned-prompt-insert"
            onClick={() => canned.answerPending(answers)}
          >
            {t('canned.promptInsert')}
          </button>
        </div>
      </div>
    </dialog>
  );
}

export function SuggestionsRow({ canned }: { canned: CannedComposer }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (canned.suggested.length === 0) return null;
  return (
    <div className="canned-suggestions" role="group" aria-label={t('canned.suggestions')} data-testid="canned-suggestions">
      <span className="muted small">{t('canned.suggestions')}</span>
      {canned.suggested.map((response: CannedListItem, index) => (
        <button
          key={response.id}
          type="button"
          className="canned-chip"
          title={response.body}
          aria-keyshortcuts={`Alt+${index + 1}`}
          data-testid="canned-suggestion"
          onClick={() => canned.chooseSuggestion(response)}
        >
          <kbd>{t('canned.suggestionKey', { n: index + 1 })}</kbd> {response.title}
        </button>
      ))}
    </div>
  );
}

function SegmentView({ segment }: { segment: Segment }): React.JSX.Element {
  switch (segment.kind) {
    case 'text':
      return <>{segment.text}</>;
    case 'value':
      return <span className="canned-value">{segment.text}</span>;
    case 'missing':
      return (
        <mark className="canned-unresolved" data-testid="canned-unresolved">
          {segment.raw}
        </mark>
      );
    case 'prompt':
      return (
        <mark className="canned-unresolved" data-testid="canned-unresolved">
          {segment.raw}
        </mark>
      );
  }
}

/** The draft as it will be sent; shown while it holds variables, and always when it cannot be sent. */
export function DraftPreview({ canned, signature }: { canned: CannedComposer; signature: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const hasVariables = canned.segments.some((s) => s.kind !== 'text');
  if (!hasVariables && !signature) return null;
  return (
    <div className="canned-preview" data-testid="canned-preview" aria-live="polite">
      <span className="muted small">{t('canned.preview')}</span>
      <p>
        {canned.segments.map((segment, index) => (
          <SegmentView key={index} segment={segment} />
        ))}
        {signature && <span className="canned-signature">{signature}</span>}
      </p>
      {canned.unresolved.length > 0 && (
        <p className="form-error small" role="alert" data-testid="canned-blocked">
          {t('canned.unresolved', { names: [...new Set(canned.unresolved.map(placeholderName))].join(', ') })}
        </p>
      )}
    </div>
  );
}
