import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { StatusBadge, VipBadge } from '../common/Badges';
import { ChannelIcon } from '../common/ChannelIcon';
import { Snippet } from '../common/Snippet';

/** Full-text search hits (inbox.search), shown instead of the list while the search box has text. */
export function SearchResults(): React.JSX.Element {
  const { t } = useTranslation();
  const { text, hits, status, error, selected, openId, runSearch, openConversation } = useAppStore(
    useShallow((s) => ({
      text: s.searchText.trim(),
      hits: s.searchHits,
      status: s.searchStatus,
      error: s.searchError,
      selected: s.searchSelectedIndex,
      openId: s.openId,
      runSearch: s.runSearch,
      openConversation: s.openConversation,
    })),
  );

  if (status === 'error') {
    return (
      <div className="pane-state" role="alert">
        <p>{t('inbox.searchError', { message: error ?? '' })}</p>
        <button type="button" className="btn" onClick={() => void runSearch()}>
          {t('inbox.retry')}
        </button>
      </div>
    );
  }
  if (hits.length === 0) {
    return (
      <div className="pane-state" role="status">
        <p>{status === 'done' ? t('inbox.noResults', { query: text }) : t('inbox.searching')}</p>
      </div>
    );
  }
  return (
    <div className="search-results" role="listbox" aria-label={t('inbox.searchResultsLabel')} tabIndex={0} data-testid="search-results" aria-busy={status === 'loading'}>
      {hits.map((hit, index) => (
        <div
          key={hit.row.id}
          role="option"
          aria-selected={index === selected}
          className={`search-hit${index === selected ? ' is-selected' : ''}${hit.row.id === openId ? ' is-open' : ''}`}
          data-testid="search-hit"
          data-conversation-id={hit.row.id}
          onClick={() => openConversation(hit.row.id)}
        >
          <div className="row-line row-head">
            <ChannelIcon channel={hit.row.channel} />
            <span className="row-name">{hit.row.contactName}</span>
            {hit.row.contactTier === 'vip' && <VipBadge />}
            <span className="row-spacer" />
            <StatusBadge status={hit.row.status} />
          </div>
          <div className="search-snippet">
            <Snippet text={hit.snippet} />
          </div>
        </div>
      ))}
    </div>
  );
}
