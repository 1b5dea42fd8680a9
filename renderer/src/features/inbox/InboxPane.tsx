import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SEARCH_INPUT_ID } from '../../app/useKeyboardShortcuts';
import { useAppStore } from '../../store';
import { InboxFilters } from './InboxFilters';
import { InboxList } from './InboxList';
import { SearchResults } from './SearchResults';
import { isComposingKey } from '../common/ime';

const SEARCH_DEBOUNCE_MS = 250;

/** Left column of the inbox route: search, filters, and the list (or search results). */
export function InboxPane(): React.JSX.Element {
  const { t } = useTranslation();
  const { searchText, setSearchText, runSearch, clearSearch } = useAppStore(
    useShallow((s) => ({ searchText: s.searchText, setSearchText: s.setSearchText, runSearch: s.runSearch, clearSearch: s.clearSearch })),
  );
  const searching = searchText.trim().length > 0;
  // While an IME composes, the box holds pinyin the user has not chosen yet: search what they
  // confirm, not "fapiao" on the way to "发票".
  const [composing, setComposing] = useState(false);

  useEffect(() => {
    if (!searchText.trim() || composing) return;
    const timer = setTimeout(() => void runSearch(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText, composing, runSearch]);

  return (
    <section className="inbox-pane" aria-label={t('inbox.title')}>
      <div className="search-box" role="search">
        <label className="visually-hidden" htmlFor={SEARCH_INPUT_ID}>
          {t('inbox.searchLabel')}
        </label>
        <svg className="search-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="11" cy="11" r="7" />
          <path d="M20 20l-4-4" />
        </svg>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          className="search-input"
          placeholder={t('inbox.searchPlaceholder')}
          value={searchText}
          maxLength={200}
          data-testid="inbox-search"
          onChange={(e) => setSearchText(e.target.value)}
          onCompositionStart={() => setComposing(true)}
          onCompositionEnd={() => setComposing(false)}
          onKeyDown={(e) => {
            if (isComposingKey(e)) return;
            if (e.key === 'Enter') {
              e.preventDefault();
              void runSearch();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              clearSearch();
              e.currentTarget.blur();
            }
          }}
        />
        {searching && (
          <button type="button" className="btn btn-ghost btn-small" onClick={clearSearch} aria-label={t('inbox.clearSearch')}>
            ×
          </button>
        )}
      </div>
      {!searching && <InboxFilters />}
      <div id="inbox-panel" className="inbox-body">
        {searching ? <SearchResults /> : <InboxBody />}
      </div>
    </section>
  );
}

/** The list, or the empty / error state instead of it. */
function InboxBody(): React.JSX.Element {
  const { t } = useTranslation();
  const { total, error, hasFilters, refresh } = useAppStore(
    useShallow((s) => ({
      total: s.inboxTotal,
      error: s.inboxError,
      hasFilters: s.inboxFilters.statuses.length + s.inboxFilters.channels.length + s.inboxFilters.priorities.length > 0,
      refresh: s.refreshInbox,
    })),
  );
  if (error && !total) {
    return (
      <div className="pane-state" role="alert" data-testid="inbox-error">
        <p>{t('inbox.error', { message: error })}</p>
        <button type="button" className="btn" onClick={() => refresh()}>
          {t('inbox.retry')}
        </button>
      </div>
    );
  }
  if (total === 0) {
    return (
      <div className="pane-state" data-testid="inbox-empty">
        <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
          <path d="M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6z" />
        </svg>
        <p className="pane-state-title">{t('inbox.empty')}</p>
        <p className="muted">{hasFilters ? t('inbox.emptyFiltered') : t('inbox.emptyHint')}</p>
      </div>
    );
  }
  return <InboxList />;
}
