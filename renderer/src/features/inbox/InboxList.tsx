/**
 * The virtualized inbox. Only the rows in view (plus overscan) are rendered, and only their
 * pages are fetched; `inboxTotal` sizes the scroll area, so 100k rows cost the same as 100.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';
import { inboxRowAt } from '../../store/inboxSlice';
import { InboxRowView } from './InboxRowView';

export const ROW_HEIGHT = 64;

export function InboxList(): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { total, pages, generation, selectedIndex, openId, ensureRange, setSelectedIndex, openConversation, moveSelection } = useAppStore(
    useShallow((s) => ({
      total: s.inboxTotal ?? 0,
      pages: s.inboxPages,
      generation: s.inboxGeneration,
      selectedIndex: s.selectedIndex,
      openId: s.openId,
      ensureRange: s.ensureInboxRange,
      setSelectedIndex: s.setSelectedIndex,
      openConversation: s.openConversation,
      moveSelection: s.moveSelection,
    })),
  );

  // The virtualizer drives its own re-renders; this component is intentionally not memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, total, generation, ensureRange]);

  useEffect(() => {
    if (selectedIndex < total) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);

  const selectedRendered = items.some((item) => item.index === selectedIndex);

  return (
    <div
      ref={scrollRef}
      className="inbox-scroll"
      role="listbox"
      aria-label={t('inbox.listLabel')}
      tabIndex={0}
      data-testid="inbox-list"
      data-total={total}
      aria-activedescendant={selectedRendered ? `inbox-option-${selectedIndex}` : undefined}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          moveSelection(event.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <div role="presentation" className="inbox-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = inboxRowAt(pages, item.index);
          const selected = item.index === selectedIndex;
          const style = { height: item.size, transform: `translateY(${item.start}px)` };
          if (!row) {
            return (
              <div key={item.key} role="option" aria-selected={selected} aria-busy="true" id={`inbox-option-${item.index}`} className="inbox-row is-loading" style={style}>
                <span className="skeleton" aria-hidden="true" />
                <span className="visually-hidden">{t('inbox.loadingRow')}</span>
              </div>
            );
          }
          return (
            <div
              key={item.key}
              role="option"
              id={`inbox-option-${item.index}`}
              aria-selected={selected}
              aria-current={row.id === openId ? 'true' : undefined}
              className={`inbox-row${selected ? ' is-selected' : ''}${row.id === openId ? ' is-open' : ''}${row.priority === 'urgent' ? ' is-urgent' : ''}`}
              style={style}
              data-testid="inbox-row"
              data-conversation-id={row.id}
              data-index={item.index}
              onClick={() => {
                setSelectedIndex(item.index);
                openConversation(row.id);
              }}
            >
              <InboxRowView row={row} now={now} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
